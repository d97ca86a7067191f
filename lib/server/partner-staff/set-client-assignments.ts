import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/server/db";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyUser } from "@/lib/server/notifications/notify";
import { requirePartnerCan } from "@/lib/server/authz/require";
import { personActor } from "@/lib/server/audit/actor";
import { listPartnerClientsForStaff } from "@/lib/server/partner-staff/list-partner-staff";
import type { SetClientAssignmentsInput } from "@/lib/lifecycle/schemas";
import { serverTranslator } from "@/lib/server/i18n/server-translator";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { localizedNotice } from "@/lib/server/notifications/notify";

const problems = errorTranslator("lifecycleProblems");

export interface AssignmentChange {
  added: string[];
  removed: string[];
}

/**
 * P6: replaces the set of clients an accountant works on. Tenant rules: the membership must belong to this
 * partner and each merchant must be one of its current clients, otherwise "not found" (another firm's person
 * or a merchant that granted nothing look exactly like ids that do not exist). Owners see every client and
 * are not assigned. One audit event (before/after) in the same transaction; the accountant is told.
 */
export async function setClientAssignments(ctx: PartnerContext, input: SetClientAssignmentsInput, now: Date = new Date()): Promise<AssignmentChange> {
  requirePartnerCan(ctx, "staff.write");
  const membership = await db.partnerMembership.findFirst({
    where: { id: input.membershipId, partnerId: ctx.partnerId },
    select: { id: true, role: true, userId: true, user: { select: { name: true, email: true } } },
  });
  if (!membership) throw new AppError("NOT_FOUND", problems("staffNotFound"));
  if (membership.role !== "accountant") throw new AppError("INVALID_INPUT", problems("ownersSeeAll"), { membershipId: problems("ownersSeeAll") });

  // The current clients among the ones asked for and the ones assigned now (not the firm's whole client list).
  const existingIds = (await db.partnerClientAssignment.findMany({ where: { membershipId: membership.id }, select: { merchantId: true } })).map((a) => a.merchantId);
  const clients = await listPartnerClientsForStaff(ctx.partnerId, now, [...new Set([...input.merchantIds, ...existingIds])]);
  const byId = new Map(clients.map((c) => [c.merchantId, c]));
  if (input.merchantIds.some((id) => !byId.has(id))) throw new AppError("NOT_FOUND", problems("clientNotFound"));

  return db.$transaction(async (tx) => {
    const existing = await tx.partnerClientAssignment.findMany({ where: { membershipId: membership.id }, select: { merchantId: true } });
    const before = existing.map((a) => a.merchantId).sort();
    const wanted = new Set(input.merchantIds);
    // Only current clients are managed here; an assignment to a former client stays (harmless, and it comes
    // back into force if that merchant grants access again).
    const removed = before.filter((id) => byId.has(id) && !wanted.has(id));
    const added = [...wanted].filter((id) => !before.includes(id)).sort();
    if (removed.length === 0 && added.length === 0) return { added, removed };
    if (removed.length > 0) await tx.partnerClientAssignment.deleteMany({ where: { membershipId: membership.id, merchantId: { in: removed } } });
    if (added.length > 0) await tx.partnerClientAssignment.createMany({ data: added.map((merchantId) => ({ membershipId: membership.id, merchantId })) });
    const after = [...before.filter((id) => !removed.includes(id)), ...added].sort();
    await appendAuditEvent(tx, {
      ...personActor(ctx.user),
      action: "partner_staff.assignments_changed",
      merchantId: null,
      partnerId: ctx.partnerId,
      targetType: "PartnerMembership",
      targetId: membership.id,
      before: { accountant: membership.user.email, merchantIds: before },
      after: { accountant: membership.user.email, merchantIds: after, added, removed },
    });
    if (added.length > 0 || removed.length > 0) {
      const names = (ids: string[]) => ids.map((id) => byId.get(id)?.name ?? "").filter(Boolean).join(", ");
      const notice = localizedNotice("staff.assignments_changed", "/partner/clients", (locale) => {
        const n = serverTranslator("lifecycleNotices", locale);
        const body = [added.length ? n("assignmentsAdded", { clients: names(added) }) : null, removed.length ? n("assignmentsRemoved", { clients: names(removed) }) : null]
          .filter(Boolean)
          .join(" ");
        return { title: n("assignmentsTitle", { partner: ctx.partnerName }), body };
      });
      await notifyUser(tx, membership.userId, notice);
    }
    return { added, removed };
  });
}
