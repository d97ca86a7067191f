/**
 * Keyset paging for every list page (decision 023). A page is read with `WHERE (sort…, id) > cursor ORDER BY
 * sort…, id LIMIT size + 1` (or the mirror for "Previous"), so a deep page costs what the first does, the order
 * is stable (the row id breaks ties) and no list renders more than PAGE_SIZE_MAX rows whatever the data.
 * Cursors are opaque in URLs (base64url of the sort key) and checked before they reach a query.
 */

export const PAGE_SIZE_DEFAULT = 25;
export const PAGE_SIZE_MAX = 100;
export const SEARCH_MAX_LENGTH = 100;

/** A list request as it comes from the URL: search text, an optional cursor and a direction, the page size. */
export interface ListQuery {
  q: string;
  cursor: string[] | null;
  direction: "next" | "prev";
  size: number;
}

export interface KeysetPage<T> {
  items: T[];
  /** Cursor of the page after this one (its last row's key), null on the last page. */
  nextCursor: string | null;
  /** Cursor of the page before this one (its first row's key), null on the first page. */
  prevCursor: string | null;
  /** All rows matching the search, counted in SQL. */
  total: number;
}

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The key in a cursor, or null when it is not one of ours (a hand-edited URL simply starts at page one). */
export function decodeCursor(raw: string | undefined | null, parts: number): string[] | null {
  if (!raw || raw.length > 512) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(value) || value.length !== parts || !value.every((v) => typeof v === "string" && v.length <= 200)) return null;
    return value as string[];
  } catch {
    return null;
  }
}

export function clampPageSize(raw: string | number | undefined | null, fallback = PAGE_SIZE_DEFAULT): number {
  const n = typeof raw === "number" ? raw : Number.parseInt(raw ?? "", 10);
  if (!Number.isFinite(n) || n < 1) return fallback;
  return Math.min(Math.floor(n), PAGE_SIZE_MAX);
}

type Params = Record<string, string | string[] | undefined>;

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Search text as typed, trimmed and bounded; control characters dropped. */
export function searchText(raw: string | undefined | null): string {
  return (raw ?? "").replace(/\p{Cc}/gu, "").trim().slice(0, SEARCH_MAX_LENGTH);
}

/** Reads `q`, `after` / `before` and `size` from a page's searchParams. `parts` is the cursor's key length. */
export function parseListQuery(params: Params, parts: number, opts: { size?: number; prefix?: string } = {}): ListQuery {
  // A second list on the same page reads its cursors from prefixed names (`hafter`/`hbefore` with prefix "h").
  const prefix = opts.prefix ?? "";
  const before = decodeCursor(first(params[`${prefix}before`]), parts);
  const after = before ? null : decodeCursor(first(params[`${prefix}after`]), parts);
  return {
    q: searchText(first(params.q)),
    cursor: before ?? after,
    direction: before ? "prev" : "next",
    size: clampPageSize(first(params.size), opts.size ?? PAGE_SIZE_DEFAULT),
  };
}

/**
 * Turns the rows of a keyset read (size + 1 asked for, in the read's order) into a page: drops the probe row,
 * restores display order for a backward read, and derives both cursors.
 */
export function toKeysetPage<T>(rows: T[], query: Pick<ListQuery, "cursor" | "direction" | "size">, key: (row: T) => string[], total: number): KeysetPage<T> {
  const more = rows.length > query.size;
  const items = rows.slice(0, query.size);
  if (query.direction === "prev") items.reverse();
  const firstRow = items[0];
  const lastRow = items[items.length - 1];
  const hasPrev = query.direction === "prev" ? more : query.cursor !== null;
  const hasNext = query.direction === "prev" ? query.cursor !== null : more;
  return {
    items,
    prevCursor: hasPrev && firstRow !== undefined ? encodeCursor(key(firstRow)) : null,
    nextCursor: hasNext && lastRow !== undefined ? encodeCursor(key(lastRow)) : null,
    total,
  };
}

/** `%text%` for ILIKE with the pattern characters of the text escaped (backslash is PostgreSQL's default escape). */
export function likePattern(text: string, mode: "contains" | "prefix" = "contains"): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === "prefix" ? `${escaped}%` : `%${escaped}%`;
}

/** The URL of another page of the same list, keeping the other searchParams (filters, search). */
export function pageHref(path: string, params: Params, change: { after?: string | null; before?: string | null }, prefix = ""): string {
  const sp = new URLSearchParams();
  const afterKey = `${prefix}after`;
  const beforeKey = `${prefix}before`;
  for (const [k, v] of Object.entries(params)) {
    if (k === afterKey || k === beforeKey) continue;
    const value = first(v);
    if (value) sp.set(k, value);
  }
  if (change.after) sp.set(afterKey, change.after);
  if (change.before) sp.set(beforeKey, change.before);
  const s = sp.toString();
  return s ? `${path}?${s}` : path;
}
