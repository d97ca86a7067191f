import "server-only";
import { ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db";
import { GRANT_SELECT, LIVE_STATUSES, toGrantDto } from "@/lib/server/grants/grant-record";
import { lockMerchantPartner } from "@/lib/server/grants/lock-merchant-partner";
import { expiredNotice } from "@/lib/server/grants/grant-notices";
import { runAfterCommit, type AfterCommit } from "@/lib/server/grants/transaction";
import { notifyPartnerUsers } from "@/lib/server/notifications/notify";
import { SYSTEM_ACTOR } from "@/lib/server/audit/actor";


/**
 * Grants whose end date has passed become `expired` (partner reads already stop on the end date; this makes
 * the status say so, tells the partner, and takes the ledger away upstream). Runs from a daily job; safe to
 * repeat. Returns how many grants expired.
 */
export async function expireGrants(today: string = todayPortalDate()): Promise<number> {
  const due = await db.ledgerGrant.findMany({
    where: { status: { in: [...LIVE_STATUSES] }, validUntil: { lt: ledgerDateToDb(today) } },
    select: { id: true, merchantId: true, partnerId: true },
    take: 500,
  });
  let expired = 0;
  const afterCommit: AfterCommit = [];
  for (const { id, merchantId, partnerId } of due) {
    const steps = await db.$transaction(async (tx): Promise<AfterCommit> => {
      // An expiry changes what the partner holds of the merchant, so it takes its turn like any other change.
      await lockMerchantPartner(tx, merchantId, partnerId);
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "LedgerGrant" WHERE "id" = ${id}::uuid FOR UPDATE`;
      if (locked.length === 0) return [];
      const row = await tx.ledgerGrant.findUniqueOrThrow({
        where: { id },
        select: { ...GRANT_SELECT, merchant: { select: { name: true } }, partner: { select: { name: true } }, ledger: { select: { externalId: true } } },
      });
      const { merchant, partner, ledger, ...rest } = row;
      const before = toGrantDto(rest);
      // Re-checked under the lock: someone may have renewed it a moment ago.
      if (!(LIVE_STATUSES as readonly string[]).includes(before.status) || !before.validUntil || before.validUntil >= today) return [];
      const updated = await tx.ledgerGrant.update({ where: { id }, data: { status: "expired", updatedAt: new Date() }, select: GRANT_SELECT });
      await appendAuditEvent(tx, {
        actorUserId: null,
        actorLabel: SYSTEM_ACTOR.actorLabel,
        action: "grant.expired",
        merchantId: before.merchantId,
        partnerId: before.partnerId,
        targetType: "LedgerGrant",
        targetId: id,
        before,
        after: { ...toGrantDto(updated), ledgerExternalId: ledger.externalId },
      });
      if (before.status === "active") {
        await notifyPartnerUsers(tx, before.partnerId, expiredNotice({ merchantId: before.merchantId, merchant: merchant.name, partner: partner.name }, ledger.externalId), { merchantId: before.merchantId });
      }
      return [{ kind: "flush-outbox" }, { kind: "sync-partner", partnerId: before.partnerId }];
    });
    if (steps.length > 0) expired += 1;
    afterCommit.push(...steps);
  }
  await runAfterCommit(afterCommit);
  return expired;
}
