import "server-only";
import type { OverviewRow } from "@/lib/admin-access/types";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { EXPIRING_SOON_DAYS, type GrantDisplayStatus } from "@/lib/grants/grant-status";
import { OVERVIEW_STATUSES, type OverviewCursor, type OverviewFilters, type OverviewQuery, type OverviewSort } from "@/lib/admin-access/overview-query";
import type { PartnerStatus } from "@/lib/generated/prisma/enums";

/**
 * A1: every grant across merchants and partners, one row each, for platform admins (the caller checks). Keyset
 * paging in SQL (decision 018): each sort order walks an index of the migration 20261207010000, so a deep page
 * costs what the first page costs. Counts by status are one GROUP BY that follows the filters; unfiltered, over the
 * grant counts table that triggers keep exact (decision 041) instead of every grant.
 */

export type { OverviewRow };

export interface OverviewPage {
  rows: OverviewRow[];
  /** The cursor of the next page, or null on the last page. */
  next: OverviewCursor | null;
}

/** Rows one query may return: the page size is capped by the URL parser, the export reads in batches of this. */
export const OVERVIEW_BATCH = 1000;

interface Dates {
  today: string;
  soon: string;
}

function dates(today = todayPortalDate()): Dates {
  return { today, soon: shiftLedgerDate(today, EXPIRING_SOON_DAYS) };
}

/** What a person calls the grant's status, in SQL; the same rules as lib/grants/grant-status.ts. */
function displayStatusSql(d: Dates): Prisma.Sql {
  return Prisma.sql`CASE WHEN g.status = 'active' AND g."validUntil" < ${d.today}::date THEN 'expired'
    WHEN g.status = 'active' AND g."validUntil" <= ${d.soon}::date THEN 'expiring_soon' ELSE g.status::text END`;
}

/**
 * Active grants ending between two dates. Written on the "ends soonest" sort key (no end date is infinity, never
 * between), so sorted by end date the index range starts at `from` instead of filtering the grants that ended.
 */
function endsBetween(from: string, to: string): Prisma.Sql {
  return Prisma.sql`g.status = 'active' AND COALESCE(g."validUntil", 'infinity'::date) BETWEEN ${from}::date AND ${to}::date`;
}

function statusCondition(status: GrantDisplayStatus, d: Dates): Prisma.Sql {
  switch (status) {
    case "active":
      return Prisma.sql`g.status = 'active' AND (g."validUntil" IS NULL OR g."validUntil" > ${d.soon}::date)`;
    case "expiring_soon":
      return endsBetween(d.today, d.soon);
    case "expired":
      return Prisma.sql`(g.status = 'expired' OR (g.status = 'active' AND g."validUntil" < ${d.today}::date))`;
    default:
      return Prisma.sql`g.status = ${status}::"GrantStatus"`;
  }
}

/** What a search (an org. number or an MSN) names, as ids, so the grant query can use its indexes. */
export interface OverviewSearchIds {
  merchants: string[];
  partners: string[];
  ledgers: string[];
}

/**
 * Resolves the search once per view: the page passes the result to both the page and the counts, the export to
 * every batch (each used to look the search up again).
 */
export async function resolveOverviewSearch(filters: OverviewFilters): Promise<OverviewSearchIds | undefined> {
  return filters.q ? searchIds(filters.q) : undefined;
}

async function searchIds(q: string): Promise<OverviewSearchIds> {
  const [merchants, partners, units] = await Promise.all([
    db.merchant.findMany({ where: { orgNo: q }, select: { id: true } }),
    db.accountingPartner.findMany({ where: { orgNo: q }, select: { id: true } }),
    db.salesUnit.findMany({ where: { msn: q, ledgerId: { not: null } }, select: { ledgerId: true } }),
  ]);
  return { merchants: merchants.map((m) => m.id), partners: partners.map((p) => p.id), ledgers: units.map((u) => u.ledgerId!) };
}

async function whereClause(f: OverviewFilters, d: Dates, opts: { withStatus: boolean; search?: OverviewSearchIds }): Promise<Prisma.Sql> {
  const parts: Prisma.Sql[] = [];
  if (f.merchantId) parts.push(Prisma.sql`g."merchantId" = ${f.merchantId}::uuid`);
  if (f.partnerId) parts.push(Prisma.sql`g."partnerId" = ${f.partnerId}::uuid`);
  if (opts.withStatus && f.status) parts.push(statusCondition(f.status, d));
  if (f.expiringWithinDays !== undefined) {
    parts.push(endsBetween(d.today, shiftLedgerDate(d.today, f.expiringWithinDays)));
  }
  if (f.personalData) parts.push(Prisma.sql`g."includesPersonalData"`);
  if (f.outOfSync) parts.push(Prisma.sql`${openFinding}`);
  if (f.q) {
    const ids = opts.search ?? (await searchIds(f.q));
    parts.push(Prisma.sql`(g."merchantId" = ANY(${ids.merchants}::uuid[]) OR g."partnerId" = ANY(${ids.partners}::uuid[]) OR g."ledgerId" = ANY(${ids.ledgers}::uuid[]))`);
  }
  return parts.length === 0 ? Prisma.sql`TRUE` : Prisma.join(parts, " AND ");
}

/** Per sort order: the key (as text for the cursor), ORDER BY, and the keyset condition after a cursor. */
function sortSql(sort: OverviewSort, after: OverviewCursor | undefined): { key: Prisma.Sql; order: Prisma.Sql; after: Prisma.Sql } {
  switch (sort) {
    case "ending": {
      const key = Prisma.sql`COALESCE(g."validUntil", 'infinity'::date)`;
      return { key, order: Prisma.sql`${key} ASC, g.id ASC`, after: after ? Prisma.sql`(${key}, g.id) > (${after.v}::date, ${after.id}::uuid)` : Prisma.sql`TRUE` };
    }
    case "lastUsed": {
      const key = Prisma.sql`COALESCE(g."lastUsedAt", '-infinity'::timestamptz)`;
      return { key, order: Prisma.sql`${key} DESC, g.id DESC`, after: after ? Prisma.sql`(${key}, g.id) < (${after.v}::timestamptz, ${after.id}::uuid)` : Prisma.sql`TRUE` };
    }
    case "newest": {
      const key = Prisma.sql`g."createdAt"`;
      return { key, order: Prisma.sql`${key} DESC, g.id DESC`, after: after ? Prisma.sql`(${key}, g.id) < (${after.v}::timestamptz, ${after.id}::uuid)` : Prisma.sql`TRUE` };
    }
  }
}

interface RawRow {
  id: string;
  sort_key: string;
  merchant_id: string;
  merchant_name: string;
  merchant_org_no: string;
  units: { name: string; msn: string }[] | null;
  ledger_external_id: string;
  currency: string;
  partner_id: string;
  partner_name: string;
  partner_org_no: string;
  partner_status: PartnerStatus;
  period_from: string | null;
  period_to: string | null;
  includes_personal_data: boolean;
  valid_until: string | null;
  display_status: GrantDisplayStatus;
  granted_by: string | null;
  approved_by: string | null;
  last_used_at: Date | null;
  created_at: Date;
  out_of_sync: boolean;
}

/**
 * An open reconciliation finding about the grant (A2): the grant is not readable upstream (the finding names
 * it), or its partner and ledger are readable upstream while no grant here is live (the finding names no grant). Walks ReconciliationFinding's grant index or
 * (partner, ledger) of its open rows, which are few.
 */
const openFinding = Prisma.sql`EXISTS (SELECT 1 FROM "ReconciliationFinding" f WHERE f."resolvedAt" IS NULL AND (f."grantId" = g.id OR (f."grantId" IS NULL AND f."partnerId" = g."partnerId" AND f."ledgerId" = g."ledgerId")))`;

/** The columns and joins of an overview row (the page query and a grant's page share them). */
function rowSelect(d: Dates): Prisma.Sql {
  return Prisma.sql`
      m.id::text AS merchant_id, m.name AS merchant_name, m."orgNo" AS merchant_org_no,
      (SELECT json_agg(json_build_object('name', su.name, 'msn', su.msn) ORDER BY su.msn) FROM "SalesUnit" su WHERE su."ledgerId" = g."ledgerId") AS units,
      l."externalId" AS ledger_external_id, l.currency::text AS currency,
      p.id::text AS partner_id, p.name AS partner_name, p."orgNo" AS partner_org_no, p.status AS partner_status,
      to_char(g."periodFrom", 'YYYY-MM-DD') AS period_from, to_char(g."periodTo", 'YYYY-MM-DD') AS period_to,
      g."includesPersonalData" AS includes_personal_data, to_char(g."validUntil", 'YYYY-MM-DD') AS valid_until,
      ${displayStatusSql(d)} AS display_status,
      COALESCE(gb.name, gb.email) AS granted_by, COALESCE(ab.name, ab.email) AS approved_by,
      g."lastUsedAt" AS last_used_at, g."createdAt" AS created_at, ${openFinding} AS out_of_sync
    FROM "LedgerGrant" g
      JOIN "Merchant" m ON m.id = g."merchantId"
      JOIN "AccountingPartner" p ON p.id = g."partnerId"
      JOIN "Ledger" l ON l.id = g."ledgerId"
      LEFT JOIN "User" gb ON gb.id = g."grantedById"
      LEFT JOIN "User" ab ON ab.id = g."approvedById"
`;
}

/** The SQL of one page; exported for the benchmark's EXPLAIN. */
export async function overviewPageSql(query: OverviewQuery, limit: number, today?: string, search?: OverviewSearchIds): Promise<Prisma.Sql> {
  const d = dates(today);
  const where = await whereClause(query.filters, d, { withStatus: true, ...(search ? { search } : {}) });
  const s = sortSql(query.sort, query.after);
  return Prisma.sql`
    SELECT g.id::text AS id, ${s.key}::text AS sort_key,
      ${rowSelect(d)}
    WHERE ${where} AND ${s.after}
    ORDER BY ${s.order}
    LIMIT ${limit}`;
}

function toRow(r: RawRow): OverviewRow {
  return {
    id: r.id,
    merchant: { id: r.merchant_id, name: r.merchant_name, orgNo: r.merchant_org_no },
    salesUnits: r.units ?? [],
    ledger: { externalId: r.ledger_external_id, currency: r.currency },
    partner: { id: r.partner_id, name: r.partner_name, orgNo: r.partner_org_no, status: r.partner_status },
    periodFrom: r.period_from,
    periodTo: r.period_to,
    includesPersonalData: r.includes_personal_data,
    validUntil: r.valid_until,
    status: r.display_status,
    grantedBy: r.granted_by,
    approvedBy: r.approved_by,
    lastUsedAt: r.last_used_at ? r.last_used_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
    outOfSync: r.out_of_sync,
  };
}

/** One page of the overview, in the query's order, after its cursor. */
export async function listOverviewPage(query: OverviewQuery, opts: { today?: string; search?: OverviewSearchIds } = {}): Promise<OverviewPage> {
  const raw = await db.$queryRaw<RawRow[]>(await overviewPageSql(query, query.size + 1, opts.today, opts.search));
  const page = raw.slice(0, query.size);
  const last = page[page.length - 1];
  return { rows: page.map(toRow), next: raw.length > query.size && last ? { v: last.sort_key, id: last.id } : null };
}

export type StatusCounts = Record<GrantDisplayStatus, number> & { total: number };

/**
 * Whether the grant counts table (decision 041) answers the counts: with no filter but the status (which the counts
 * leave out) and the end-date window, both computed from the table's key. Any other filter counts the grants
 * themselves, through the index that filter uses.
 */
function countsFromTable(f: OverviewFilters): boolean {
  return !f.merchantId && !f.partnerId && !f.personalData && !f.outOfSync && !f.q;
}

/**
 * The SQL of the counts by status (one GROUP BY), following every filter except the status filter itself; exported
 * for the benchmark's EXPLAIN. Unfiltered it sums the counts table, whose key columns are named as the grant's
 * (status, validUntil), so the display status and the end-date window are the very same SQL as for a grant.
 */
export async function overviewCountsSql(filters: OverviewFilters, opts: { today?: string; search?: OverviewSearchIds } = {}): Promise<Prisma.Sql> {
  const d = dates(opts.today);
  if (countsFromTable(filters)) {
    const window = filters.expiringWithinDays === undefined ? Prisma.sql`TRUE` : endsBetween(d.today, shiftLedgerDate(d.today, filters.expiringWithinDays));
    return Prisma.sql`SELECT ${displayStatusSql(d)} AS status, sum(g.n)::int AS n FROM "LedgerGrantStatusCount" g WHERE ${window} GROUP BY 1`;
  }
  const where = await whereClause(filters, d, { withStatus: false, ...(opts.search ? { search: opts.search } : {}) });
  return Prisma.sql`SELECT ${displayStatusSql(d)} AS status, count(*)::int AS n FROM "LedgerGrant" g WHERE ${where} GROUP BY 1`;
}

/** Counts by status, following every filter except the status filter itself. */
export async function countOverviewByStatus(filters: OverviewFilters, opts: { today?: string; search?: OverviewSearchIds } = {}): Promise<StatusCounts> {
  const rows = await db.$queryRaw<{ status: GrantDisplayStatus; n: number }[]>(await overviewCountsSql(filters, opts));
  const counts = Object.fromEntries(OVERVIEW_STATUSES.map((s) => [s, 0])) as Record<GrantDisplayStatus, number>;
  let total = 0;
  for (const r of rows) {
    counts[r.status] = r.n;
    total += r.n;
  }
  return { ...counts, total };
}

/** Every row of a filtered overview, in batches by keyset (the CSV export): memory holds one batch at a time. */
export async function* iterateOverview(query: Omit<OverviewQuery, "after" | "size">, opts: { batchSize?: number; today?: string } = {}): AsyncGenerator<OverviewRow[]> {
  const size = Math.min(opts.batchSize ?? OVERVIEW_BATCH, OVERVIEW_BATCH);
  const today = opts.today ?? todayPortalDate();
  const search = await resolveOverviewSearch(query.filters);
  let after: OverviewCursor | undefined;
  for (;;) {
    const page = await listOverviewPage({ ...query, size, ...(after ? { after } : {}) }, { today, ...(search ? { search } : {}) });
    if (page.rows.length > 0) yield page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

/** One grant as an overview row (its page), or null. */
export async function getOverviewGrant(grantId: string): Promise<OverviewRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(grantId)) return null;
  const d = dates();
  const raw = await db.$queryRaw<RawRow[]>`
    SELECT g.id::text AS id, '' AS sort_key,
      ${rowSelect(d)}
    WHERE g.id = ${grantId}::uuid`;
  return raw[0] ? toRow(raw[0]) : null;
}

export interface AdminGrantHistoryEntry {
  id: string;
  at: string;
  action: string;
  actorLabel: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A grant's whole history from the audit trail, newest first (every event whose target is the grant). */
export async function listAdminGrantHistory(grantId: string): Promise<AdminGrantHistoryEntry[]> {
  const events = await db.auditEvent.findMany({
    where: { targetType: "LedgerGrant", targetId: grantId },
    orderBy: { id: "desc" },
    select: { id: true, at: true, action: true, actorLabel: true, before: true, after: true },
  });
  return events.map((e) => ({ id: e.id.toString(), at: e.at.toISOString(), action: e.action, actorLabel: e.actorLabel, before: isRecord(e.before) ? e.before : null, after: isRecord(e.after) ? e.after : null }));
}
