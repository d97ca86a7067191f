import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";

/** Ledger dates are calendar dates in the merchant's time zone (Europe/Oslo by default), as "YYYY-MM-DD". */
export const DEFAULT_LEDGER_TZ = "Europe/Oslo";

export function todayLedgerDate(now: Date = new Date(), tz: string = DEFAULT_LEDGER_TZ): string {
  return format(new TZDate(now, tz), "yyyy-MM-dd");
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
