/**
 * The category an entry type books into. The totals and the balance checks built on it live in one place,
 * lib/ledgers/day-summary.ts (this file used to carry a second copy of them).
 */

export type EntryCategory = "captures" | "refunds" | "disputes" | "fees" | "payouts" | "other";

const CATEGORY: Readonly<Record<string, EntryCategory>> = {
  capture: "captures",
  refund: "refunds",
  "retained-disputed-capture": "disputes",
  "returned-disputed-capture": "disputes",
  "fees-retained": "fees",
  "capture-fee": "fees",
  "service-fee": "fees",
  "fees-invoiced": "fees",
  "payout-scheduled": "payouts",
  "scheduled-for-payout": "payouts",
  "payout-aborted": "payouts",
};

/** Unknown and rare types (`correction`, `top-up`, `credit-note`, anything new) land in `other`. */
export function categorizeEntry(entryType: string): EntryCategory {
  return CATEGORY[entryType] ?? "other";
}
