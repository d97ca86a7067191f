import { categorizeEntry } from "@/lib/report-api/transform";
import type { Topic } from "@/lib/report-api/types";
import { addMinor } from "@/lib/money";

/**
 * Per-ledger-date figures and checks (P2), pure so they are unit-tested without a database. Money is integer
 * minor units of the ledger's one currency throughout; every total is a checked sum of signed amounts (addMinor,
 * lib/money: it throws rather than round), so a column always equals the sum of the entries it counts.
 */

/** The fields of an entry the figures and checks need. */
export interface EntryFacts {
  topic: Topic;
  ledgerDate: string;
  seq: number;
  entryType: string;
  pspReference: string;
  amount: number;
  balanceBefore: number;
  balanceAfter: number;
}

export interface FundsTotals {
  entries: number;
  captures: number;
  refunds: number;
  disputes: number;
  /** Fees retained from the funds (net settlement). */
  fees: number;
  payouts: number;
  other: number;
  net: number;
  openingBalance: number | null;
  closingBalance: number | null;
}

export interface FeesTotals {
  entries: number;
  /** Fees charged, net of credits and corrections (negative: owed to Vipps MobilePay). */
  charged: number;
  /** Fees settled: retained from funds or invoiced (positive). */
  settled: number;
  net: number;
  openingBalance: number | null;
  closingBalance: number | null;
}

export type CheckKind = "balances-chain" | "payouts-drain" | "fees-match";
/** "pending": cannot be decided yet (the date is open, or the matching entry may be on a date not loaded). */
export type CheckStatus = "ok" | "failed" | "pending" | "not-applicable";

export type CheckProblem =
  | { code: "amountMismatch"; topic: Topic; pspReference: string; expected: number; actual: number }
  | { code: "chainBreak"; topic: Topic; pspReference: string; expected: number; actual: number }
  | { code: "payoutLeavesBalance"; pspReference: string; actual: number }
  | { code: "captureWithoutFee"; pspReference: string }
  | { code: "feeWithoutCapture"; pspReference: string }
  | { code: "feeMayFollow"; count: number }
  | { code: "captureMayPrecede"; count: number };

export interface DayCheck {
  kind: CheckKind;
  status: CheckStatus;
  /** The first few problems, enough to explain the status on the row. */
  problems: CheckProblem[];
  problemCount: number;
}

export type DayState = "closed" | "open" | "unavailable";

export interface DayInput {
  date: string;
  state: DayState;
  /** Null when the date could not be read. Entries in upstream order. */
  funds: EntryFacts[] | null;
  fees: EntryFacts[] | null;
}

export interface DaySummary {
  date: string;
  state: DayState;
  funds: FundsTotals | null;
  fees: FeesTotals | null;
  checks: DayCheck[];
}

const PAYOUT_TYPES = new Set(["payout-scheduled", "scheduled-for-payout"]);
const FEE_SETTLEMENT_TYPES = new Set(["fees-retained", "fees-invoiced"]);
export const MAX_PROBLEMS_SHOWN = 5;

export function fundsTotals(entries: readonly EntryFacts[]): FundsTotals {
  const t: FundsTotals = { entries: entries.length, captures: 0, refunds: 0, disputes: 0, fees: 0, payouts: 0, other: 0, net: 0, openingBalance: null, closingBalance: null };
  for (const e of entries) {
    const k = categorizeEntry(e.entryType);
    t[k] = addMinor(t[k], e.amount);
    t.net = addMinor(t.net, e.amount);
  }
  t.openingBalance = entries[0]?.balanceBefore ?? null;
  t.closingBalance = entries.at(-1)?.balanceAfter ?? null;
  return t;
}

export function feesTotals(entries: readonly EntryFacts[]): FeesTotals {
  const t: FeesTotals = { entries: entries.length, charged: 0, settled: 0, net: 0, openingBalance: null, closingBalance: null };
  for (const e of entries) {
    if (FEE_SETTLEMENT_TYPES.has(e.entryType)) t.settled = addMinor(t.settled, e.amount);
    else t.charged = addMinor(t.charged, e.amount);
    t.net = addMinor(t.net, e.amount);
  }
  t.openingBalance = entries[0]?.balanceBefore ?? null;
  t.closingBalance = entries.at(-1)?.balanceAfter ?? null;
  return t;
}

export function check(kind: CheckKind, problems: CheckProblem[], whenEmpty: CheckStatus = "ok", pending = false): DayCheck {
  const status: CheckStatus = problems.some((p) => p.code !== "feeMayFollow" && p.code !== "captureMayPrecede")
    ? "failed"
    : pending || problems.length > 0
      ? "pending"
      : whenEmpty;
  return { kind, status, problems: problems.slice(0, MAX_PROBLEMS_SHOWN), problemCount: problems.length };
}

/**
 * Balances chain within one topic: each entry's before + amount = after, each entry starts where the previous
 * ended, and the first entry of the date starts where the last loaded earlier date ended (`previousClosing`).
 */
export function chainProblems(topic: Topic, entries: readonly EntryFacts[], previousClosing: number | null): CheckProblem[] {
  const problems: CheckProblem[] = [];
  let prev = previousClosing;
  for (const e of entries) {
    if (e.balanceBefore + e.amount !== e.balanceAfter) {
      problems.push({ code: "amountMismatch", topic, pspReference: e.pspReference, expected: e.balanceBefore + e.amount, actual: e.balanceAfter });
    }
    if (prev !== null && prev !== e.balanceBefore) {
      problems.push({ code: "chainBreak", topic, pspReference: e.pspReference, expected: prev, actual: e.balanceBefore });
    }
    prev = e.balanceAfter;
  }
  return problems;
}

/** Each payout must leave the funds balance at zero: it pays out everything that was there. */
export function payoutProblems(funds: readonly EntryFacts[]): { payouts: number; problems: CheckProblem[] } {
  const problems: CheckProblem[] = [];
  let payouts = 0;
  for (const e of funds) {
    if (!PAYOUT_TYPES.has(e.entryType)) continue;
    payouts++;
    if (e.balanceAfter !== 0) problems.push({ code: "payoutLeavesBalance", pspReference: e.pspReference, actual: e.balanceAfter });
  }
  return { payouts, problems };
}

interface Neighbour {
  /** pspReferences of that date's entries of the type looked for, or null when that date is not loaded. */
  refs: ReadonlySet<string> | null;
}

/**
 * Fees match captures by pspReference (docs/report-api.md §4.4: a fee may land on the next ledger date). A capture
 * needs a capture fee on its date or the next; a capture fee needs a capture on its date or the one before.
 * When that neighbour date is not loaded (outside the range, open, unreadable) the match is "pending".
 */
export function feeMatchProblems(
  funds: readonly EntryFacts[],
  fees: readonly EntryFacts[],
  nextDayFees: Neighbour,
  previousDayCaptures: Neighbour,
): { relevant: number; problems: CheckProblem[] } {
  const feeRefs = new Set(fees.filter((e) => e.entryType === "capture-fee").map((e) => e.pspReference));
  const captureRefs = new Set(funds.filter((e) => e.entryType === "capture").map((e) => e.pspReference));
  const problems: CheckProblem[] = [];
  let mayFollow = 0;
  let mayPrecede = 0;
  for (const ref of captureRefs) {
    if (feeRefs.has(ref)) continue;
    if (nextDayFees.refs === null) mayFollow++;
    else if (!nextDayFees.refs.has(ref)) problems.push({ code: "captureWithoutFee", pspReference: ref });
  }
  for (const ref of feeRefs) {
    if (captureRefs.has(ref)) continue;
    if (previousDayCaptures.refs === null) mayPrecede++;
    else if (!previousDayCaptures.refs.has(ref)) problems.push({ code: "feeWithoutCapture", pspReference: ref });
  }
  if (mayFollow > 0) problems.push({ code: "feeMayFollow", count: mayFollow });
  if (mayPrecede > 0) problems.push({ code: "captureMayPrecede", count: mayPrecede });
  return { relevant: captureRefs.size + feeRefs.size, problems };
}

function refsOf(entries: readonly EntryFacts[] | null, entryType: string): Set<string> | null {
  return entries ? new Set(entries.filter((e) => e.entryType === entryType).map((e) => e.pspReference)) : null;
}

/**
 * Figures and checks for consecutive ledger dates (ascending). Checks that look across dates use the dates
 * given here only: the caller loads exactly the dates the reader may see.
 */
export function summarizeDays(days: readonly DayInput[]): DaySummary[] {
  let fundsClosing: number | null = null;
  let feesClosing: number | null = null;
  return days.map((day, i) => {
    if (!day.funds || !day.fees) {
      // An unreadable date breaks the chain of known balances: do not compare across it.
      fundsClosing = null;
      feesClosing = null;
      return { date: day.date, state: day.state, funds: null, fees: null, checks: [] };
    }
    const next = days[i + 1];
    const prev = days[i - 1];
    const open = day.state === "open";
    const chain = [...chainProblems("funds", day.funds, fundsClosing), ...chainProblems("fees", day.fees, feesClosing)];
    const payouts = payoutProblems(day.funds);
    // Fees of an open date may still arrive on that date, and an open next date may still receive them:
    // treat both as "not loaded", so unmatched captures are pending rather than failed.
    const nextFees = next && next.state === "closed" && !open ? refsOf(next.fees, "capture-fee") : null;
    const prevCaptures = prev && prev.state !== "unavailable" ? refsOf(prev.funds, "capture") : null;
    const fees = feeMatchProblems(day.funds, day.fees, { refs: nextFees }, { refs: prevCaptures });
    if (day.funds.length > 0) fundsClosing = day.funds.at(-1)!.balanceAfter;
    if (day.fees.length > 0) feesClosing = day.fees.at(-1)!.balanceAfter;
    return {
      date: day.date,
      state: day.state,
      funds: fundsTotals(day.funds),
      fees: feesTotals(day.fees),
      checks: [
        check("balances-chain", chain),
        check("payouts-drain", payouts.problems, payouts.payouts === 0 ? "not-applicable" : "ok", open && payouts.payouts === 0),
        check("fees-match", fees.problems, fees.relevant === 0 ? "not-applicable" : "ok"),
      ],
    };
  });
}

/** Sums of the figures over every readable date. */
export function rangeTotals(days: readonly DaySummary[]): { funds: FundsTotals; fees: FeesTotals } {
  const readable = days.filter((d) => d.funds && d.fees);
  const funds: FundsTotals = { entries: 0, captures: 0, refunds: 0, disputes: 0, fees: 0, payouts: 0, other: 0, net: 0, openingBalance: null, closingBalance: null };
  const fees: FeesTotals = { entries: 0, charged: 0, settled: 0, net: 0, openingBalance: null, closingBalance: null };
  for (const d of readable) {
    for (const k of ["entries", "captures", "refunds", "disputes", "fees", "payouts", "other", "net"] as const) funds[k] = addMinor(funds[k], d.funds![k]);
    for (const k of ["entries", "charged", "settled", "net"] as const) fees[k] = addMinor(fees[k], d.fees![k]);
    funds.openingBalance ??= d.funds!.openingBalance;
    fees.openingBalance ??= d.fees!.openingBalance;
    if (d.funds!.closingBalance !== null) funds.closingBalance = d.funds!.closingBalance;
    if (d.fees!.closingBalance !== null) fees.closingBalance = d.fees!.closingBalance;
  }
  return { funds, fees };
}

/** The last date up to which every date of the range is closed and readable (null if the first is not). */
export function completeThrough(days: readonly { date: string; state: DayState }[]): string | null {
  let last: string | null = null;
  for (const d of days) {
    if (d.state !== "closed") break;
    last = d.date;
  }
  return last;
}
