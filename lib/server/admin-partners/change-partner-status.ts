import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/ids";
import type { PartnerStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { personActorLabel } from "@/lib/server/audit/actor";
import { notifyMerchantAdmins, notifyPartnerUsers } from "@/lib/server/notifications/notify";
import { syncPartnerUpstream } from "@/lib/server/grants/upstream-sync";
import type { CurrentUser } from "@/lib/authz/types";
import { serverTranslator } from "@/lib/server/i18n/server-translator";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

export type PartnerStatusStep = "approve" | "suspend" | "reactivate";

/** Each step: the status it starts from, the status it leaves, and the audit action it writes. */
const STEPS: Record<PartnerStatusStep, { from: PartnerStatus; to: PartnerStatus; action: string }> = {
  approve: { from: "pending", to: "approved", action: "partner.approved" },
  suspend: { from: "approved", to: "suspended", action: "partner.suspended" },
  reactivate: { from: "suspended", to: "approved", action: "partner.reactivated" },
};

// Notices are written once for every reader, in the portal's default language (as notify.ts does).
const notice = serverTranslator("partnerStatusNotices");

/**
 * A4: approve a pending partner, suspend an approved one (with a reason), re-activate a suspended one. The status
 * change, its audit event and the notices (the partner's owners; the admins of every merchant whose ledgers it
 * holds) commit in one transaction, or none of them does. A step from the wrong status is a CONFLICT and changes
 * nothing (two admins clicking at once: one wins). After commit, in sandbox mode, upstream follows (the partner's
 * upstream grants are emptied while it is suspended, and the sandbox learns its status).
 * Platform admins only: the action wrapper checks; this function trusts its caller.
 */
export async function changePartnerStatus(actor: CurrentUser, input: { partnerId: string; step: PartnerStatusStep; reason?: string }): Promise<{ status: PartnerStatus; merchantsTold: number }> {
  if (!isUuid(input.partnerId)) throw new AppError("NOT_FOUND", serverErrors("notFound"));
  const step = STEPS[input.step];
  if (input.step === "suspend" && !input.reason) throw new AppError("INVALID_INPUT", serverErrors("fieldsNeedAttention"), { reason: serverErrors("suspendReasonRequired") });
  const result = await db.$transaction(async (tx) => {
    const partner = await tx.accountingPartner.findUnique({ where: { id: input.partnerId }, select: { id: true, name: true, orgNo: true, status: true } });
    if (!partner) throw new AppError("NOT_FOUND", serverErrors("notFound"));
    const changed = await tx.accountingPartner.updateMany({
      where: { id: partner.id, status: step.from },
      data: { status: step.to, ...(input.step === "approve" ? { approvedAt: new Date() } : {}) },
    });
    if (changed.count !== 1) throw new AppError("CONFLICT", serverErrors("partnerStatusChanged", { name: partner.name, status: partner.status }));
    await appendAuditEvent(tx, {
      actorUserId: actor.id,
      actorLabel: personActorLabel(actor),
      action: step.action,
      merchantId: null,
      partnerId: partner.id,
      targetType: "AccountingPartner",
      targetId: partner.id,
      before: { status: step.from },
      after: { status: step.to, ...(input.reason ? { reason: input.reason } : {}) },
    });
    const values = { partner: partner.name, orgNo: partner.orgNo, reason: input.reason ?? "" };
    await notifyPartnerUsers(tx, partner.id, { kind: step.action, title: notice(`${input.step}.partnerTitle`, values), body: notice(`${input.step}.partnerBody`, values), href: "/partner/clients" });
    // The merchants whose ledgers it holds (live grants) hear of a suspension and a re-activation.
    let merchantsTold = 0;
    if (input.step !== "approve") {
      const merchants = await tx.ledgerGrant.findMany({ where: { partnerId: partner.id, status: { in: ["active", "pending_approval"] } }, distinct: ["merchantId"], select: { merchantId: true } });
      for (const m of merchants) {
        await notifyMerchantAdmins(tx, m.merchantId, { kind: step.action, title: notice(`${input.step}.merchantTitle`, values), body: notice(`${input.step}.merchantBody`, values), href: "/merchant/partners" });
        merchantsTold += 1;
      }
    }
    return { status: step.to, merchantsTold };
  });
  await syncPartnerUpstream(input.partnerId);
  return result;
}
