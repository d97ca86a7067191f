import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/ids";
import { db } from "@/lib/server/db";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyMerchantAdmins } from "@/lib/server/notifications";
import { requireOpen } from "@/lib/server/access-requests/load-request";
import { actorOf, assertPartnerCan } from "@/lib/server/lifecycle/authz";
import { lifecycleTranslator } from "@/lib/server/lifecycle/server-messages";
import type { RequestRefInput } from "@/lib/lifecycle/schemas";

/** P7: the partner takes back its own open request. Another partner's request is NOT_FOUND. */
export async function withdrawAccessRequest(ctx: PartnerContext, input: RequestRefInput, now: Date = new Date()): Promise<{ requestId: string }> {
  assertPartnerCan(ctx, "requests.write");
  const problems = lifecycleTranslator("lifecycleProblems");
  if (!isUuid(input.requestId)) throw new AppError("NOT_FOUND", problems("requestNotFound"));
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "AccessRequest" WHERE "id" = ${input.requestId}::uuid AND "partnerId" = ${ctx.partnerId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", problems("requestNotFound"));
    const request = await tx.accessRequest.findUniqueOrThrow({
      where: { id: input.requestId },
      select: { id: true, merchantId: true, status: true, expiresAt: true },
    });
    requireOpen(request, now);
    await tx.accessRequest.update({ where: { id: request.id }, data: { status: "withdrawn", decidedById: ctx.user.id, decidedAt: now } });
    await appendAuditEvent(tx, {
      ...actorOf(ctx),
      action: "access_request.withdrawn",
      merchantId: request.merchantId,
      partnerId: ctx.partnerId,
      targetType: "AccessRequest",
      targetId: request.id,
      before: { status: "pending" },
      after: { status: "withdrawn" },
    });
    const notices = lifecycleTranslator("lifecycleNotices");
    await notifyMerchantAdmins(
      tx,
      request.merchantId,
      { kind: "request.withdrawn", title: notices("requestWithdrawnTitle", { partner: ctx.partnerName }), body: notices("requestWithdrawnBody", { partner: ctx.partnerName }), href: "/merchant/requests" },
      { inAppOnly: true },
    );
    return { requestId: request.id };
  });
}
