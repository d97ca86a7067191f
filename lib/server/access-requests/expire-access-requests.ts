import "server-only";
import { db } from "@/lib/server/db";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyPartnerUsers } from "@/lib/server/notifications";
import { SYSTEM_ACTOR } from "@/lib/server/audit/actor";
import { serverTranslator } from "@/lib/server/i18n/server-translator";
import { localizedNotice } from "@/lib/server/notifications/notify";

/**
 * M4: a request nobody decided within its time (AccessRequest.expiresAt, 14 days) is marked expired, with
 * its audit event when it reached a merchant. The partner's owners are told once per submission, in words
 * that name what they typed and not the merchant, and only when no merchant answered it: a notice per merchant
 * (or none for numbers the portal does not know) would tell the partner which MSNs exist (decision 013).
 */
export async function expireAccessRequests(now: Date = new Date()): Promise<string[]> {
  const due = await db.accessRequest.findMany({
    where: { status: "pending", expiresAt: { lte: now } },
    orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
    select: { id: true, merchantId: true, partnerId: true, submissionId: true, requestedMsns: true, requestedOrgNo: true, expiresAt: true },
  });
  const expired: string[] = [];
  for (const r of due) {
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.accessRequest.updateMany({ where: { id: r.id, status: "pending" }, data: { status: "expired" } });
      if (count === 0) return false;
      if (r.merchantId !== null) {
        await appendAuditEvent(tx, {
          ...SYSTEM_ACTOR,
          action: "access_request.expired",
          merchantId: r.merchantId,
          partnerId: r.partnerId,
          targetType: "AccessRequest",
          targetId: r.id,
          before: { status: "pending", expiresAt: r.expiresAt.toISOString() },
          after: { status: "expired", expiresAt: r.expiresAt.toISOString() },
        });
      }
      // The submission's last open row tells the partner, unless a merchant already answered it.
      const rest = await tx.accessRequest.findMany({ where: { submissionId: r.submissionId, partnerId: r.partnerId, id: { not: r.id } }, select: { status: true } });
      if (rest.every((o) => o.status === "expired")) {
        const values = { by: r.requestedOrgNo ? "orgNo" : "msn", count: r.requestedMsns.length, msns: r.requestedMsns.join(", "), orgNo: r.requestedOrgNo ?? "" };
        await notifyPartnerUsers(tx, r.partnerId, localizedNotice("request.expired", "/partner/requests", (locale) => {
          const n = serverTranslator("lifecycleNotices", locale);
          return { title: n("requestExpiredTitle", values), body: n("requestExpiredBody", values) };
        }));
      }
      return true;
    });
    if (done) expired.push(r.id);
  }
  return expired;
}
