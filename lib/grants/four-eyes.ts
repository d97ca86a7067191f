/**
 * M5, the four-eyes rule: a grant that includes personal data, covers every ledger of the merchant, or has
 * no end date waits for a second merchant admin. Pure, so the form can say in advance what the server will
 * decide. "Every ledger" only counts for a merchant with more than one ledger: for a one-ledger merchant a
 * grant of that ledger is the narrowest grant there is (docs/decisions/008-grant-lifecycle.md).
 */
export type FourEyesReason = "personal_data" | "all_ledgers" | "no_end_date";

export function fourEyesReasons(s: { includesPersonalData: boolean; validUntil: string | null; coversAllLedgers: boolean }): FourEyesReason[] {
  const reasons: FourEyesReason[] = [];
  if (s.includesPersonalData) reasons.push("personal_data");
  if (s.coversAllLedgers) reasons.push("all_ledgers");
  if (!s.validUntil) reasons.push("no_end_date");
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
