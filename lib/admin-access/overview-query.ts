import { z } from "zod";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";

/**
 * A1 access overview: the filters, sort order and page position, read from the URL (searchParams) so a view
 * survives a reload and can be linked. Pure: the page, the CSV route and the tests parse the same way. Values
 * that do not parse are dropped (a hand-edited URL shows the unfiltered list, never an error page).
 */
export const OVERVIEW_STATUSES = ["active", "expiring_soon", "pending_approval", "expired", "revoked", "declined"] as const satisfies readonly GrantDisplayStatus[];
export const OVERVIEW_SORTS = ["newest", "ending", "lastUsed"] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/** 25 rows a page by default (decision 041: the rows are most of the page's cost); the URL's `size` asks for up to 200. */
export const OVERVIEW_PAGE_SIZE = 25;
export const OVERVIEW_MAX_PAGE_SIZE = 200;
export const OVERVIEW_MAX_EXPIRING_DAYS = 366;

export interface OverviewFilters {
  merchantId?: string;
  partnerId?: string;
  status?: GrantDisplayStatus;
  /** Active grants whose end date is within this many days from today (today included). */
  expiringWithinDays?: number;
  personalData?: true;
  /** Grants with an open reconciliation finding (A2): what the partner's keys read upstream differs. */
  outOfSync?: true;
  /** An organisation number (merchant or partner) or an MSN, matched exactly (spaces ignored). */
  q?: string;
}

export interface OverviewCursor {
  /** The sort key of the last row shown, as PostgreSQL prints it ("infinity" for no end date, and so on). */
  v: string;
  id: string;
}

export interface OverviewQuery {
  filters: OverviewFilters;
  sort: OverviewSort;
  after?: OverviewCursor;
  size: number;
}

const uuid = z.uuid();
const cursorSchema = z.object({ v: z.string().min(1).max(64), id: z.uuid() }).strict();

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function one(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined || s === null || s === "" ? undefined : s;
}

export function encodeCursor(c: OverviewCursor): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

export function decodeCursor(raw: string | undefined): OverviewCursor | undefined {
  if (!raw || raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the overview's URL parameters: merchant, partner, status, expiring, personal, q, sort, after, size. */
export function parseOverviewQuery(params: Params): OverviewQuery {
  const filters: OverviewFilters = {};
  const merchant = one(params, "merchant");
  if (merchant && uuid.safeParse(merchant).success) filters.merchantId = merchant;
  const partner = one(params, "partner");
  if (partner && uuid.safeParse(partner).success) filters.partnerId = partner;
  const status = one(params, "status");
  if (status && (OVERVIEW_STATUSES as readonly string[]).includes(status)) filters.status = status as GrantDisplayStatus;
  const expiring = one(params, "expiring");
  if (expiring && /^\d{1,3}$/.test(expiring)) {
    const n = Number(expiring);
    if (n >= 0 && n <= OVERVIEW_MAX_EXPIRING_DAYS) filters.expiringWithinDays = n;
  }
  if (one(params, "personal") === "1") filters.personalData = true;
  if (one(params, "sync") === "out") filters.outOfSync = true;
  const q = one(params, "q")?.replace(/\s+/g, "");
  if (q && /^[A-Za-z0-9-]{1,40}$/.test(q)) filters.q = q;
  const sortRaw = one(params, "sort");
  const sort: OverviewSort = sortRaw && (OVERVIEW_SORTS as readonly string[]).includes(sortRaw) ? (sortRaw as OverviewSort) : "newest";
  const sizeRaw = one(params, "size");
  const size = sizeRaw && /^\d{1,4}$/.test(sizeRaw) ? Math.min(Math.max(Number(sizeRaw), 1), OVERVIEW_MAX_PAGE_SIZE) : OVERVIEW_PAGE_SIZE;
  const after = decodeCursor(one(params, "after"));
  return { filters, sort, size, ...(after ? { after } : {}) };
}

/** The URL parameters for a query (the inverse of parseOverviewQuery), e.g. for "next page" and the export link. */
export function overviewSearchParams(q: Partial<OverviewQuery> & { filters: OverviewFilters }): URLSearchParams {
  const p = new URLSearchParams();
  const f = q.filters;
  if (f.merchantId) p.set("merchant", f.merchantId);
  if (f.partnerId) p.set("partner", f.partnerId);
  if (f.status) p.set("status", f.status);
  if (f.expiringWithinDays !== undefined) p.set("expiring", String(f.expiringWithinDays));
  if (f.personalData) p.set("personal", "1");
  if (f.outOfSync) p.set("sync", "out");
  if (f.q) p.set("q", f.q);
  if (q.sort && q.sort !== "newest") p.set("sort", q.sort);
  if (q.size && q.size !== OVERVIEW_PAGE_SIZE) p.set("size", String(q.size));
  if (q.after) p.set("after", encodeCursor(q.after));
  return p;
}
