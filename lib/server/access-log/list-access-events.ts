import "server-only";
import { TZDate } from "@date-fns/tz";
import { db } from "@/lib/server/db";
import { DEFAULT_LEDGER_TZ, dbDateToLedgerDate, shiftLedgerDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { requireMerchantCan } from "@/lib/server/authz/require";
import { ledgerScopeWhere } from "@/lib/server/authz/merchant-scope";
import { PERSONAL_COLUMNS, type ExportColumn } from "@/lib/exports/columns";
import { ACCESS_LOG_PAGE_SIZE, type AccessLogFilters } from "@/lib/lifecycle/access-log-filters";
import { toKeysetPage, type KeysetPage, type ListQuery } from "@/lib/paging/keyset";

export interface AccessEventRow {
  id: string;
  at: string;
  person: { name: string; email: string } | null;
  partner: { name: string; orgNo: string } | null;
  ledger: { externalId: string; currency: string; salesUnits: string[] };
  action: "read" | "export";
  fromDate: string;
  toDate: string;
  format: "csv" | "xlsx" | null;
  rowCount: number | null;
  /** P4: the export's receipt (an export's own row; a "download again" row has none). */
  receipt: { id: string; sha256: string; openDates: string[]; kind: "entries" | "journal"; personalData: boolean } | null;
}

export interface AccessEventPage {
  rows: AccessEventRow[];
  total: number;
  page: number;
  pageCount: number;
}

/** Midnight in Oslo of a ledger date, as an instant (the filter dates are the merchant's calendar days). */
function startOfLedgerDate(date: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, DEFAULT_LEDGER_TZ).getTime());
}

/**
 * M7: the events of this merchant's ledgers (managers: ledgers of their sales units) matching the filters.
 * Tenant rule: merchantId and the ledger scope come from the context; the filters can only narrow them, so
 * another merchant's partner or ledger id simply matches nothing.
 */
export function accessEventsWhere(ctx: MerchantContext, f: Omit<AccessLogFilters, "page">): Prisma.LedgerAccessEventWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (f.from) at.gte = startOfLedgerDate(f.from);
  if (f.to) at.lt = startOfLedgerDate(shiftLedgerDate(f.to, 1));
  return {
    merchantId: ctx.merchantId,
    // An event's merchantId is its ledger's merchant (written with the event), so only a manager's narrower scope
    // needs the ledger joined; for everyone else the join made PostgreSQL read every event to hash-join them.
    ...(ctx.salesUnitScope === "all" ? {} : { ledger: ledgerScopeWhere(ctx) }),
    ...(f.partnerId ? { partnerId: f.partnerId } : {}),
    ...(f.ledgerId ? { ledgerId: f.ledgerId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from || f.to ? { at } : {}),
  };
}

export const accessEventSelect = {
  id: true,
  at: true,
  action: true,
  fromDate: true,
  toDate: true,
  format: true,
  rowCount: true,
  user: { select: { name: true, email: true } },
  partner: { select: { name: true, orgNo: true } },
  ledger: { select: { externalId: true, currency: true, salesUnits: { select: { name: true, msn: true }, orderBy: { name: "asc" } } } },
  receipt: { select: { id: true, sha256: true, openDates: true, kind: true, columns: true } },
} satisfies Prisma.LedgerAccessEventSelect;

export function toAccessEventRow(e: Prisma.LedgerAccessEventGetPayload<{ select: typeof accessEventSelect }>): AccessEventRow {
  return {
    id: e.id.toString(),
    at: e.at.toISOString(),
    person: e.user ? { name: e.user.name ?? e.user.email, email: e.user.email } : null,
    partner: e.partner,
    ledger: { externalId: e.ledger.externalId, currency: e.ledger.currency, salesUnits: e.ledger.salesUnits.map((s) => `${s.name} (${s.msn})`) },
    action: e.action,
    fromDate: dbDateToLedgerDate(e.fromDate),
    toDate: dbDateToLedgerDate(e.toDate),
    format: e.format,
    rowCount: e.rowCount,
    // A file with payer details can be downloaded again only by the partner granted them (decision 029).
    receipt: e.receipt ? { id: e.receipt.id, sha256: e.receipt.sha256, openDates: e.receipt.openDates, kind: e.receipt.kind, personalData: e.receipt.columns.some((c) => PERSONAL_COLUMNS.has(c as ExportColumn)) } : null,
  };
}

export async function listAccessEvents(ctx: MerchantContext, filters: AccessLogFilters): Promise<AccessEventPage> {
  requireMerchantCan(ctx, "accessLog.read");
  const where = accessEventsWhere(ctx, filters);
  const [total, rows] = await Promise.all([
    db.ledgerAccessEvent.count({ where }),
    db.ledgerAccessEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (filters.page - 1) * ACCESS_LOG_PAGE_SIZE,
      take: ACCESS_LOG_PAGE_SIZE,
      select: accessEventSelect,
    }),
  ]);
  return { rows: rows.map(toAccessEventRow), total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / ACCESS_LOG_PAGE_SIZE)) };
}

/** Cursor key of the access log: the event's time and its id (a bigint, as text). */
export const ACCESS_LOG_CURSOR_PARTS = 2;

/**
 * M7 at any size: one keyset page of events, newest first ((at, id) descending), with the filters, counted in
 * SQL. Page 200 costs what page 1 does (an offset read would read and drop 199 pages).
 */
export async function listAccessEventsPage(ctx: MerchantContext, filters: AccessLogFilters, query: ListQuery): Promise<KeysetPage<AccessEventRow>> {
  requireMerchantCan(ctx, "accessLog.read");
  const where = accessEventsWhere(ctx, filters);
  const ok = query.cursor && /^[0-9]{1,19}$/.test(query.cursor[1] ?? "") && !Number.isNaN(Date.parse(query.cursor[0] ?? ""));
  const q: ListQuery = ok ? query : { ...query, cursor: null, direction: "next" };
  // Display order is descending; "after" reads older rows, "before" newer ones (ascending, turned round).
  const older = q.direction === "next";
  const cmp = older ? "lt" : "gt";
  const keyset: Prisma.LedgerAccessEventWhereInput = q.cursor
    ? { OR: [{ at: { [cmp]: new Date(q.cursor[0]!) } }, { at: new Date(q.cursor[0]!), id: { [cmp]: BigInt(q.cursor[1]!) } }] }
    : {};
  const dir = older ? "desc" : "asc";
  const [total, rows] = await Promise.all([
    db.ledgerAccessEvent.count({ where }),
    db.ledgerAccessEvent.findMany({ where: { AND: [where, keyset] }, orderBy: [{ at: dir }, { id: dir }], take: q.size + 1, select: accessEventSelect }),
  ]);
  const page = toKeysetPage(rows, q, (e) => [e.at.toISOString(), e.id.toString()], total);
  return { ...page, items: page.items.map(toAccessEventRow) };
}

/** Partners offered in the access log's filter menu at most (by name); the rest are reached by the ledger filter or a narrower range. */
export const ACCESS_LOG_PARTNER_OPTIONS_MAX = 100;

export interface AccessLogSummary {
  eventsLast30Days: number;
  exportsLast30Days: number;
  peopleLast30Days: number;
  /** The filter menu's choices: only what it shows (the page sends them to the browser). */
  partners: { id: string; name: string }[];
  ledgers: { id: string; externalId: string; currency: string; salesUnits: string[] }[];
}

/** Figures for the stat cards and the choices of the filter menus (only this merchant's partners and ledgers). */
export async function getAccessLogSummary(ctx: MerchantContext, now: Date = new Date()): Promise<AccessLogSummary> {
  requireMerchantCan(ctx, "accessLog.read");
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const base = { ...accessEventsWhere(ctx, {}), at: { gte: since } } satisfies Prisma.LedgerAccessEventWhereInput;
  const [groups, ledgers, partners] = await Promise.all([
    // The three figures from one read of the 30 days' rows: a count per (action, person), a handful of groups.
    db.ledgerAccessEvent.groupBy({ by: ["action", "userId"], where: base, _count: { _all: true } }),
    db.ledger.findMany({
      where: ledgerScopeWhere(ctx),
      orderBy: { externalId: "asc" },
      select: { id: true, externalId: true, currency: true, salesUnits: { select: { name: true }, orderBy: { name: "asc" } } },
    }),
    // Partners that were ever granted something here: one bounded query in name order, not every partner id
    // brought to Node. A partner's event in the log always comes from a grant on that ledger (reads and exports
    // need one, and grants are never deleted, only ended), so the grants name every partner the log can show;
    // asking the log as well read every event of the merchant on each request, a cost that grew with the log.
    db.accountingPartner.findMany({
      where: { grants: { some: { merchantId: ctx.merchantId, ledger: ledgerScopeWhere(ctx) } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: ACCESS_LOG_PARTNER_OPTIONS_MAX,
      select: { id: true, name: true },
    }),
  ]);
  let events = 0;
  let exports = 0;
  const people = new Set<string>();
  for (const g of groups) {
    events += g._count._all;
    if (g.action === "export") exports += g._count._all;
    if (g.userId !== null) people.add(g.userId);
  }
  return {
    eventsLast30Days: events,
    exportsLast30Days: exports,
    peopleLast30Days: people.size,
    partners,
    ledgers: ledgers.map((l) => ({ id: l.id, externalId: l.externalId, currency: l.currency, salesUnits: l.salesUnits.map((s) => s.name) })),
  };
}
