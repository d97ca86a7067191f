import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { todayPortalDate } from "@/lib/dates";
import type { DeclineGrantInput, GrantRefInput } from "@/lib/grants/schemas";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db";
import { requireGrantApprover } from "@/lib/server/grants/access-rules";
import { loadGrantForUpdate } from "@/lib/server/grants/load-grant";
import { GRANT_SELECT, scopeOf, scopeToDb, toGrantDto, type GrantActor, type GrantDto } from "@/lib/server/grants/grant-record";
import { approvedNotice, changedNotice, declinedNotice, grantedNotice } from "@/lib/server/grants/grant-notices";
import { serverGrantSchemas } from "@/lib/server/grants/server-messages";
import { runAfterCommit, type AfterCommit } from "@/lib/server/grants/transaction";
import { notifyPartnerUsers, notifyUser } from "@/lib/server/notifications/notify";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { personActorLabel } from "@/lib/server/audit/actor";
import { invalidInputError } from "@/lib/server/actions/field-errors";

const problems = errorTranslator("grantProblems");

/**
 * M5: a second merchant admin approves a grant waiting for approval; it becomes active, the partner is told
 * and upstream follows. The admin who asked for it cannot approve it (FORBIDDEN), managers and viewers
 * cannot approve at all (FORBIDDEN), another merchant's grant is NOT_FOUND. Approving twice is a no-op.
 */
export async function approveGrant(input: GrantRefInput, actor: GrantActor): Promise<GrantDto> {
  requireGrantApprover(actor);
  const parsed = serverGrantSchemas.grantRefSchema.safeParse(input);
  if (!parsed.success) throw invalidInputError(parsed.error.issues);

  const { value, afterCommit } = await db.$transaction(async (tx): Promise<{ value: GrantDto; afterCommit: AfterCommit }> => {
    const { grant, partner, ledger } = await loadGrantForUpdate(tx, actor, parsed.data.grantId);
    if (grant.status === "active" && grant.approvedById === actor.user.id) return { value: grant, afterCommit: [] };
    if (grant.status !== "pending_approval") throw new AppError("CONFLICT", problems("notPending"));
    if (grant.grantedById === actor.user.id) throw new AppError("FORBIDDEN", problems("ownApproval"));
    if (grant.validUntil && grant.validUntil < todayPortalDate()) throw new AppError("CONFLICT", problems("endDatePassed"));
    const row = await tx.ledgerGrant.update({
      where: { id: grant.id },
      data: { status: "active", approvedById: actor.user.id, updatedAt: new Date() },
      select: GRANT_SELECT,
    });
    const after = toGrantDto(row);
    await appendAuditEvent(tx, {
      actorUserId: actor.user.id,
      actorLabel: personActorLabel(actor.user),
      action: "grant.approved",
      merchantId: actor.merchantId,
      partnerId: partner.id,
      targetType: "LedgerGrant",
      targetId: grant.id,
      before: grant,
      after: { ...after, ledgerExternalId: ledger.externalId },
    });
    const parties = { merchantId: actor.merchantId, merchant: actor.merchantName, partner: partner.name };
    await notifyPartnerUsers(tx, partner.id, grantedNotice(parties, [ledger.externalId], scopeOf(after)), { merchantId: actor.merchantId });
    if (grant.grantedById) {
      await notifyUser(tx, grant.grantedById, approvedNotice(parties, actor.user.name ?? actor.user.email, ledger.externalId, scopeOf(after), grant.id));
    }
    return { value: after, afterCommit: [{ kind: "flush-outbox" }, { kind: "sync-partner", partnerId: partner.id }] };
  });
  await runAfterCommit(afterCommit);
  return value;
}

/**
 * M5: a second merchant admin declines a grant waiting for approval (status `declined`; the partner never
 * had it, upstream is unchanged). The admin who asked for it withdraws it with revokeGrant instead.
 */
export async function declineGrant(input: DeclineGrantInput, actor: GrantActor): Promise<GrantDto> {
  requireGrantApprover(actor);
  const parsed = serverGrantSchemas.declineGrantSchema.safeParse(input);
  if (!parsed.success) throw invalidInputError(parsed.error.issues);

  const { value, afterCommit } = await db.$transaction(async (tx): Promise<{ value: GrantDto; afterCommit: AfterCommit }> => {
    const { grant, partner, ledger } = await loadGrantForUpdate(tx, actor, parsed.data.grantId);
    if (grant.status === "declined") return { value: grant, afterCommit: [] };
    if (grant.status !== "pending_approval") throw new AppError("CONFLICT", problems("notPending"));
    if (grant.grantedById === actor.user.id) throw new AppError("FORBIDDEN", problems("ownDecline"));
    // A widening of an active grant that is declined falls back to the access the partner had before.
    const previous = await scopeBeforeWidening(tx, grant.id);
    const restore = previous && (!previous.validUntil || previous.validUntil >= todayPortalDate()) ? previous : null;
    const row = await tx.ledgerGrant.update({
      where: { id: grant.id },
      data: restore
        ? { ...scopeToDb(restore), status: "active", grantedById: restore.grantedById, approvedById: restore.approvedById, updatedAt: new Date() }
        : { status: "declined", updatedAt: new Date() },
      select: GRANT_SELECT,
    });
    const after = toGrantDto(row);
    const reason = parsed.data.reason || undefined;
    await appendAuditEvent(tx, {
      actorUserId: actor.user.id,
      actorLabel: personActorLabel(actor.user),
      action: "grant.declined",
      merchantId: actor.merchantId,
      partnerId: partner.id,
      targetType: "LedgerGrant",
      targetId: grant.id,
      before: grant,
      after: { ...after, ledgerExternalId: ledger.externalId, reason: reason ?? null },
    });
    const parties = { merchantId: actor.merchantId, merchant: actor.merchantName, partner: partner.name };
    if (grant.grantedById) {
      await notifyUser(tx, grant.grantedById, declinedNotice(parties, actor.user.name ?? actor.user.email, ledger.externalId, reason, grant.id));
    }
    if (restore) {
      await notifyPartnerUsers(tx, partner.id, changedNotice(parties, ledger.externalId, scopeOf(after)), { merchantId: actor.merchantId });
      return { value: after, afterCommit: [{ kind: "flush-outbox" }, { kind: "sync-partner", partnerId: partner.id }] };
    }
    return { value: after, afterCommit: [{ kind: "flush-outbox" }] };
  });
  await runAfterCommit(afterCommit);
  return value;
}

const previousGrantSchema = z.object({
  status: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  includesPersonalData: z.boolean(),
  validUntil: z.string().nullable(),
  grantedById: z.string().nullable(),
  approvedById: z.string().nullable(),
});

/**
 * The scope an active grant had before someone widened it into four-eyes territory, read from the grant's
 * own audit trail (append-only and hash-chained, so it is the record of what was approved), or null when
 * the pending grant was never active.
 */
async function scopeBeforeWidening(tx: Prisma.TransactionClient, grantId: string) {
  const events = await tx.auditEvent.findMany({
    where: { targetType: "LedgerGrant", targetId: grantId },
    orderBy: { id: "desc" },
    take: 50,
    select: { action: true, before: true },
  });
  // Walk back over changes made while it was pending, to the change that took it out of "active".
  for (const e of events) {
    if (e.action !== "grant.changed") return null;
    const before = previousGrantSchema.safeParse(e.before);
    if (!before.success) return null;
    if (before.data.status === "active") return before.data;
    if (before.data.status !== "pending_approval") return null;
  }
  return null;
}
