import "server-only";
import { db } from "@/lib/server/db";
import { ledgerDateToDb, todayLedgerDate } from "@/lib/dates";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { assertPartnerCan } from "@/lib/server/lifecycle/authz";

export interface StaffClient {
  merchantId: string;
  name: string;
  orgNo: string;
  ledgerCount: number;
}

export interface StaffMember {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: "owner" | "accountant";
  /** Accountants: the clients assigned to them (current clients only). Owners see every client. */
  assignedMerchantIds: string[];
}

export interface PartnerStaffOverview {
  members: StaffMember[];
  clients: StaffClient[];
}

/**
 * P6: the partner's clients are the merchants with an active, unexpired grant to this partner. Only those
 * can be assigned: an assignment to a merchant that granted nothing would show nothing anyway.
 */
export async function listPartnerClientsForStaff(partnerId: string, now: Date = new Date()): Promise<StaffClient[]> {
  const today = ledgerDateToDb(todayLedgerDate(now));
  const grants = await db.ledgerGrant.groupBy({
    by: ["merchantId"],
    where: { partnerId, status: "active", OR: [{ validUntil: null }, { validUntil: { gte: today } }] },
    _count: { _all: true },
  });
  if (grants.length === 0) return [];
  const merchants = await db.merchant.findMany({
    where: { id: { in: grants.map((g) => g.merchantId) } },
    select: { id: true, name: true, orgNo: true },
    orderBy: { name: "asc" },
  });
  const counts = new Map(grants.map((g) => [g.merchantId, g._count._all]));
  return merchants.map((m) => ({ merchantId: m.id, name: m.name, orgNo: m.orgNo, ledgerCount: counts.get(m.id) ?? 0 }));
}

/**
 * The firm's people and who works on which client. Owners only (staff.write): an accountant must not learn
 * the firm's other clients through the staff list.
 */
export async function listPartnerStaff(ctx: PartnerContext, now: Date = new Date()): Promise<PartnerStaffOverview> {
  assertPartnerCan(ctx, "staff.write");
  const [clients, memberships] = await Promise.all([
    listPartnerClientsForStaff(ctx.partnerId, now),
    db.partnerMembership.findMany({
      where: { partnerId: ctx.partnerId },
      select: { id: true, role: true, user: { select: { id: true, name: true, email: true } }, assignments: { select: { merchantId: true } } },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
  ]);
  const current = new Set(clients.map((c) => c.merchantId));
  return {
    clients,
    members: memberships.map((m) => ({
      membershipId: m.id,
      userId: m.user.id,
      name: m.user.name ?? m.user.email,
      email: m.user.email,
      role: m.role,
      assignedMerchantIds: m.role === "owner" ? [] : m.assignments.map((a) => a.merchantId).filter((id) => current.has(id)),
    })),
  };
}
