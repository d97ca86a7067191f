import "server-only";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dbDateToLedgerDate, ledgerDateToDb, shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { ledgerAccess } from "@/lib/server/grants/access-rules";
import { requireMerchantCan } from "@/lib/server/authz/require";
import { ledgerScopeWhere } from "@/lib/server/authz/merchant-scope";
import { daysLeft } from "@/lib/lifecycle/reminders";
import { grantLengthDays } from "@/lib/lifecycle/renewal";
import { toKeysetPage, type KeysetPage, type ListQuery } from "@/lib/paging/keyset";
import { isUuid } from "@/lib/ids";
import { isLedgerDate } from "@/lib/lifecycle/fields";

/** Grants ending within this many days are offered for renewal. */
export const RENEWAL_WINDOW_DAYS = 45;
/** Lapsed grants stay listed this long (to be granted again from the partners page). */
export const LAPSED_LIST_DAYS = 30;

export interface RenewalCandidate {
  grantId: string;
  partner: { name: string; orgNo: string };
  ledger: { externalId: string; currency: string; salesUnits: { msn: string; name: string }[] };
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
  validUntil: string;
  daysLeft: number;
  /** The grant's own length: what "renew for the same length" adds. */
  lengthDays: number;
  lastUsedAt: string | null;
  canRenew: boolean;
}

export interface RenewalOverview {
  ending: RenewalCandidate[];
  lapsed: RenewalCandidate[];
  /** Rows of each list beyond the RENEWALS_LIST_MAX shown (soonest end dates first). */
  moreEnding: number;
  moreLapsed: number;
  /** Counted in SQL: all ending, ending within 14 days, lapsed. */
  totals: { ending: number; ending14: number; lapsed: number };
}

/** Grants listed in each of the two lists at most. */
export const RENEWALS_LIST_MAX = 100;

const SELECT = {
  id: true,
  status: true,
  createdAt: true,
  periodFrom: true,
  periodTo: true,
  includesPersonalData: true,
  validUntil: true,
  lastUsedAt: true,
  partner: { select: { name: true, orgNo: true } },
  ledger: { select: { externalId: true, currency: true, salesUnits: { select: { id: true, msn: true, name: true }, orderBy: { name: "asc" } } } },
} as const satisfies Prisma.LedgerGrantSelect;

type Row = Prisma.LedgerGrantGetPayload<{ select: typeof SELECT }>;

function toCandidate(ctx: MerchantContext, g: Row, today: string): RenewalCandidate {
  const validUntil = dbDateToLedgerDate(g.validUntil!);
  const left = daysLeft(validUntil, today);
  return {
    grantId: g.id,
    partner: g.partner,
    ledger: { externalId: g.ledger.externalId, currency: g.ledger.currency, salesUnits: g.ledger.salesUnits.map(({ msn, name }) => ({ msn, name })) },
    periodFrom: g.periodFrom ? dbDateToLedgerDate(g.periodFrom) : null,
    periodTo: g.periodTo ? dbDateToLedgerDate(g.periodTo) : null,
    includesPersonalData: g.includesPersonalData,
    validUntil,
    daysLeft: left,
    lengthDays: grantLengthDays(todayPortalDate(g.createdAt), validUntil),
    lastUsedAt: g.lastUsedAt?.toISOString() ?? null,
    canRenew: g.status === "active" && left >= 0 && ledgerAccess(ctx, g.ledger.salesUnits.map((s) => s.id)) === "grantable",
  };
}

function renewalWheres(today: string) {
  const endingWhere = { status: "active" as const, validUntil: { not: null, gte: ledgerDateToDb(today), lte: ledgerDateToDb(shiftLedgerDate(today, RENEWAL_WINDOW_DAYS)) } };
  const lapsedWhere = {
    OR: [
      { status: "active" as const, validUntil: { not: null, lt: ledgerDateToDb(today) } },
      { status: "expired" as const, validUntil: { gte: ledgerDateToDb(shiftLedgerDate(today, -LAPSED_LIST_DAYS)) } },
    ],
  };
  return { endingWhere, lapsedWhere };
}

/** Cursor key of both renewal lists: the end date (a ledger date) and the grant id. */
export const RENEWALS_CURSOR_PARTS = 2;

export interface RenewalsPage {
  ending: KeysetPage<RenewalCandidate>;
  lapsed: KeysetPage<RenewalCandidate>;
  totals: { ending: number; ending14: number; lapsed: number };
}

/**
 * M8 at any size: a keyset page of each list ((end date, id), soonest first), searched on the server by partner
 * name, org. number or ledger number, the stat cards counted in SQL. Statements do not grow with the data.
 */
export async function listRenewalsPage(ctx: MerchantContext, queries: { ending: ListQuery; lapsed: ListQuery }, now: Date = new Date()): Promise<RenewalsPage> {
  requireMerchantCan(ctx, "partners.read");
  const today = todayPortalDate(now);
  const { endingWhere, lapsedWhere } = renewalWheres(today);
  const base: Prisma.LedgerGrantWhereInput = { merchantId: ctx.merchantId, ledger: ledgerScopeWhere(ctx) };
  const search = (q: string): Prisma.LedgerGrantWhereInput =>
    q
      ? { OR: [{ partner: { name: { contains: q, mode: "insensitive" } } }, { partner: { orgNo: { startsWith: q.replace(/\s/g, "") } } }, { ledger: { externalId: { startsWith: q } } }] }
      : {};
  const read = async (where: Prisma.LedgerGrantWhereInput, raw: ListQuery): Promise<KeysetPage<RenewalCandidate>> => {
    const ok = raw.cursor && isLedgerDate(raw.cursor[0] ?? "") && isUuid(raw.cursor[1] ?? "");
    const query: ListQuery = ok ? raw : { ...raw, cursor: null, direction: "next" };
    const forward = query.direction === "next";
    const cmp = forward ? "gt" : "lt";
    const keyset: Prisma.LedgerGrantWhereInput = query.cursor
      ? { OR: [{ validUntil: { [cmp]: ledgerDateToDb(query.cursor[0]!) } }, { validUntil: ledgerDateToDb(query.cursor[0]!), id: { [cmp]: query.cursor[1]! } }] }
      : {};
    const dir = forward ? "asc" : "desc";
    const filtered = { AND: [base, where, search(query.q)] };
    const [rows, total] = await Promise.all([
      db.ledgerGrant.findMany({ where: { AND: [filtered, keyset] }, orderBy: [{ validUntil: dir }, { id: dir }], take: query.size + 1, select: SELECT }),
      db.ledgerGrant.count({ where: filtered }),
    ]);
    const page = toKeysetPage(rows, query, (g) => [dbDateToLedgerDate(g.validUntil!), g.id], total);
    return { ...page, items: page.items.map((g) => toCandidate(ctx, g, today)) };
  };
  const [ending, lapsed, endingTotal, lapsedTotal, ending14] = await Promise.all([
    read(endingWhere, queries.ending),
    read(lapsedWhere, queries.lapsed),
    db.ledgerGrant.count({ where: { ...base, ...endingWhere } }),
    db.ledgerGrant.count({ where: { ...base, ...lapsedWhere } }),
    db.ledgerGrant.count({ where: { ...base, status: "active", validUntil: { not: null, gte: ledgerDateToDb(today), lte: ledgerDateToDb(shiftLedgerDate(today, 14)) } } }),
  ]);
  return { ending, lapsed, totals: { ending: endingTotal, ending14, lapsed: lapsedTotal } };
}

/**
 * M8: the merchant's grants that end soon (active, end date within RENEWAL_WINDOW_DAYS) and those that lapsed
 * recently. Managers see the ledgers of their sales units; `canRenew` says whether this user may renew.
 * Each list holds at most RENEWALS_LIST_MAX grants (soonest end first), with the rest counted in SQL.
 */
export async function listRenewals(ctx: MerchantContext, now: Date = new Date()): Promise<RenewalOverview> {
  requireMerchantCan(ctx, "partners.read");
  const today = todayPortalDate(now);
  const endingWhere = { status: "active" as const, validUntil: { not: null, gte: ledgerDateToDb(today), lte: ledgerDateToDb(shiftLedgerDate(today, RENEWAL_WINDOW_DAYS)) } };
  const lapsedWhere = {
    OR: [
      { status: "active" as const, validUntil: { not: null, lt: ledgerDateToDb(today) } },
      { status: "expired" as const, validUntil: { gte: ledgerDateToDb(shiftLedgerDate(today, -LAPSED_LIST_DAYS)) } },
    ],
  };
  const base = { merchantId: ctx.merchantId, ledger: ledgerScopeWhere(ctx) };
  const read = (where: Prisma.LedgerGrantWhereInput) =>
    db.ledgerGrant.findMany({
      where: { ...base, ...where },
      orderBy: [{ validUntil: "asc" }, { partner: { name: "asc" } }, { id: "asc" }],
      take: RENEWALS_LIST_MAX,
      select: SELECT,
    });
  const [endingRows, lapsedRows, endingTotal, lapsedTotal, ending14] = await Promise.all([
    read(endingWhere),
    read(lapsedWhere),
    db.ledgerGrant.count({ where: { ...base, ...endingWhere } }),
    db.ledgerGrant.count({ where: { ...base, ...lapsedWhere } }),
    db.ledgerGrant.count({ where: { ...base, status: "active", validUntil: { not: null, gte: ledgerDateToDb(today), lte: ledgerDateToDb(shiftLedgerDate(today, 14)) } } }),
  ]);
  const rows = [...lapsedRows, ...endingRows];
  const ending: RenewalCandidate[] = [];
  const lapsed: RenewalCandidate[] = [];
  for (const g of rows) {
    const candidate = toCandidate(ctx, g, today);
    // An active grant past its end date lapses with the next job run; until then it is listed as lapsed.
    (g.status === "active" && candidate.daysLeft >= 0 ? ending : lapsed).push(candidate);
  }
  return { ending, lapsed, moreEnding: Math.max(0, endingTotal - endingRows.length), moreLapsed: Math.max(0, lapsedTotal - lapsedRows.length), totals: { ending: endingTotal, ending14, lapsed: lapsedTotal } };
}
