import { addYears, format } from "date-fns";
import { todayPortalDate } from "@/lib/dates";

/**
 * M5, the four-eyes rule: a grant that includes personal data, covers every ledger of the merchant, or has
 * no end date waits for a second merchant admin. Pure, so the form can say in advance what the server will
 * decide. "Every ledger" only counts for a merchant with more than one ledger: for a one-ledger merchant a
 * grant of that ledger is the narrowest grant there is (docs/decisions/008-grant-lifecycle.md).
 */
export type FourEyesReason = "personal_data" | "all_ledgers" | "no_end_date";

/**
 * An end date further away than this counts as no end date: otherwise "until 2099-12-31" would dodge the rule
 * (docs/decisions/011-serialising-grant-changes.md). Two years covers a financial year and its audit.
 */
export const END_DATE_HORIZON_YEARS = 2;

/** The last end date that still counts as one: today plus END_DATE_HORIZON_YEARS (29 February → 28th). */
export function endDateHorizon(today: string): string {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return format(addYears(new Date(y, m - 1, d, 12), END_DATE_HORIZON_YEARS), "yyyy-MM-dd");
}

/** No end date, or one beyond the horizon. */
export function hasNoRealEndDate(validUntil: string | null, today: string = todayPortalDate()): boolean {
  return validUntil === null || validUntil === "" || validUntil > endDateHorizon(today);
}

export function fourEyesReasons(
  s: { includesPersonalData: boolean; validUntil: string | null; coversAllLedgers: boolean },
  today: string = todayPortalDate(),
): FourEyesReason[] {
  const reasons: FourEyesReason[] = [];
  if (s.includesPersonalData) reasons.push("personal_data");
  if (s.coversAllLedgers) reasons.push("all_ledgers");
  if (hasNoRealEndDate(s.validUntil, today)) reasons.push("no_end_date");
  return reasons;
}

/**
 * Whether the partner would then read every ledger of the merchant: the ledgers chosen now plus those it
 * already holds a live grant on. Granting one ledger at a time does not get around the rule.
 */
export function coversAllLedgers(merchantLedgerIds: readonly string[], partnerLedgerIds: Iterable<string>): boolean {
  if (merchantLedgerIds.length < 2) return false;
  const held = new Set(partnerLedgerIds);
  return merchantLedgerIds.every((id) => held.has(id));
}
