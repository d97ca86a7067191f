import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { GrantRefInput } from "@/lib/grants/schemas";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db";
import { requireGrantableLedger, requireGrantWriter } from "@/lib/server/grants/access-rules";
import { loadGrantForUpdate } from "@/lib/server/grants/load-grant";
import { GRANT_SELECT, toGrantDto, type GrantActor, type GrantDto } from "@/lib/server/grants/grant-record";
import { revokedNotice } from "@/lib/server/grants/grant-notices";
import { serverGrantSchemas } from "@/lib/server/grants/server-messages";
import { runAfterCommit, type AfterCommit } from "@/lib/server/grants/transaction";
import { notifyPartnerUsers } from "@/lib/server/notifications/notify";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { personActorLabel } from "@/lib/server/audit/actor";
import { invalidInputError } from "@/lib/server/actions/field-errors";

const problems = errorTranslator("grantProblems");

/**
 * M3: ends a grant in one step (also withdraws one still waiting for approval). The partner's next read is
 * refused (reads check the grant each time), the partner is told, and upstream is told after commit.
 * Revoking a revoked grant changes nothing (idempotent); an expired or declined grant is a CONFLICT.
 * Tenant rules as in grantLedgerAccess; another merchant's grant is NOT_FOUND.
 */
export async function revokeGrant(input: GrantRefInput, actor: GrantActor): Promise<GrantDto> {
  requireGrantWriter(actor);
  const parsed = serverGrantSchemas.grantRefSchema.safeParse(input);
  if (!parsed.success) throw invalidInputError(parsed.error.issues);

  const { value, afterCommit } = await db.$transaction(async (tx): Promise<{ value: GrantDto; afterCommit: AfterCommit }> => {
    const { grant, partner, ledger } = await loadGrantForUpdate(tx, actor, parsed.data.grantId);
    requireGrantableLedger(actor, ledger);
    if (grant.status === "revoked") return { value: grant, afterCommit: [] };
    if (grant.status !== "active" && grant.status !== "pending_approval") throw new AppError("CONFLICT", problems("ended"));
    const now = new Date();
    const row = await tx.ledgerGrant.update({
      where: { id: grant.id },
      data: { status: "revoked", revokedAt: now, revokedById: actor.user.id, updatedAt: now },
      select: GRANT_SELECT,
    });
    const after = toGrantDto(row);
    await appendAuditEvent(tx, {
      actorUserId: actor.user.id,
      actorLabel: personActorLabel(actor.user),
      action: "grant.revoked",
      merchantId: actor.merchantId,
      partnerId: partner.id,
      targetType: "LedgerGrant",
      targetId: grant.id,
      before: grant,
      after: { ...after, ledgerExternalId: ledger.externalId },
    });
    // A grant still waiting for approval never reached the partner: nothing to tell them.
    if (grant.status === "active") {
      await notifyPartnerUsers(tx, partner.id, revokedNotice({ merchantId: actor.merchantId, merchant: actor.merchantName, partner: partner.name }, ledger.externalId), { merchantId: actor.merchantId });
    }
    return { value: after, afterCommit: [{ kind: "flush-outbox" }, { kind: "sync-partner", partnerId: partner.id }] };
  });
  await runAfterCommit(afterCommit);
  return value;
}
