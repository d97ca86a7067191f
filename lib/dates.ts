/**
 * Ledger dates are calendar dates, as "YYYY-MM-DD", in the time zone of the ledger's merchant's country: a
 * Finnish ledger's date turns at midnight in Helsinki, an hour before Oslo's (decision 039).
 */
export const LEDGER_TIME_ZONES = { NO: "Europe/Oslo", DK: "Europe/Copenhagen", FI: "Europe/Helsinki" } as const;
export type LedgerCountry = keyof typeof LEDGER_TIME_ZONES;
export type LedgerTimeZone = (typeof LEDGER_TIME_ZONES)[LedgerCountry];

/** The zone a ledger's dates are in, from its merchant's country (`Merchant.country`). */
export function ledgerTimeZone(country: LedgerCountry): LedgerTimeZone {
  return LEDGER_TIME_ZONES[country];
}

/**
 * The portal's own calendar, for dates that belong to no single ledger (grant end dates, request expiry, the
 * admin overview, digests) and for showing instants when no ledger is in view. Oslo: where the portal's
 * agreements are made; Copenhagen has the same offsets all year.
 */
export const DEFAULT_LEDGER_TZ = "Europe/Oslo";

// One formatter per zone, made once: a page asks for "today" or a date in a zone for each of its rows, and
// building a TZDate and formatting it cost about as much as the rest of a row (5% of a list page's CPU in a
// profile, decision 051). Intl gives the same calendar date; tests/unit/dates.test.ts compares the two.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Today" for one ledger: pass that ledger's zone (`access.ledger.timeZone`); no default, so no call forgets it. */
export function todayLedgerDate(now: Date, tz: string): string {
  let f = dayFormats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", calendar: "gregory", numberingSystem: "latn" });
    dayFormats.set(tz, f);
  }
  if (Number.isNaN(now.getTime())) throw new RangeError("Invalid time value");
  let y = "", m = "", d = "";
  for (const part of f.formatToParts(now)) {
    if (part.type === "year") y = part.value;
    else if (part.type === "month") m = part.value;
    else if (part.type === "day") d = part.value;
  }
  return `${y.padStart(4, "0")}-${m}-${d}`;
}

/** "Today" in the portal's calendar (Oslo), for dates that are not one ledger's; never for a ledger's open date. */
export function todayPortalDate(now: Date = new Date()): string {
  return todayLedgerDate(now, DEFAULT_LEDGER_TZ);
}

export function shiftLedgerDate(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // Calendar arithmetic in UTC (no zone, no daylight saving): the same day count whatever the machine's zone.
  const shifted = new Date(Date.UTC(y, m - 1, d + days, 12));
  if (Number.isNaN(shifted.getTime())) throw new RangeError("Invalid time value");
  return dbDateToLedgerDate(shifted);
}

/** A ledger date as a UTC-midnight Date, the form Prisma uses for DATE columns. */
export function ledgerDateToDb(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function dbDateToLedgerDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
