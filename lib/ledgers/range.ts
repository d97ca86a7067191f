import { TZDate } from "@date-fns/tz";
import { addDays as addCalendarDays, differenceInCalendarDays, format } from "date-fns";
import { z } from "zod";
import { isLedgerDate } from "@/lib/report-api/config";

/**
 * Ledger date ranges (pure; shared by the data layer, the actions' schemas and the tests).
 *
 * A read covers at most MAX_RANGE_DAYS ledger dates: a quarter (92 days) is the longest period accountants close
 * at once, and it bounds the work one request can cause upstream (2 topics × 92 dates when nothing is cached).
 */
export const MAX_RANGE_DAYS = 92;

export interface DateRange {
  from: string;
  to: string;
}

/**
 * A ledger date is a calendar date with no time of day: the arithmetic runs on midnight in UTC (date-fns with
 * @date-fns/tz), so no local time zone or daylight-saving change can shift a day.
 */
function calendarDay(date: string): TZDate {
  return new TZDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), "UTC");
}

export function addDays(date: string, days: number): string {
  return format(addCalendarDays(calendarDay(date), days), "yyyy-MM-dd");
}

/** Number of ledger dates from `from` to `to`, both included (0 when to < from). */
export function daysInRange(range: DateRange): number {
  return Math.max(0, differenceInCalendarDays(calendarDay(range.to), calendarDay(range.from)) + 1);
}

/** Every date of the range, ascending. */
export function eachDate(range: DateRange): string[] {
  const out: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The part of `range` inside `bounds` (open bounds are null), or null when they do not overlap. Used to keep a
 * read inside a grant's period and before tomorrow: dates outside are neither shown nor fetched.
 */
export function clampRange(range: DateRange, bounds: { from: string | null; to: string | null }): DateRange | null {
  const from = bounds.from && bounds.from > range.from ? bounds.from : range.from;
  const to = bounds.to && bounds.to < range.to ? bounds.to : range.to;
  return from <= to ? { from, to } : null;
}

/**
 * The range schema's messages are keys of the `rangeErrors` catalogue namespace (messages/<locale>/ledgers.json),
 * not English: the same schema runs in the browser (range picker), on the page (a range in the address) and in
 * actions, and each translates the key into its reader's language with `rangeErrorText`.
 */
const RANGE_ERROR_KEYS = ["enterDate", "dateFormat", "realDate", "order", "tooLong"] as const;
export type RangeErrorKey = (typeof RANGE_ERROR_KEYS)[number];
const RANGE_ERROR_PREFIX = "rangeErrors.";
const rangeError = (key: RangeErrorKey) => `${RANGE_ERROR_PREFIX}${key}`;

/** The text of a range schema message in the reader's language (`t`: the `rangeErrors` namespace); other messages as they are. */
export function rangeErrorText(message: string, t: (key: RangeErrorKey, values: { max: number }) => string): string {
  const key = message.startsWith(RANGE_ERROR_PREFIX) ? message.slice(RANGE_ERROR_PREFIX.length) : null;
  return key !== null && (RANGE_ERROR_KEYS as readonly string[]).includes(key) ? t(key as RangeErrorKey, { max: MAX_RANGE_DAYS }) : message;
}

const ledgerDateSchema = z
  .string({ error: rangeError("enterDate") })
  .max(10, { error: rangeError("dateFormat"), abort: true })
  .refine(isLedgerDate, rangeError("realDate"));

// The order and length rules only speak once both dates are real dates: one message per mistake.
const bothReal = (r: { from: string; to: string }) => isLedgerDate(r.from) && isLedgerDate(r.to);

/** A from/to pair a person asked for: real dates, in order, at most MAX_RANGE_DAYS long. */
export const dateRangeSchema = z
  .object({ from: ledgerDateSchema, to: ledgerDateSchema })
  .refine((r) => !bothReal(r) || r.from <= r.to, { message: rangeError("order"), path: ["to"] })
  .refine((r) => !bothReal(r) || r.from > r.to || daysInRange(r) <= MAX_RANGE_DAYS, {
    message: rangeError("tooLong"),
    path: ["to"],
  });

/** The default view: the last week, today (still open) included. */
export function defaultRange(today: string): DateRange {
  return { from: addDays(today, -6), to: today };
}
