import "server-only";
import { db } from "@/lib/server/db";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyPartnerUsers } from "@/lib/server/notifications";
import { SYSTEM_ACTOR } from "@/lib/server/lifecycle/authz";
import { merchantFilter, type LifecycleRunOptions } from "@/lib/server/lifecycle/job-options";
import { lifecycleTranslator } from "@/lib/server/lifecycle/server-messages";

/**
 * M4: a request nobody decided within its time (AccessRequest.expiresAt, 14 days) is marked expired, with
 * its audit event, and the partner's owners are told. The pages already treat it as expired by date; this
 * makes it so in the data (and in the audit trail).
 */
export async function expireAccessRequests(opts: LifecycleRunOptions = {}): Promise<string[]> {
  const now = opts.now ?? new Date();
  const due = await db.accessRequest.findMany({
    where: { ...merchantFilter(opts), status: "pending", expiresAt: { lte: now } },
    orderBy: { expiresAt: "asc" },
    select: { id: true, merchantId: true, partnerId: true, expiresAt: true, merchant: { select: { name: true } } },
  });
  const notices = lifecycleTranslator("lifecycleNotices");
  const expired: string[] = [];
  for (const r of due) {
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.accessRequest.updateMany({ where: { id: r.id, status: "pending" }, data: { status: "expired" } });
      if (count === 0) return false;
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
      const values = { merchant: r.merchant.name };
      await notifyPartnerUsers(tx, r.partnerId, { kind: "request.expired", title: notices("requestExpiredTitle", values), body: notices("requestExpiredBody", values), href: "/partner/requests" });
      return true;
    });
    if (done) expired.push(r.id);
  }
  return expired;
}
