import { TZDate } from "@date-fns/tz";
import { addDays as addCalendarDays, differenceInCalendarDays, format } from "date-fns";
import { z } from "zod";
import { isLedgerDate } from "@/lib/report-api/config";
import { formError } from "@/lib/validation/form-errors";

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

const ledgerDateSchema = z
  .string({ error: formError("enterDate") })
  .max(10, { error: formError("dateFormat"), abort: true })
  .refine(isLedgerDate, formError("realDate"));

// The order and length rules only speak once both dates are real dates: one message per mistake.
const bothReal = (r: { from: string; to: string }) => isLedgerDate(r.from) && isLedgerDate(r.to);

/** A from/to pair a person asked for: real dates, in order, at most MAX_RANGE_DAYS long. */
export const dateRangeSchema = z
  .object({ from: ledgerDateSchema, to: ledgerDateSchema })
  .refine((r) => !bothReal(r) || r.from <= r.to, { message: formError("order"), path: ["to"] })
  .refine((r) => !bothReal(r) || r.from > r.to || daysInRange(r) <= MAX_RANGE_DAYS, {
    message: formError("tooLong", { max: MAX_RANGE_DAYS }),
    path: ["to"],
  });

/** The default view: the last week, today (still open) included. */
export function defaultRange(today: string): DateRange {
  return { from: addDays(today, -6), to: today };
}
