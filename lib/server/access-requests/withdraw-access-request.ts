import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/ids";
import { db } from "@/lib/server/db";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyMerchantAdmins } from "@/lib/server/notifications";
import { requireOpen } from "@/lib/server/access-requests/load-request";
import { requirePartnerCan } from "@/lib/server/authz/require";
import { personActor } from "@/lib/server/audit/actor";
import type { RequestRefInput } from "@/lib/lifecycle/schemas";
import { serverTranslator } from "@/lib/server/i18n/server-translator";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { localizedNotice } from "@/lib/server/notifications/notify";

const problems = errorTranslator("lifecycleProblems");

/**
 * P7: the partner takes back its own open request: every merchant it reached is told, in the same
 * transaction as the change and its audit event. The id is the partner's submission (what its list shows),
 * so the answer is the same whether the request reached one merchant, several or none. Another partner's
 * request is NOT_FOUND.
 */
export async function withdrawAccessRequest(ctx: PartnerContext, input: RequestRefInput, now: Date = new Date()): Promise<{ requestId: string }> {
  requirePartnerCan(ctx, "requests.write");
  if (!isUuid(input.requestId)) throw new AppError("NOT_FOUND", problems("requestNotFound"));
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "AccessRequest" WHERE "submissionId" = ${input.requestId}::uuid AND "partnerId" = ${ctx.partnerId}::uuid ORDER BY "id" FOR UPDATE`;
    if (locked.length === 0) throw new AppError("NOT_FOUND", problems("requestNotFound"));
    const rows = await tx.accessRequest.findMany({
      where: { id: { in: locked.map((r) => r.id) } },
      orderBy: { id: "asc" },
      select: { id: true, merchantId: true, status: true, expiresAt: true },
    });
    const open = rows.filter((r) => r.status === "pending" && r.expiresAt > now);
    if (open.length === 0) requireOpen(rows[0]!, now);
    for (const request of open) {
      await tx.accessRequest.update({ where: { id: request.id }, data: { status: "withdrawn", decidedById: ctx.user.id, decidedAt: now } });
      // A row that reached no merchant is the partner's own record: there is nobody to tell and no access changed.
      if (request.merchantId === null) continue;
      await appendAuditEvent(tx, {
        ...personActor(ctx.user),
        action: "access_request.withdrawn",
        merchantId: request.merchantId,
        partnerId: ctx.partnerId,
        targetType: "AccessRequest",
        targetId: request.id,
        before: { status: "pending" },
        after: { status: "withdrawn" },
      });
      await notifyMerchantAdmins(
        tx,
        request.merchantId,
        localizedNotice("request.withdrawn", "/merchant/requests", (locale) => {
          const n = serverTranslator("lifecycleNotices", locale);
          return { title: n("requestWithdrawnTitle", { partner: ctx.partnerName }), body: n("requestWithdrawnBody", { partner: ctx.partnerName }) };
        }),
        { inAppOnly: true },
      );
    }
    return { requestId: input.requestId };
  });
}
