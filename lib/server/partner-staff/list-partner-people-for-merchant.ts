import "server-only";
import { db } from "@/lib/server/db";
import { ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import { grantScopeView, type GrantDisplayStatus } from "@/lib/grants/grant-status";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { ledgerScopeWhere } from "@/lib/server/authz/merchant-scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { likePattern, PAGE_SIZE_DEFAULT, toKeysetPage, type KeysetPage, type ListQuery } from "@/lib/paging/keyset";
import { keysetAfter, keysetLimit, keysetOrderBy } from "@/lib/server/paging/keyset-sql";

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
  return (await listPartnerPeopleForMerchantPage(ctx, { q: "", cursor: null, direction: "next", size: PAGE_SIZE_DEFAULT }, now)).items;
}

/** Cursor key of the merchant's "who can see" list: partner name, partner id. */
export const PARTNER_PEOPLE_CURSOR_PARTS = 2;

export interface PartnerPeoplePage extends KeysetPage<PartnerWithPeople> {
  summary: { partners: number; people: number; withPersonalData: number };
}

/**
 * One keyset page (partner name, id) of listPartnerPeopleForMerchant, searched by partner name or org. number,
 * with the stat cards counted in SQL over every partner with access.
 */
export async function listPartnerPeopleForMerchantPage(ctx: MerchantContext, query: ListQuery, now: Date = new Date()): Promise<PartnerPeoplePage> {
  const todayText = todayPortalDate(now);
  const scope = ctx.salesUnitScope === "all" ? Prisma.sql`TRUE` : Prisma.sql`EXISTS (SELECT 1 FROM "SalesUnit" su WHERE su."ledgerId" = g."ledgerId" AND su."id" = ANY(${ctx.salesUnitScope}::uuid[]))`;
  const live = Prisma.sql`g."merchantId" = ${ctx.merchantId}::uuid AND g."status" = 'active' AND (g."validUntil" IS NULL OR g."validUntil" >= ${todayText}::date) AND ${scope}`;
  const search = query.q ? Prisma.sql`(p."name" ILIKE ${likePattern(query.q)} OR p."orgNo" LIKE ${likePattern(query.q, "prefix")})` : Prisma.sql`TRUE`;
  const cursor = query.cursor ? Prisma.sql`(${query.cursor[0]}::text, ${query.cursor[1]}::uuid)` : null;
  const [partnerRows, counts] = await Promise.all([
    db.$queryRaw<{ id: string; name: string }[]>`
      SELECT p."id", p."name" FROM "AccountingPartner" p
      WHERE EXISTS (SELECT 1 FROM "LedgerGrant" g WHERE g."partnerId" = p."id" AND ${live}) AND ${search}
        AND ${keysetAfter(Prisma.sql`(p."name", p."id")`, cursor, query, "asc")}
      ${keysetOrderBy([Prisma.sql`p."name"`, Prisma.sql`p."id"`], query, "asc")}
      ${keysetLimit(query)}`,
    db.$queryRaw<{ partners: number; matching: number; withPersonalData: number; people: number }[]>`
      WITH lg AS (SELECT g."partnerId", g."includesPersonalData" FROM "LedgerGrant" g WHERE ${live}),
           ps AS (SELECT DISTINCT "partnerId" FROM lg)
      SELECT (SELECT count(*)::int FROM ps) AS "partners",
             (SELECT count(*)::int FROM ps JOIN "AccountingPartner" p ON p."id" = ps."partnerId" WHERE ${search}) AS "matching",
             (SELECT count(DISTINCT "partnerId")::int FROM lg WHERE "includesPersonalData") AS "withPersonalData",
             (SELECT count(DISTINCT pm."userId")::int FROM "PartnerMembership" pm JOIN ps ON ps."partnerId" = pm."partnerId"
               WHERE pm."role" = 'owner' OR EXISTS (SELECT 1 FROM "PartnerClientAssignment" a WHERE a."membershipId" = pm."id" AND a."merchantId" = ${ctx.merchantId}::uuid)) AS "people"`,
  ]);
  const page = toKeysetPage(partnerRows, query, (p) => [p.name, p.id], counts[0]?.matching ?? 0);
  const c = counts[0];
  const summary = { partners: c?.partners ?? 0, people: c?.people ?? 0, withPersonalData: c?.withPersonalData ?? 0 };
  if (page.items.length === 0) return { ...page, items: [], summary };
  const pagePartnerIds = page.items.map((p) => p.id);
  const today = ledgerDateToDb(todayText);
  const grants = await db.ledgerGrant.findMany({
    where: {
      partnerId: { in: pagePartnerIds },
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
  const order = new Map(pagePartnerIds.map((id, i) => [id, i]));
  return { ...page, summary, items: [...byPartner.values()].sort((a, b) => order.get(a.partnerId)! - order.get(b.partnerId)!) };
}
