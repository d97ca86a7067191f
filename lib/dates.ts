import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

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

/** "Today" for one ledger: pass that ledger's zone (`access.ledger.timeZone`); no default, so no call forgets it. */
export function todayLedgerDate(now: Date, tz: string): string {
  return format(new TZDate(now, tz), "yyyy-MM-dd");
}

/** "Today" in the portal's calendar (Oslo), for dates that are not one ledger's; never for a ledger's open date. */
export function todayPortalDate(now: Date = new Date()): string {
  return todayLedgerDate(now, DEFAULT_LEDGER_TZ);
}

export function shiftLedgerDate(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return format(addDays(new Date(Date.UTC(y, m - 1, d, 12)), days), "yyyy-MM-dd");
}

/** A ledger date as a UTC-midnight Date, the form Prisma uses for DATE columns. */
export function ledgerDateToDb(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

export function dbDateToLedgerDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}
