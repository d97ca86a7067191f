import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/server/db";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyPartnerUsers } from "@/lib/server/notifications";
import { flushOutboxQuietly } from "@/lib/server/notifications/mail-transport";
import { loadRequestForMerchantUpdate, requireOpen } from "@/lib/server/access-requests/load-request";
import { requireMerchantCan } from "@/lib/server/authz/require";
import { personActor } from "@/lib/server/audit/actor";
import type { DeclineAccessRequestInput } from "@/lib/lifecycle/schemas";
import { serverTranslator } from "@/lib/server/i18n/server-translator";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { localizedNotice } from "@/lib/server/notifications/notify";

const problems = errorTranslator("lifecycleProblems");

/**
 * M4: the merchant says no. The reason (optional) goes to the partner and into the audit event. Tenant and
 * role rules as in approveAccessRequest.
 */
export async function declineAccessRequest(ctx: MerchantContext, input: DeclineAccessRequestInput, now: Date = new Date()): Promise<{ requestId: string }> {
  requireMerchantCan(ctx, "requests.decide");
  const result = await db.$transaction(async (tx) => {
    const { request, access } = await loadRequestForMerchantUpdate(tx, ctx, input.requestId);
    if (access !== "decidable") throw new AppError("FORBIDDEN", problems("requestOutsideScope"));
    requireOpen(request, now);
    await tx.accessRequest.update({ where: { id: request.id }, data: { status: "declined", decidedById: ctx.user.id, decidedAt: now } });
    await appendAuditEvent(tx, {
      ...personActor(ctx.user),
      action: "access_request.declined",
      merchantId: ctx.merchantId,
      partnerId: request.partnerId,
      targetType: "AccessRequest",
      targetId: request.id,
      before: { status: "pending" },
      after: { status: "declined", reason: input.reason || null },
    });
    // No merchant name: a partner learns it only once a merchant accepts (decision 013).
    const values = { by: request.requestedOrgNo ? "orgNo" : "msn", count: request.requestedMsns.length, msns: request.requestedMsns.join(", "), orgNo: request.requestedOrgNo ?? "", reason: input.reason };
    await notifyPartnerUsers(
      tx,
      request.partnerId,
      localizedNotice("request.declined", "/partner/requests", (locale) => {
        const n = serverTranslator("lifecycleNotices", locale);
        return { title: n("requestDeclinedTitle", values), body: input.reason ? n("requestDeclinedBodyReason", values) : n("requestDeclinedBody", values) };
      }),
    );
    return { requestId: request.id };
  });
  await flushOutboxQuietly();
  return result;
}
