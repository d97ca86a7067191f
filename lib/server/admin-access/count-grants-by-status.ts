import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, todayLedgerDate } from "@/lib/dates";
import { grantDisplayStatus, type GrantDisplayStatus } from "@/lib/grants/grant-status";

export interface AccessSummary {
  byStatus: Record<GrantDisplayStatus, number>;
  total: number;
  merchants: number;
  partners: { approved: number; pending: number; suspended: number };
  grantsWithPersonalData: number;
}

/**
 * A1's first view: every grant across all tenants counted by what a person would call its status.
 * Platform admins only (the caller checks). Counts grants in the database; a few thousand rows at most.
 */
export async function countGrantsByStatus(): Promise<AccessSummary> {
  const today = todayLedgerDate();
  const [grants, merchants, partnerCounts] = await Promise.all([
    db.ledgerGrant.findMany({ select: { status: true, validUntil: true, includesPersonalData: true } }),
    db.merchant.count(),
    db.accountingPartner.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const byStatus: Record<GrantDisplayStatus, number> = { active: 0, expiring_soon: 0, pending_approval: 0, revoked: 0, expired: 0, declined: 0 };
  let grantsWithPersonalData = 0;
  for (const g of grants) {
    const s = grantDisplayStatus({ status: g.status, validUntil: g.validUntil ? dbDateToLedgerDate(g.validUntil) : null }, today);
    byStatus[s] += 1;
    if (g.includesPersonalData && (s === "active" || s === "expiring_soon")) grantsWithPersonalData += 1;
  }
  const partners = { approved: 0, pending: 0, suspended: 0 };
  for (const p of partnerCounts) partners[p.status] = p._count._all;
  return { byStatus, total: grants.length, merchants, partners, grantsWithPersonalData };
}
