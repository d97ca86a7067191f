import "server-only";
import { db } from "@/lib/server/db";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { EXPIRING_SOON_DAYS, grantScopeView } from "@/lib/grants/grant-status";
import { Prisma } from "@/lib/generated/prisma/client";
import { likePattern, PAGE_SIZE_DEFAULT, toKeysetPage, type KeysetPage, type ListQuery } from "@/lib/paging/keyset";
import { keysetAfter, keysetLimit, keysetOrderBy } from "@/lib/server/paging/keyset-sql";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { isUuid } from "@/lib/ids";
import { markOutOfSync } from "@/lib/server/merchant-partners/grant-sync-status";
import type { OverviewGrant } from "@/lib/grants/types";

export interface OverviewSalesUnit {
  id: string;
  msn: string;
  name: string;
  channel: "api" | "vm";
  ledger: { id: string; externalId: string; currency: string; salesUnitCount: number } | null;
  grants: OverviewGrant[];
  /** Live and ended grants on the ledger beyond the ones listed (the sales unit's page lists them all). */
  moreLive: number;
  moreEnded: number;
}

export interface OverviewFilter {
  salesUnitId?: string;
  partnerId?: string;
}

/**
 * Live partners listed per sales unit on the overview. Ended ones are counted there, not listed: the sales unit's
 * page lists them all. Five live ones: most sales units have one to three partners, and each listed grant is about
 * 2 KB of the page (HTML and RSC payload), what its render costs follows (decision 051).
 */
export const LIVE_GRANTS_PER_UNIT = 5;
/** Cursor key of the overview: sales unit name, id. */
export const OVERVIEW_CURSOR_PARTS = 2;
/** Choices offered in each filter menu (the search reaches the rest). */
export const FILTER_OPTIONS_MAX = 100;

export interface OverviewSummary {
  salesUnits: number;
  partnersWithAccess: number;
  pending: number;
  expiringSoon: number;
}

export interface OverviewPage extends KeysetPage<OverviewSalesUnit> {
  summary: OverviewSummary;
}

interface UnitRow { id: string; msn: string; name: string; channel: "api" | "vm"; ledgerId: string | null; externalId: string | null; currency: string | null; salesUnitCount: number | null }
interface GrantRow {
  id: string;
  ledgerId: string;
  status: "active" | "pending_approval" | "revoked" | "expired" | "declined";
  periodFrom: Date | null;
  periodTo: Date | null;
  validUntil: Date | null;
  includesPersonalData: boolean;
  lastUsedAt: Date | null;
  partnerId: string;
  partnerName: string;
  partnerOrgNo: string;
  partnerStatus: "pending" | "approved" | "suspended";
  groupTotal: number;
}

function unitScope(ctx: MerchantContext): Prisma.Sql {
  return ctx.salesUnitScope === "all" ? Prisma.sql`TRUE` : Prisma.sql`su."id" = ANY(${ctx.salesUnitScope}::uuid[])`;
}

/** Grants the overview shows: live or expired, and revoked or declined ones of the last 90 days. */
function shownGrants(filter: OverviewFilter): Prisma.Sql {
  const recent = new Date(Date.now() - 90 * 24 * 60 * 60 * 1000);
  const partner = filter.partnerId ? Prisma.sql`g."partnerId" = ${filter.partnerId}::uuid` : Prisma.sql`TRUE`;
  return Prisma.sql`(g."status" IN ('active', 'pending_approval', 'expired') OR g."updatedAt" >= ${recent}) AND ${partner}`;
}

function liveGrant(today: string): Prisma.Sql {
  return Prisma.sql`(g."status" = 'pending_approval' OR (g."status" = 'active' AND (g."validUntil" IS NULL OR g."validUntil" >= ${today}::date)))`;
}

/** One keyset page (name, id) of the sales units the user may see, with their ledgers, and how many match. */
async function salesUnitPage(ctx: MerchantContext, filter: OverviewFilter, query: ListQuery): Promise<KeysetPage<UnitRow>> {
  const where = Prisma.sql`su."merchantId" = ${ctx.merchantId}::uuid AND ${unitScope(ctx)}
    AND ${filter.salesUnitId ? Prisma.sql`su."id" = ${filter.salesUnitId}::uuid` : Prisma.sql`TRUE`}
    AND ${filter.partnerId ? Prisma.sql`EXISTS (SELECT 1 FROM "LedgerGrant" g WHERE g."ledgerId" = su."ledgerId" AND g."merchantId" = ${ctx.merchantId}::uuid AND ${shownGrants(filter)})` : Prisma.sql`TRUE`}
    AND ${query.q ? Prisma.sql`(su."name" ILIKE ${likePattern(query.q)} OR su."msn" LIKE ${likePattern(query.q, "prefix")})` : Prisma.sql`TRUE`}`;
  const cursor = query.cursor ? Prisma.sql`(${query.cursor[0]}::text, ${query.cursor[1]}::uuid)` : null;
  const [units, matching] = await Promise.all([
    db.$queryRaw<UnitRow[]>`
      SELECT su."id", su."msn", su."name", su."channel"::text AS "channel", l."id" AS "ledgerId", l."externalId", l."currency"::text AS "currency",
             (SELECT count(*)::int FROM "SalesUnit" o WHERE o."ledgerId" = l."id") AS "salesUnitCount"
      FROM "SalesUnit" su LEFT JOIN "Ledger" l ON l."id" = su."ledgerId"
      WHERE ${where} AND ${keysetAfter(Prisma.sql`(su."name", su."id")`, cursor, query, "asc")}
      ${keysetOrderBy([Prisma.sql`su."name"`, Prisma.sql`su."id"`], query, "asc")}
      ${keysetLimit(query)}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM "SalesUnit" su WHERE ${where}`,
  ]);
  return toKeysetPage(units, query, (u) => [u.name, u.id], matching[0]?.n ?? 0);
}

/**
 * M1: one keyset page (name, id) of the sales units the user may see (managers: their own) with its ledger
 * and the partners that can read it: at most LIVE_GRANTS_PER_UNIT live ones per unit with how many more, and how
 * many ended ones (`allGrants`: every grant listed, nothing counted). Optionally only one sales unit or one
 * partner, searched by name or MSN; the stat cards are counted in SQL over everything the user may see. Tenant
 * rule: only sales units of ctx.merchantId; filter ids that are malformed or not the merchant's simply match
 * nothing. Revoked and declined grants of the last 90 days are kept so the merchant sees what changed; older ones
 * live in the audit trail.
 */
export async function listPartnerOverviewPage(ctx: MerchantContext, filter: OverviewFilter, query: ListQuery, opts: { allGrants?: boolean } = {}): Promise<OverviewPage> {
  const empty: OverviewPage = { items: [], nextCursor: null, prevCursor: null, total: 0, summary: { salesUnits: 0, partnersWithAccess: 0, pending: 0, expiringSoon: 0 } };
  if ((filter.salesUnitId && !isUuid(filter.salesUnitId)) || (filter.partnerId && !isUuid(filter.partnerId))) return { ...empty, summary: await overviewSummary(ctx) };
  const today = todayPortalDate();
  const shown = shownGrants(filter);
  const [page, summary] = await Promise.all([salesUnitPage(ctx, filter, query), overviewSummary(ctx)]);
  const ledgerIds = [...new Set(page.items.flatMap((u) => (u.ledgerId ? [u.ledgerId] : [])))];
  const live = liveGrant(today);
  const listed = opts.allGrants ? Prisma.sql`TRUE` : live;
  const cap = opts.allGrants ? Prisma.sql`TRUE` : Prisma.sql`x."n" <= ${LIVE_GRANTS_PER_UNIT}::int`;
  const grantRows = ledgerIds.length === 0 ? Promise.resolve([]) : db.$queryRaw<GrantRow[]>`
    SELECT * FROM (
      SELECT g."id", g."ledgerId", g."status"::text AS "status", g."periodFrom", g."periodTo", g."validUntil", g."includesPersonalData", g."lastUsedAt", g."createdAt",
             p."id" AS "partnerId", p."name" AS "partnerName", p."orgNo" AS "partnerOrgNo", p."status"::text AS "partnerStatus",
             row_number() OVER (PARTITION BY g."ledgerId" ORDER BY g."createdAt", g."id") AS "n",
             count(*) OVER (PARTITION BY g."ledgerId")::int AS "groupTotal"
      FROM "LedgerGrant" g JOIN "AccountingPartner" p ON p."id" = g."partnerId"
      WHERE g."ledgerId" = ANY(${ledgerIds}::uuid[]) AND g."merchantId" = ${ctx.merchantId}::uuid AND ${shown} AND ${listed}
    ) x WHERE ${cap}
    ORDER BY x."ledgerId", x."createdAt", x."id"`;
  // The overview counts the ended grants per ledger instead of listing them.
  const endedCounts = ledgerIds.length === 0 || opts.allGrants ? Promise.resolve([]) : db.$queryRaw<{ ledgerId: string; n: number }[]>`
    SELECT g."ledgerId", count(*)::int AS "n" FROM "LedgerGrant" g
    WHERE g."ledgerId" = ANY(${ledgerIds}::uuid[]) AND g."merchantId" = ${ctx.merchantId}::uuid AND ${shown} AND NOT ${live}
    GROUP BY g."ledgerId"`;
  const [grants, ended] = await Promise.all([grantRows, endedCounts]);
  const endedByLedger = new Map(ended.map((e) => [e.ledgerId, e.n]));
  const byLedger = new Map<string, GrantRow[]>();
  for (const g of grants) byLedger.set(g.ledgerId, [...(byLedger.get(g.ledgerId) ?? []), g]);
  const outOfSync = await markOutOfSync(
    page.items.flatMap((u) => (u.ledgerId ? (byLedger.get(u.ledgerId) ?? []).map((g) => ({ id: g.id, status: g.status, includesPersonalData: g.includesPersonalData, partner: { id: g.partnerId, orgNo: g.partnerOrgNo, status: g.partnerStatus }, ledgerExternalId: u.externalId! })) : [])),
  );
  return {
    ...page,
    summary,
    items: page.items.map((u) => {
      const rows = u.ledgerId ? byLedger.get(u.ledgerId) ?? [] : [];
      return {
        ...unitView(u),
        moreLive: (rows[0]?.groupTotal ?? 0) - rows.length,
        moreEnded: u.ledgerId ? endedByLedger.get(u.ledgerId) ?? 0 : 0,
        grants: rows.map((g) => ({
          id: g.id,
          partnerId: g.partnerId,
          partnerName: g.partnerName,
          partnerOrgNo: g.partnerOrgNo,
          ...grantScopeView(g, today),
          lastUsedAt: g.lastUsedAt?.toISOString() ?? null,
          outOfSync: outOfSync.has(g.id),
          partnerSuspended: g.partnerStatus === "suspended",
        })),
      };
    }),
  };
}

function unitView(u: UnitRow): Omit<OverviewSalesUnit, "grants" | "moreLive" | "moreEnded"> {
  return {
    id: u.id,
    msn: u.msn,
    name: u.name,
    channel: u.channel,
    ledger: u.ledgerId ? { id: u.ledgerId, externalId: u.externalId!, currency: u.currency!, salesUnitCount: u.salesUnitCount ?? 0 } : null,
  };
}

/** The overview's stat cards, counted in SQL over the ledgers of every sales unit the user may see. */
export async function overviewSummary(ctx: MerchantContext): Promise<OverviewSummary> {
  const today = todayPortalDate();
  const soon = shiftLedgerDate(today, EXPIRING_SOON_DAYS);
  const [row] = await db.$queryRaw<OverviewSummary[]>`
    WITH units AS (SELECT su."id", su."ledgerId" FROM "SalesUnit" su WHERE su."merchantId" = ${ctx.merchantId}::uuid AND ${unitScope(ctx)}),
         grants AS (
           SELECT g."id", g."partnerId", g."status", g."validUntil" FROM "LedgerGrant" g
           WHERE g."merchantId" = ${ctx.merchantId}::uuid AND g."ledgerId" IN (SELECT "ledgerId" FROM units WHERE "ledgerId" IS NOT NULL)
             AND g."status" IN ('active', 'pending_approval'))
    SELECT (SELECT count(*)::int FROM units) AS "salesUnits",
           (SELECT count(DISTINCT "partnerId")::int FROM grants WHERE "status" = 'active' AND ("validUntil" IS NULL OR "validUntil" >= ${today}::date)) AS "partnersWithAccess",
           (SELECT count(*)::int FROM grants WHERE "status" = 'pending_approval') AS "pending",
           (SELECT count(*)::int FROM grants WHERE "status" = 'active' AND "validUntil" >= ${today}::date AND "validUntil" <= ${soon}::date) AS "expiringSoon"`;
  return row ?? { salesUnits: 0, partnersWithAccess: 0, pending: 0, expiringSoon: 0 };
}

/** The first page of the overview (for callers that want units without paging). */
export async function listPartnerOverview(ctx: MerchantContext, filter: OverviewFilter = {}): Promise<OverviewSalesUnit[]> {
  return (await listPartnerOverviewPage(ctx, filter, { q: "", cursor: null, direction: "next", size: PAGE_SIZE_DEFAULT })).items;
}

/** One sales unit of the user's merchant (and scope), or null: the page answers 404 for anything else. */
export async function getSalesUnitForMerchant(ctx: MerchantContext, salesUnitId: string): Promise<OverviewSalesUnit | null> {
  if (!isUuid(salesUnitId)) return null;
  const page = await listPartnerOverviewPage(ctx, { salesUnitId }, { q: "", cursor: null, direction: "next", size: 1 }, { allGrants: true });
  return page.items[0] ?? null;
}

/**
 * The choices of the overview's filters, from SQL and bounded (FILTER_OPTIONS_MAX each): the user's sales
 * units and the partners with a grant on their ledgers.
 */
export async function listOverviewFilterOptions(ctx: MerchantContext): Promise<{ salesUnits: { id: string; name: string; msn: string }[]; partners: { id: string; name: string }[] }> {
  const shown = shownGrants({});
  const [salesUnits, partners] = await Promise.all([
    db.$queryRaw<{ id: string; name: string; msn: string }[]>`
      SELECT su."id", su."name", su."msn" FROM "SalesUnit" su WHERE su."merchantId" = ${ctx.merchantId}::uuid AND ${unitScope(ctx)}
      ORDER BY su."name", su."id" LIMIT ${FILTER_OPTIONS_MAX}`,
    db.$queryRaw<{ id: string; name: string }[]>`
      SELECT p."id", p."name" FROM "AccountingPartner" p
      WHERE EXISTS (SELECT 1 FROM "LedgerGrant" g JOIN "SalesUnit" su ON su."ledgerId" = g."ledgerId"
                    WHERE g."partnerId" = p."id" AND g."merchantId" = ${ctx.merchantId}::uuid AND su."merchantId" = ${ctx.merchantId}::uuid AND ${unitScope(ctx)} AND ${shown})
      ORDER BY p."name", p."id" LIMIT ${FILTER_OPTIONS_MAX}`,
  ]);
  return { salesUnits, partners };
}

/** Cursor key of a sales unit's partner list: when the grant was made, its id. */
export const SALES_UNIT_GRANTS_CURSOR_PARTS = 2;

export interface SalesUnitPage {
  unit: Omit<OverviewSalesUnit, "grants" | "moreLive" | "moreEnded">;
  grants: KeysetPage<OverviewGrant>;
}

/**
 * One sales unit of the user's merchant (and scope) with one keyset page of the partners of its ledger (oldest
 * grant first, as on the overview), searched by partner name or org. number and counted in SQL; null for
 * anything else (the page answers 404). A ledger granted to thousands of partners costs one page.
 */
export async function getSalesUnitPage(ctx: MerchantContext, salesUnitId: string, query: ListQuery): Promise<SalesUnitPage | null> {
  if (!isUuid(salesUnitId)) return null;
  const head = await salesUnitPage(ctx, { salesUnitId }, { q: "", cursor: null, direction: "next", size: 1 });
  const found = head.items[0];
  if (!found) return null;
  const unit = unitView(found);
  const emptyPage: KeysetPage<OverviewGrant> = { items: [], nextCursor: null, prevCursor: null, total: 0 };
  if (!unit.ledger) return { unit, grants: emptyPage };
  const today = todayPortalDate();
  const shown = shownGrants({});
  const cursorOk = query.cursor && isUuid(query.cursor[1] ?? "") && !Number.isNaN(Date.parse(query.cursor[0] ?? ""));
  const q = cursorOk ? query : { ...query, cursor: null, direction: "next" as const };
  const cursor = q.cursor ? Prisma.sql`(${q.cursor[0]}::timestamptz, ${q.cursor[1]}::uuid)` : null;
  const search = q.q ? Prisma.sql`(p."name" ILIKE ${likePattern(q.q)} OR p."orgNo" LIKE ${likePattern(q.q.replace(/\s/g, ""), "prefix")})` : Prisma.sql`TRUE`;
  const where = Prisma.sql`g."ledgerId" = ${unit.ledger.id}::uuid AND g."merchantId" = ${ctx.merchantId}::uuid AND ${shown} AND ${search}`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<(Omit<GrantRow, "groupTotal"> & { createdAt: Date })[]>`
      SELECT g."id", g."ledgerId", g."status"::text AS "status", g."periodFrom", g."periodTo", g."validUntil", g."includesPersonalData", g."lastUsedAt", g."createdAt",
             p."id" AS "partnerId", p."name" AS "partnerName", p."orgNo" AS "partnerOrgNo", p."status"::text AS "partnerStatus"
      FROM "LedgerGrant" g JOIN "AccountingPartner" p ON p."id" = g."partnerId"
      WHERE ${where} AND ${keysetAfter(Prisma.sql`(g."createdAt", g."id")`, cursor, q, "asc")}
      ${keysetOrderBy([Prisma.sql`g."createdAt"`, Prisma.sql`g."id"`], q, "asc")}
      ${keysetLimit(q)}`,
    db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS "n" FROM "LedgerGrant" g JOIN "AccountingPartner" p ON p."id" = g."partnerId" WHERE ${where}`,
  ]);
  const page = toKeysetPage(rows, q, (g) => [g.createdAt.toISOString(), g.id], counted[0]?.n ?? 0);
  const externalId = unit.ledger.externalId;
  const outOfSync = await markOutOfSync(page.items.map((g) => ({ id: g.id, status: g.status, includesPersonalData: g.includesPersonalData, partner: { id: g.partnerId, orgNo: g.partnerOrgNo, status: g.partnerStatus }, ledgerExternalId: externalId })));
  return {
    unit,
    grants: {
      ...page,
      items: page.items.map((g) => ({
        id: g.id,
        partnerId: g.partnerId,
        partnerName: g.partnerName,
        partnerOrgNo: g.partnerOrgNo,
        ...grantScopeView(g, today),
        lastUsedAt: g.lastUsedAt?.toISOString() ?? null,
        outOfSync: outOfSync.has(g.id),
        partnerSuspended: g.partnerStatus === "suspended",
      })),
    },
  };
}
