/**
 * Cursors and pages. Cursors are base64 of a small JSON object, like upstream's (the spec's example decodes to
 * `{"afterLedgerId":"xxxx","settlesForRecipientHandles":null}`). They are standard base64 with `+`, `/` and `=`,
 * as upstream's are, so a client that forgets to URL-encode them gets a 400 here rather than in production.
 * A cursor names what it belongs to (ledger, topic, date) so it cannot be replayed against another request.
 */

import { z } from "zod";
import { isValidDate } from "./calendar";
import type { Entry, GeneratedLedger, Topic, TopicSeries } from "./generate";

export const MAX_PAGE_SIZE = 1000;

const dateCursor = z.object({ k: z.literal("date"), l: z.string(), t: z.enum(["funds", "fees"]), d: z.string(), i: z.number().int().min(0) }).strict();
const feedCursor = z.object({ k: z.literal("feed"), l: z.string(), t: z.enum(["funds", "fees"]), d: z.string().refine(isValidDate), i: z.number().int().min(0) }).strict();
const ledgersCursor = z.object({ afterLedgerId: z.string(), settlesForRecipientHandles: z.string().nullable() }).strict();

export type DateCursor = z.infer<typeof dateCursor>;
export type FeedCursor = z.infer<typeof feedCursor>;
export type LedgersCursor = z.infer<typeof ledgersCursor>;

export function encodeCursor(value: DateCursor | FeedCursor | LedgersCursor): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64");
}

function decode<T>(text: string, schema: z.ZodType<T>): T | undefined {
  // Strict base64 only: a `+` turned into a space by a missing encodeURIComponent must not slip through.
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(text, "base64").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const decodeDateCursor = (text: string): DateCursor | undefined => decode(text, dateCursor);
export const decodeFeedCursor = (text: string): FeedCursor | undefined => decode(text, feedCursor);
export const decodeLedgersCursor = (text: string): LedgersCursor | undefined => decode(text, ledgersCursor);

export interface DatePage {
  items: Entry[];
  hasMore: boolean;
  /** Offset of the next page within the date; only when hasMore. */
  nextIndex?: number;
}

/**
 * One page of one ledger date. `truncate` serves only half the page but still points the cursor at the first
 * item not served, so a client that follows cursors loses nothing (the fault "truncate-page").
 */
export function datePage(series: TopicSeries, date: string, index: number, pageSize: number, truncate = false): DatePage | "bad-index" {
  const range = series.ranges.get(date);
  const count = range ? range.end - range.start : 0;
  if (index > count) return "bad-index";
  let take = Math.min(pageSize, count - index);
  if (truncate && take > 1) take = Math.floor(take / 2);
  const start = (range?.start ?? 0) + index;
  const items = series.entries.slice(start, start + take);
  const next = index + take;
  return next < count ? { items, hasMore: true, nextIndex: next } : { items, hasMore: false };
}

/** Position in a topic's feed: the date and the offset within it of the next entry to serve. */
export interface FeedPosition {
  date: string;
  index: number;
}

export interface FeedPage {
  items: Entry[];
  position: FeedPosition;
  /** True when nothing was left to serve: the caller is at the end and should come back later. */
  atEnd: boolean;
}

/** Global index in `series.entries` of a feed position, or undefined if the position cannot exist. */
function globalIndex(ledger: GeneratedLedger, series: TopicSeries, pos: FeedPosition): number | undefined {
  if (pos.date < ledger.firstDate) return 0; // older than what is kept: start from the oldest entry kept
  if (pos.date > ledger.today) return undefined;
  const range = series.ranges.get(pos.date);
  const count = range ? range.end - range.start : 0;
  if (pos.index > count) return undefined;
  if (range) return range.start + pos.index;
  // A date without entries: the next entry is the first of a later date.
  const later = series.entries.findIndex((e) => e.ledgerDate > pos.date);
  return later === -1 ? series.entries.length : later;
}

function positionOf(ledger: GeneratedLedger, series: TopicSeries, index: number): FeedPosition {
  const last = series.entries[index - 1];
  if (!last) return { date: ledger.firstDate, index: 0 };
  const range = series.ranges.get(last.ledgerDate);
  return { date: last.ledgerDate, index: index - (range?.start ?? 0) };
}

export function feedPage(ledger: GeneratedLedger, topic: Topic, from: FeedPosition | undefined, pageSize: number, truncate = false): FeedPage | "bad-position" {
  const series = ledger[topic];
  const start = from ? globalIndex(ledger, series, from) : 0;
  if (start === undefined) return "bad-position";
  let take = Math.min(pageSize, series.entries.length - start);
  if (take === 0) return { items: [], position: from ?? positionOf(ledger, series, start), atEnd: true };
  if (truncate && take > 1) take = Math.floor(take / 2);
  const items = series.entries.slice(start, start + take);
  return { items, position: positionOf(ledger, series, start + take), atEnd: false };
}
