import { differenceInCalendarDays, parseISO } from "date-fns";
import { shiftLedgerDate } from "@/lib/dates";

/** Lengths a merchant can pick when renewing; "same" repeats the grant's own length. */
export const RENEWAL_LENGTHS = ["same", "30", "90", "180", "365"] as const;
export type RenewalLength = (typeof RENEWAL_LENGTHS)[number];
export const MAX_RENEWAL_DAYS = 3650;

/** A grant's own length in days: from the day it started (ledger date) to its end date, at least one day. */
export function grantLengthDays(startedOn: string, validUntil: string): number {
  return Math.min(MAX_RENEWAL_DAYS, Math.max(1, differenceInCalendarDays(parseISO(validUntil), parseISO(startedOn))));
}

/**
 * M8: the new end date of a renewed grant. The extension counts from the current end date, or from today when
 * that is already past, so a renewal never shortens access and never leaves a gap.
 */
export function renewedValidUntil(args: { startedOn: string; validUntil: string; today: string; length: RenewalLength }): { validUntil: string; days: number } {
  const days = args.length === "same" ? grantLengthDays(args.startedOn, args.validUntil) : Number(args.length);
  const base = args.validUntil >= args.today ? args.validUntil : args.today;
  return { validUntil: shiftLedgerDate(base, days), days };
}
