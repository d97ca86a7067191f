import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { coversAllLedgers, fourEyesReasons } from "@/lib/grants/four-eyes";
import type { ChangeGrantInput, GrantScopeValues } from "@/lib/grants/schemas";
import { applyScopeEdit } from "@/lib/grants/scope-compare";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db";
import { requireGrantableLedger, requireGrantWriter } from "@/lib/server/grants/access-rules";
import { loadGrantForUpdate, type LoadedGrant } from "@/lib/server/grants/load-grant";
import {
  GRANT_SELECT, isNarrowing, LIVE_STATUSES, sameScope, scopeOf, scopeToDb, toGrantDto, type GrantActor, type GrantDto,
} from "@/lib/server/grants/grant-record";
import { approvalNeededNotice, changedNotice, pausedNotice } from "@/lib/server/grants/grant-notices";
import { serverGrantSchemas } from "@/lib/server/grants/server-messages";
import { runAfterCommit, type AfterCommit } from "@/lib/server/grants/transaction";
import { notifyMerchantAdmins, notifyPartnerUsers } from "@/lib/server/notifications/notify";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { personActorLabel } from "@/lib/server/audit/actor";
import { invalidInputError } from "@/lib/server/actions/field-errors";

const problems = errorTranslator("grantProblems");

/**
 * M3: narrows or widens a live grant (period, personal data, end date) in one step. Narrowing applies at
 * once. Widening into four-eyes territory (personal data, no end date, or a partner that holds every
 * ledger) puts the grant back to `pending_approval` with the new scope: the partner cannot read the ledger
 * until a second admin approves (docs/decisions/008-grant-lifecycle.md). The partner's reads check the
 * grant each time, so the change applies to its next read; upstream is told after commit.
 *
 * `base` is the scope the form showed. With it, only the fields the user changed are applied, onto the grant
 * as it is now, so a renewal or another change committed meanwhile is kept rather than silently written back
 * (docs/decisions/011-serialising-grant-changes.md). Without it the input is the whole new scope.
 *
 * An unchanged scope changes nothing (idempotent). A revoked, expired or declined grant is a CONFLICT.
 * Tenant rules as in grantLedgerAccess; another merchant's grant is NOT_FOUND.
 */
export async function changeGrant(input: ChangeGrantInput, actor: GrantActor): Promise<GrantDto> {
  requireGrantWriter(actor);
  const parsed = serverGrantSchemas.changeGrantSchema.safeParse(input);
  if (!parsed.success) throw invalidInputError(parsed.error.issues);
  const { grantId, base, ...edited } = parsed.data;

  const { value, afterCommit } = await db.$transaction(async (tx) => {
    const loaded = await loadGrantForUpdate(tx, actor, grantId);
    requireGrantableLedger(actor, loaded.ledger);
    if (!(LIVE_STATUSES as readonly string[]).includes(loaded.grant.status)) throw new AppError("CONFLICT", problems("ended"));
    const next = base ? applyScopeEdit(scopeOf(loaded.grant), scopeOf(base), scopeOf(edited)) : scopeOf(edited);
    // Someone else moved the other end of the period meanwhile: the merge makes no sense, so nothing changes.
    if (next.periodFrom && next.periodTo && next.periodFrom > next.periodTo) throw new AppError("CONFLICT", problems("changedMeanwhile"));
    return writeGrantChange(tx, actor, loaded, next);
  });
  await runAfterCommit(afterCommit);
  return value;
}

/**
 * Writes a new scope onto a grant loaded (and so locked) by loadGrantForUpdate in this transaction: the four-eyes
 * decision on what the partner holds now, only the columns that change, the audit event and the notices.
 * Shared by changeGrant and the one-click renewal, which passes the grant's own scope with a later end date.
 */
export async function writeGrantChange(
  tx: Prisma.TransactionClient,
  actor: GrantActor,
  { grant, partner, ledger }: Pick<LoadedGrant, "grant" | "partner" | "ledger">,
  next: GrantScopeValues,
): Promise<{ value: GrantDto; afterCommit: AfterCommit }> {
  if (sameScope(grant, next)) return { value: grant, afterCommit: [] };

  let status = grant.status;
  let reasons: ReturnType<typeof fourEyesReasons> = [];
  if (!isNarrowing(grant, next)) {
    const [merchantLedgers, held] = await Promise.all([
      tx.ledger.findMany({ where: { merchantId: actor.merchantId }, select: { id: true } }),
      tx.ledgerGrant.findMany({ where: { partnerId: partner.id, merchantId: actor.merchantId, status: { in: [...LIVE_STATUSES] } }, select: { ledgerId: true } }),
    ]);
    reasons = fourEyesReasons({ ...next, coversAllLedgers: coversAllLedgers(merchantLedgers.map((l) => l.id), held.map((g) => g.ledgerId)) });
    if (reasons.length > 0) status = "pending_approval";
  }
  const needsApproval = reasons.length > 0;
  const row = await tx.ledgerGrant.update({
    where: { id: grant.id },
    data: {
      ...changedColumns(grant, next),
      status,
      updatedAt: new Date(),
      // A widened scope is a new request: whoever widened it asked for it, and nobody has approved it yet.
      ...(needsApproval ? { requiresSecondApproval: true, grantedById: actor.user.id, approvedById: null } : {}),
    },
    select: GRANT_SELECT,
  });
  const after = toGrantDto(row);
  await appendAuditEvent(tx, {
    actorUserId: actor.user.id,
    actorLabel: personActorLabel(actor.user),
    action: "grant.changed",
    merchantId: actor.merchantId,
    partnerId: partner.id,
    targetType: "LedgerGrant",
    targetId: grant.id,
    before: grant,
    after: { ...after, ledgerExternalId: ledger.externalId, fourEyesReasons: reasons },
  });

  const parties = { merchantId: actor.merchantId, merchant: actor.merchantName, partner: partner.name };
  if (grant.status === "active" && after.status === "active") {
    await notifyPartnerUsers(tx, partner.id, changedNotice(parties, ledger.externalId, next), { merchantId: actor.merchantId });
  } else if (grant.status === "active" && after.status === "pending_approval") {
    await notifyPartnerUsers(tx, partner.id, pausedNotice(parties, ledger.externalId, next), { merchantId: actor.merchantId });
  }
  if (needsApproval) {
    await notifyMerchantAdmins(tx, actor.merchantId, approvalNeededNotice(parties, actor.user.name ?? actor.user.email, [ledger.externalId], next, reasons), { exceptUserId: actor.user.id });
  }
  const steps: AfterCommit = [{ kind: "flush-outbox" }];
  if (grant.status === "active") steps.push({ kind: "sync-partner", partnerId: partner.id });
  return { value: after, afterCommit: steps };
}

/** Only the scope columns whose value changes: a renewal writes the end date and nothing else. */
function changedColumns(prev: GrantScopeValues, next: GrantScopeValues): Partial<ReturnType<typeof scopeToDb>> {
  const all = scopeToDb(next);
  const keys = (Object.keys(all) as (keyof GrantScopeValues)[]).filter((k) => prev[k] !== next[k]);
  return Object.fromEntries(keys.map((k) => [k, all[k]]));
}

