import { z } from "zod";
import { isLedgerDate } from "./fields";

/**
 * Events per page: the portal's one list page size (lib/paging/keyset.ts); the CSV export has every event the
 * filters match, up to ACCESS_LOG_EXPORT_LIMIT.
 */
export const ACCESS_LOG_PAGE_SIZE = 25;
/** The CSV export stops here; narrow the filters for more (keeps one request bounded). */
export const ACCESS_LOG_EXPORT_LIMIT = 50_000;

export interface AccessLogFilters {
  partnerId?: string;
  ledgerId?: string;
  action?: "read" | "export";
  /** Ledger dates (Europe/Oslo) of the event time, inclusive. */
  from?: string;
  to?: string;
  page: number;
}

const uuid = z.uuid();

/**
 * M7 filters from the URL. A value that does not parse is dropped and named in `ignored`, so the page can say
 * which filter it did not understand instead of failing or silently showing something else.
 */
export function parseAccessLogFilters(params: Record<string, string | string[] | undefined>): { filters: AccessLogFilters; ignored: string[] } {
  const one = (key: string) => {
    const v = params[key];
    const text = (Array.isArray(v) ? v[0] : v)?.trim();
    // "all" is what the filter menus send for "no filter".
    return text && text !== "all" ? text : undefined;
  };
  const ignored: string[] = [];
  const filters: AccessLogFilters = { page: 1 };
  const take = <T>(key: string, param: string, ok: (v: string) => boolean, set: (v: string) => T) => {
    const v = one(param);
    if (v === undefined) return;
    if (ok(v)) set(v);
    else ignored.push(key);
  };
  take("partner", "partner", (v) => uuid.safeParse(v).success, (v) => (filters.partnerId = v));
  take("ledger", "ledger", (v) => uuid.safeParse(v).success, (v) => (filters.ledgerId = v));
  take("action", "action", (v) => v === "read" || v === "export", (v) => (filters.action = v as "read" | "export"));
  take("from", "from", isLedgerDate, (v) => (filters.from = v));
  take("to", "to", isLedgerDate, (v) => (filters.to = v));
  if (filters.from && filters.to && filters.from > filters.to) {
    ignored.push("to");
    delete filters.to;
  }
  const page = one("page");
  if (page) {
    const n = Number(page);
    if (Number.isInteger(n) && n >= 1 && n <= 100_000) filters.page = n;
    else ignored.push("page");
  }
  return { filters, ignored };
}

/** The same filters as URL search parameters (for links: paging, export). */
export function accessLogSearchParams(filters: Partial<AccessLogFilters>): URLSearchParams {
  const sp = new URLSearchParams();
  if (filters.partnerId) sp.set("partner", filters.partnerId);
  if (filters.ledgerId) sp.set("ledger", filters.ledgerId);
  if (filters.action) sp.set("action", filters.action);
  if (filters.from) sp.set("from", filters.from);
  if (filters.to) sp.set("to", filters.to);
  if (filters.page && filters.page > 1) sp.set("page", String(filters.page));
  return sp;
}
