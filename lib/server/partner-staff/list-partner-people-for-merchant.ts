import "server-only";
import { db } from "@/lib/server/db";
import { ledgerDateToDb, todayLedgerDate } from "@/lib/dates";
import { grantScopeView, type GrantDisplayStatus } from "@/lib/grants/grant-status";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { ledgerScopeWhere } from "@/lib/server/lifecycle/merchant-scope";

export interface PartnerPerson {
  userId: string;
  name: string;
  email: string;
  role: "owner" | "accountant";
  /** The last read or export of this merchant's ledgers by this person, if any. */
  lastAccessAt: string | null;
}

export interface PartnerWithPeople {
  partnerId: string;
  name: string;
  orgNo: string;
  status: "pending" | "approved" | "suspended";
  ledgers: {
    grantId: string;
    externalId: string;
    currency: string;
    salesUnits: { msn: string; name: string }[];
    status: GrantDisplayStatus;
    periodFrom: string | null;
    periodTo: string | null;
    validUntil: string | null;
    includesPersonalData: boolean;
    lastUsedAt: string | null;
  }[];
  people: PartnerPerson[];
}

/**
 * P6, the merchant's side: every partner that can read one of this merchant's ledgers (managers: ledgers of
 * their sales units), and the named people there who can: owners see every client, accountants only when
 * assigned to this merchant. Tenant rule: grants of ctx.merchantId only; people of those partners only.
 */
export async function listPartnerPeopleForMerchant(ctx: MerchantContext, now: Date = new Date()): Promise<PartnerWithPeople[]> {
  const todayText = todayLedgerDate(now);
  const today = ledgerDateToDb(todayText);
  const grants = await db.ledgerGrant.findMany({
    where: {
      merchantId: ctx.merchantId,
      status: "active",
      OR: [{ validUntil: null }, { validUntil: { gte: today } }],
      ledger: ledgerScopeWhere(ctx),
    },
    orderBy: [{ partner: { name: "asc" } }, { ledger: { externalId: "asc" } }],
    select: {
      id: true,
      status: true,
      periodFrom: true,
      periodTo: true,
      validUntil: true,
      includesPersonalData: true,
      lastUsedAt: true,
      partner: { select: { id: true, name: true, orgNo: true, status: true } },
      ledger: { select: { externalId: true, currency: true, salesUnits: { select: { msn: true, name: true }, orderBy: { name: "asc" } } } },
    },
  });
  if (grants.length === 0) return [];
  const partnerIds = [...new Set(grants.map((g) => g.partner.id))];
  const [memberships, lastAccess] = await Promise.all([
    db.partnerMembership.findMany({
      where: {
        partnerId: { in: partnerIds },
        OR: [{ role: "owner" }, { role: "accountant", assignments: { some: { merchantId: ctx.merchantId } } }],
      },
      select: { partnerId: true, role: true, user: { select: { id: true, name: true, email: true } } },
      orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
    }),
    db.ledgerAccessEvent.groupBy({
      by: ["userId"],
      where: { merchantId: ctx.merchantId, partnerId: { in: partnerIds }, userId: { not: null }, ledger: ledgerScopeWhere(ctx) },
      _max: { at: true },
    }),
  ]);
  const lastByUser = new Map(lastAccess.map((r) => [r.userId, r._max.at?.toISOString() ?? null]));
  const byPartner = new Map<string, PartnerWithPeople>();
  for (const g of grants) {
    const entry = byPartner.get(g.partner.id) ?? { partnerId: g.partner.id, name: g.partner.name, orgNo: g.partner.orgNo, status: g.partner.status, ledgers: [], people: [] };
    entry.ledgers.push({
      grantId: g.id,
      externalId: g.ledger.externalId,
      currency: g.ledger.currency,
      salesUnits: g.ledger.salesUnits,
      ...grantScopeView(g, todayText),
      lastUsedAt: g.lastUsedAt?.toISOString() ?? null,
    });
    byPartner.set(g.partner.id, entry);
  }
  for (const m of memberships) {
    byPartner.get(m.partnerId)?.people.push({
      userId: m.user.id,
      name: m.user.name ?? m.user.email,
      email: m.user.email,
      role: m.role,
      lastAccessAt: lastByUser.get(m.user.id) ?? null,
    });
  }
  return [...byPartner.values()];
}
