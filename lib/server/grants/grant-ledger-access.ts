import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/ids";
import { coversAllLedgers, fourEyesReasons } from "@/lib/grants/four-eyes";
import type { GrantAccessInput } from "@/lib/grants/schemas";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { db } from "@/lib/server/db";
import { requireGrantableLedger, requireGrantWriter } from "@/lib/server/grants/access-rules";
import { lockMerchantPartner } from "@/lib/server/grants/lock-merchant-partner";
import { runAfterCommit, isUniqueViolation, type AfterCommit } from "@/lib/server/grants/transaction";
import {
  GRANT_SELECT, LIVE_STATUSES, sameScope, scopeOf, scopeToDb, toGrantDto, type GrantActor, type GrantDto,
} from "@/lib/server/grants/grant-record";
import { approvalNeededNotice, grantConsentText, grantedNotice } from "@/lib/server/grants/grant-notices";
import { serverGrantSchemas } from "@/lib/server/grants/server-messages";
import { notifyMerchantAdmins, notifyPartnerUsers } from "@/lib/server/notifications/notify";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { personActorLabel } from "@/lib/server/audit/actor";
import { invalidInputError } from "@/lib/server/actions/field-errors";

const problems = errorTranslator("grantProblems");

/** What "Grant access" needs. `requestId` ties the grants to the access request they answer (M4). */
export type GrantLedgerAccessInput = Omit<GrantAccessInput, "consentAccepted"> & { requestId?: string | null };

/**
 * M2: grants a partner access to one or more ledgers of the actor's merchant, one grant per ledger, in one
 * transaction. Each grant is `active`, or `pending_approval` when the four-eyes rule applies (personal
 * data, every ledger of the merchant, or no end date). Writes an audit event per grant, tells the partner
 * (active) or the other admins (pending), and after commit pushes the partner's grants upstream.
 *
 * Idempotent: submitting the same grant twice (a double click, two tabs, a retried request) returns the
 * existing grants and creates nothing. A live grant on the same ledger with a different scope is a
 * CONFLICT: it must be changed, not granted again.
 *
 * Tenant rules: the ledgers must belong to actor.merchantId (else NOT_FOUND); a manager may only grant
 * ledgers whose every sales unit they manage (else NOT_FOUND / FORBIDDEN); viewers get FORBIDDEN.
 */
export async function grantLedgerAccess(input: GrantLedgerAccessInput, actor: GrantActor): Promise<GrantDto[]> {
  requireGrantWriter(actor);
  const parsed = parseInput(input);
  // Concurrent submits serialise on the merchant-and-partner lock, so the loser sees the winner's grant.
  // The partial unique index is the backstop; if it ever fires, one more attempt finds the winner.
  for (let attempt = 0; ; attempt++) {
    try {
      const { value, afterCommit } = await db.$transaction((tx) => grantLedgerAccessInTransaction(tx, parsed, actor));
      await runAfterCommit(afterCommit);
      return value;
    } catch (err) {
      if (isUniqueViolation(err) && attempt === 0) continue;
      if (isUniqueViolation(err)) throw new AppError("CONFLICT", problems("busy"));
      throw err;
    }
  }
}

/**
 * The same, inside a transaction the caller owns (e.g. approving an access request and creating its grants
 * together). The caller must run `afterCommit` once its transaction has committed.
 */
export async function grantLedgerAccessInTransaction(
  tx: Prisma.TransactionClient,
  input: GrantLedgerAccessInput,
  actor: GrantActor,
): Promise<{ value: GrantDto[]; afterCommit: AfterCommit }> {
  requireGrantWriter(actor);
  const s = parseInput(input);
  // First, before anything that decides: what the partner already holds and whether this completes the set.
  await lockMerchantPartner(tx, actor.merchantId, s.partnerId);
  const partner = await tx.accountingPartner.findFirst({ where: { id: s.partnerId, status: "approved" }, select: { id: true, name: true } });
  if (!partner) throw new AppError("NOT_FOUND", problems("partnerNotFound"), { partnerId: problems("partnerNotFound") });

  const ledgers = await tx.ledger.findMany({
    where: { id: { in: s.ledgerIds }, merchantId: actor.merchantId },
    select: { id: true, externalId: true, salesUnits: { select: { id: true } } },
    orderBy: { externalId: "asc" },
  });
  if (ledgers.length !== s.ledgerIds.length) throw new AppError("NOT_FOUND", problems("ledgerNotFound"), { ledgerIds: problems("ledgerNotFound") });
  for (const l of ledgers) requireGrantableLedger(actor, { externalId: l.externalId, salesUnitIds: l.salesUnits.map((u) => u.id) });

  if (s.requestId) {
    if (!isUuid(s.requestId)) throw new AppError("NOT_FOUND", problems("requestNotFound"));
    const request = await tx.accessRequest.findFirst({ where: { id: s.requestId, merchantId: actor.merchantId, partnerId: partner.id }, select: { id: true } });
    if (!request) throw new AppError("NOT_FOUND", problems("requestNotFound"));
  }

  const live = await tx.ledgerGrant.findMany({
    where: { partnerId: partner.id, merchantId: actor.merchantId, status: { in: [...LIVE_STATUSES] } },
    select: GRANT_SELECT,
  });
  const scope = scopeOf(s);
  const existing: GrantDto[] = [];
  const toCreate: typeof ledgers = [];
  for (const l of ledgers) {
    const found = live.find((g) => g.ledgerId === l.id);
    if (!found) toCreate.push(l);
    else if (sameScope(toGrantDto(found), scope)) existing.push(toGrantDto(found));
    else throw new AppError("CONFLICT", problems("conflictScope", { partner: partner.name, ledger: l.externalId }), { ledgerIds: problems("conflictScope", { partner: partner.name, ledger: l.externalId }) });
  }
  if (toCreate.length === 0) return { value: existing, afterCommit: [] };

  const merchantLedgers = await tx.ledger.findMany({ where: { merchantId: actor.merchantId }, select: { id: true } });
  const reasons = fourEyesReasons({
    includesPersonalData: scope.includesPersonalData,
    validUntil: scope.validUntil,
    coversAllLedgers: coversAllLedgers(merchantLedgers.map((l) => l.id), [...live.map((g) => g.ledgerId), ...toCreate.map((l) => l.id)]),
  });
  const status = reasons.length > 0 ? "pending_approval" : "active";
  const externalIds = toCreate.map((l) => l.externalId);
  const consent = grantConsentText({ merchant: actor.merchantName, partner: partner.name, ledgers: externalIds, scope });

  const created: GrantDto[] = [];
  for (const l of toCreate) {
    const row = await tx.ledgerGrant.create({
      data: {
        merchantId: actor.merchantId,
        partnerId: partner.id,
        ledgerId: l.id,
        ...scopeToDb(scope),
        status,
        requiresSecondApproval: reasons.length > 0,
        grantedById: actor.user.id,
        requestId: s.requestId ?? null,
        consentText: consent,
      },
      select: GRANT_SELECT,
    });
    const grant = toGrantDto(row);
    await appendAuditEvent(tx, {
      actorUserId: actor.user.id,
      actorLabel: personActorLabel(actor.user),
      action: "grant.created",
      merchantId: actor.merchantId,
      partnerId: partner.id,
      targetType: "LedgerGrant",
      targetId: grant.id,
      before: null,
      after: { ...grant, ledgerExternalId: l.externalId, fourEyesReasons: reasons },
    });
    created.push(grant);
  }

  const parties = { merchantId: actor.merchantId, merchant: actor.merchantName, partner: partner.name };
  if (status === "active") {
    await notifyPartnerUsers(tx, partner.id, grantedNotice(parties, externalIds, scope), { merchantId: actor.merchantId });
  } else {
    await notifyMerchantAdmins(tx, actor.merchantId, approvalNeededNotice(parties, actor.user.name ?? actor.user.email, externalIds, scope, reasons), { exceptUserId: actor.user.id });
  }
  // Pending grants give nothing upstream yet; the outbox always has news to send.
  const afterCommit: AfterCommit = [{ kind: "flush-outbox" }, ...(status === "active" ? [{ kind: "sync-partner" as const, partnerId: partner.id }] : [])];
  return { value: [...existing, ...created], afterCommit };
}

function parseInput(input: GrantLedgerAccessInput): GrantLedgerAccessInput {
  // Core functions are also called by other features: they check the input themselves, with the same schema.
  const parsed = serverGrantSchemas.grantAccessSchema.safeParse({ ...input, consentAccepted: true });
  if (!parsed.success) throw invalidInputError(parsed.error.issues);
  const { consentAccepted: _consent, ...rest } = parsed.data;
  return { ...rest, requestId: input.requestId ?? null };
}
