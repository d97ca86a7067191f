/**
 * Entry types seen in the Report API (docs/report-api.md §4.3). The set is open: Vipps adds values without a version
 * change, so `entryType` is typed as `string` everywhere and these lists are for display and grouping only.
 */
export const KNOWN_FUNDS_ENTRY_TYPES = [
  "capture",
  "refund",
  "fees-retained",
  "payout-scheduled",
  /** 2023 name of `payout-scheduled`; old dates may still carry it. */
  "scheduled-for-payout",
  "payout-aborted",
  "retained-disputed-capture",
  "returned-disputed-capture",
  "correction",
  "top-up",
  "credit-note",
] as const;

export const KNOWN_FEES_ENTRY_TYPES = [
  "capture-fee",
  "fees-retained",
  "fees-invoiced",
  "credit-note",
  "service-fee",
  "correction",
] as const;

export const KNOWN_ENTRY_TYPES = [...new Set<string>([...KNOWN_FUNDS_ENTRY_TYPES, ...KNOWN_FEES_ENTRY_TYPES])] as readonly KnownEntryType[];

export type KnownEntryType = (typeof KNOWN_FUNDS_ENTRY_TYPES)[number] | (typeof KNOWN_FEES_ENTRY_TYPES)[number];

const known: ReadonlySet<string> = new Set(KNOWN_ENTRY_TYPES);

/** True for entry types this code knows; unknown ones are still valid entries. */
export function isKnownEntryType(entryType: string): entryType is KnownEntryType {
  return known.has(entryType);
}
