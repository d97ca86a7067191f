/**
 * Pure mapping from entries to domain figures: totals per ledger date and balance-chain checks (feature P2).
 * All sums are integer minor units; book by the signed `amount`, never by the type's usual sign.
 */
import type { LedgerEntry } from "./schemas";

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

export interface DateTotals {
  /** The single currency of the entries, or null when there are none. */
  currency: string | null;
  entries: number;
  captures: number;
  refunds: number;
  disputes: number;
  fees: number;
  payouts: number;
  other: number;
  /** Sum of every amount = closing − opening balance when the chain holds. */
  net: number;
  openingBalance: number | null;
  closingBalance: number | null;
}

/** Totals of one ledger date (one topic), in the order upstream returned the entries. */
export function summarizeEntries(entries: readonly LedgerEntry[]): DateTotals {
  const totals: DateTotals = { currency: null, entries: entries.length, captures: 0, refunds: 0, disputes: 0, fees: 0, payouts: 0, other: 0, net: 0, openingBalance: null, closingBalance: null };
  for (const e of entries) {
    if (totals.currency === null) totals.currency = e.currency;
    else if (totals.currency !== e.currency) throw new RangeError(`Mixed currencies in one ledger: ${totals.currency} and ${e.currency}`);
    totals[categorizeEntry(e.entryType)] += e.amount;
    totals.net += e.amount;
  }
  const first = entries[0];
  const last = entries[entries.length - 1];
  totals.openingBalance = first ? first.balanceBefore : null;
  totals.closingBalance = last ? last.balanceAfter : null;
  for (const k of ["captures", "refunds", "disputes", "fees", "payouts", "other", "net"] as const) {
    if (!Number.isSafeInteger(totals[k])) throw new RangeError(`Total ${k} is outside the safe integer range`);
  }
  return totals;
}

/** Totals per ledger date, keyed by `ledgerDate`, dates in ascending order. */
export function summarizeByDate(entries: readonly LedgerEntry[]): Map<string, DateTotals> {
  const byDate = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    const list = byDate.get(e.ledgerDate);
    if (list) list.push(e);
    else byDate.set(e.ledgerDate, [e]);
  }
  return new Map([...byDate.keys()].sort().map((d) => [d, summarizeEntries(byDate.get(d) ?? [])]));
}

export interface BalanceProblem {
  index: number;
  pspReference: string;
  problem: "amount-mismatch" | "chain-break";
}

/**
 * Checks `balanceBefore + amount = balanceAfter` on every entry and that each entry starts where the previous
 * ended. An empty result means the chain holds.
 */
export function checkBalanceChain(entries: readonly LedgerEntry[]): BalanceProblem[] {
  const problems: BalanceProblem[] = [];
  entries.forEach((e, index) => {
    if (e.balanceBefore + e.amount !== e.balanceAfter) problems.push({ index, pspReference: e.pspReference, problem: "amount-mismatch" });
    const prev = index > 0 ? entries[index - 1] : undefined;
    if (prev && prev.balanceAfter !== e.balanceBefore) problems.push({ index, pspReference: e.pspReference, problem: "chain-break" });
  });
  return problems;
}
