import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate } from "@/lib/dates";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { grantLedgerAccessInTransaction, runAfterCommit, type GrantDto } from "@/lib/server/grants";
import { notifyPartnerUsers } from "@/lib/server/notifications";
import { loadRequestForMerchantUpdate, requireOpen, type RequestRow } from "@/lib/server/access-requests/load-request";
import { requireMerchantCan } from "@/lib/server/authz/require";
import { personActor } from "@/lib/server/audit/actor";
import { dateText } from "@/lib/server/notifications/describe";
import type { ApproveAccessRequestInput } from "@/lib/lifecycle/schemas";
import { serverTranslator } from "@/lib/server/i18n/server-translator";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { localizedNotice } from "@/lib/server/notifications/notify";

const problems = errorTranslator("lifecycleProblems");

export interface ApprovedRequest {
  requestId: string;
  grants: GrantDto[];
  /** The four-eyes rule applied: the grants wait for a second admin before the partner can read. */
  pendingApproval: boolean;
  narrowed: boolean;
}

/**
 * M4: the merchant approves a request, possibly narrowed: fewer ledgers (of those the request names; any of
 * the merchant's for a request by org. number), a shorter period, no personal data, an earlier end. It can
 * never give more than was asked. The grants are made by the grant core (grantLedgerAccessInTransaction) in
 * this same transaction with requestId, so its rules apply unchanged: a manager only grants ledgers whose
 * every sales unit is theirs, and personal data, every ledger or no end date wait for a second admin (M5).
 * The request, its grants, their audit events and the notices commit together; upstream is told after.
 */
export async function approveAccessRequest(ctx: MerchantContext, input: ApproveAccessRequestInput, now: Date = new Date()): Promise<ApprovedRequest> {
  requireMerchantCan(ctx, "requests.decide");
  const { value, afterCommit } = await db.$transaction(async (tx) => {
    const { request, access } = await loadRequestForMerchantUpdate(tx, ctx, input.requestId);
    if (access !== "decidable") throw new AppError("FORBIDDEN", problems("requestOutsideScope"));
    requireOpen(request, now);

    const ledgers = await tx.ledger.findMany({ where: { id: { in: input.ledgerIds }, merchantId: ctx.merchantId }, select: { id: true, externalId: true } });
    if (ledgers.length !== input.ledgerIds.length) throw new AppError("NOT_FOUND", problems("ledgerNotFound"), { ledgerIds: problems("ledgerNotFound") });
    const requestedLedgers = new Set(request.salesUnits.map((s) => s.salesUnit.ledgerId).filter((id): id is string => id !== null));
    if (request.salesUnits.length > 0 && ledgers.some((l) => !requestedLedgers.has(l.id))) {
      throw new AppError("INVALID_INPUT", problems("ledgerNotRequested"), { ledgerIds: problems("ledgerNotRequested") });
    }
    const widening = wideningFields(request, input);
    if (widening) throw new AppError("INVALID_INPUT", widening.message, { [widening.field]: widening.message });

    const scope = {
      periodFrom: input.periodFrom || null,
      periodTo: input.periodTo || null,
      includesPersonalData: input.includesPersonalData,
      validUntil: input.validUntil || null,
    };
    const granted = await grantLedgerAccessInTransaction(tx, { partnerId: request.partnerId, ledgerIds: input.ledgerIds, ...scope, requestId: request.id }, ctx);
    const grants = granted.value;
    const pendingApproval = grants.some((g) => g.status === "pending_approval");
    const narrowed = isNarrowed(request, requestedLedgers, input);

    await tx.accessRequest.update({ where: { id: request.id }, data: { status: "approved", decidedById: ctx.user.id, decidedAt: now } });
    await appendAuditEvent(tx, {
      ...personActor(ctx.user),
      action: "access_request.approved",
      merchantId: ctx.merchantId,
      partnerId: request.partnerId,
      targetType: "AccessRequest",
      targetId: request.id,
      before: { status: "pending", ...requestedScope(request) },
      after: { status: "approved", ledgers: ledgers.map((l) => l.externalId).sort(), ...scope, grantIds: grants.map((g) => g.id), narrowed, pendingApproval },
    });
    // The grant core already tells the partner about active grants; the request's own answer adds what it
    // cannot know: that less was given than asked, or that a second admin still has to approve.
    if (narrowed || pendingApproval) {
      const notice = localizedNotice("request.approved", "/partner/requests", (locale) => {
        const n = serverTranslator("lifecycleNotices", locale);
        const values = { merchant: ctx.merchantName, ledgers: ledgers.map((l) => l.externalId).sort().join(", "), until: scope.validUntil ? dateText(scope.validUntil, locale) : "" };
        return {
          title: n(narrowed ? "requestNarrowedTitle" : "requestApprovedTitle", values),
          body: n(pendingApproval ? "requestApprovedPendingBody" : "requestNarrowedBody", values),
        };
      });
      await notifyPartnerUsers(tx, request.partnerId, notice, { merchantId: ctx.merchantId });
    }
    return { value: { requestId: request.id, grants, pendingApproval, narrowed }, afterCommit: granted.afterCommit };
  });
  await runAfterCommit([...afterCommit, { kind: "flush-outbox" }]);
  return value;
}

function requestedScope(r: RequestRow) {
  return {
    periodFrom: r.periodFrom ? dbDateToLedgerDate(r.periodFrom) : null,
    periodTo: r.periodTo ? dbDateToLedgerDate(r.periodTo) : null,
    includesPersonalData: r.includesPersonalData,
    msns: r.salesUnits.map((s) => s.salesUnit.msn).sort(),
  };
}

/** The first way the answer would give more than was asked, or null. */
function wideningFields(r: RequestRow, input: ApproveAccessRequestInput): { field: string; message: string } | null {
  const asked = requestedScope(r);
  if (asked.periodFrom && (!input.periodFrom || input.periodFrom < asked.periodFrom)) {
    return { field: "periodFrom", message: problems("periodFromWider", { date: dateText(asked.periodFrom) }) };
  }
  if (asked.periodTo && (!input.periodTo || input.periodTo > asked.periodTo)) {
    return { field: "periodTo", message: problems("periodToWider", { date: dateText(asked.periodTo) }) };
  }
  if (!asked.includesPersonalData && input.includesPersonalData) return { field: "includesPersonalData", message: problems("personalDataNotRequested") };
  return null;
}

/** Less than asked: fewer ledgers, a later start, an earlier stop, or no personal data where it was asked. */
function isNarrowed(r: RequestRow, requestedLedgers: Set<string>, input: ApproveAccessRequestInput): boolean {
  const asked = requestedScope(r);
  return (
    (requestedLedgers.size > 0 && input.ledgerIds.length < requestedLedgers.size) ||
    (input.periodFrom !== "" && input.periodFrom !== asked.periodFrom) ||
    (input.periodTo !== "" && input.periodTo !== asked.periodTo) ||
    (asked.includesPersonalData && !input.includesPersonalData)
  );
}
