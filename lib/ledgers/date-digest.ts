import {
  MAX_PROBLEMS_SHOWN,
  chainProblems,
  check,
  feesTotals,
  fundsTotals,
  payoutProblems,
  type CheckKind,
  type CheckProblem,
  type CheckStatus,
  type DayCheck,
  type DayState,
  type DaySummary,
  type EntryFacts,
  type FeesTotals,
  type FundsTotals,
} from "@/lib/ledgers/day-summary";
import type { Topic } from "@/lib/report-api/types";

/**
 * The figures and checks of one ledger date on its own (both topics), small enough to store once per closed date
 * and read instead of its entries (docs/decisions/024). What needs the neighbouring dates — the balance carried
 * over from the date before, and fees that land on the next date — is kept as the few facts those checks need:
 * the first entry of each topic, and the captures and capture fees left unmatched within the date. composeDays
 * joins consecutive digests into exactly what summarizeDays computes from the entries (tested property), as long
 * as a pspReference is captured once and charged one capture fee (one capture, one fee).
 */
export interface TopicChainDigest {
  /** The first problems of the date's own chain (without a date before), and how many there are. */
  problems: CheckProblem[];
  problemCount: number;
  /** The first entry: its pspReference names a break with the date before; whether its own sum is wrong. */
  firstPsp: string | null;
  firstMismatch: boolean;
}

export interface DateDigest {
  v: 1;
  funds: FundsTotals;
  fees: FeesTotals;
  fundsChain: TopicChainDigest;
  feesChain: TopicChainDigest;
  payouts: number;
  payoutProblems: CheckProblem[];
  payoutProblemCount: number;
  /** Distinct captures and capture fees of the date (what fee matching counts). */
  relevant: number;
  /** Captures with no capture fee on the same date (their fee may be on the next date), in ledger order. */
  unmatchedCaptures: string[];
  /** Capture fees with no capture on the same date (their capture may be on the date before). */
  unmatchedFees: string[];
}

export interface DigestInput {
  date: string;
  state: DayState;
  /** Null when the date could not be read. */
  digest: DateDigest | null;
}

function chainDigest(topic: Topic, entries: readonly EntryFacts[]): TopicChainDigest {
  const problems = chainProblems(topic, entries, null);
  const first = entries[0];
  return {
    problems: problems.slice(0, MAX_PROBLEMS_SHOWN),
    problemCount: problems.length,
    firstPsp: first?.pspReference ?? null,
    firstMismatch: first ? first.balanceBefore + first.amount !== first.balanceAfter : false,
  };
}

/** The digest of one date from its entries (both topics, in upstream order). */
export function digestDate(funds: readonly EntryFacts[], fees: readonly EntryFacts[]): DateDigest {
  const payouts = payoutProblems(funds);
  const captureRefs = new Set(funds.filter((e) => e.entryType === "capture").map((e) => e.pspReference));
  const feeRefs = new Set(fees.filter((e) => e.entryType === "capture-fee").map((e) => e.pspReference));
  return {
    v: 1,
    funds: fundsTotals(funds),
    fees: feesTotals(fees),
    fundsChain: chainDigest("funds", funds),
    feesChain: chainDigest("fees", fees),
    payouts: payouts.payouts,
    payoutProblems: payouts.problems.slice(0, MAX_PROBLEMS_SHOWN),
    payoutProblemCount: payouts.problems.length,
    relevant: captureRefs.size + feeRefs.size,
    unmatchedCaptures: [...captureRefs].filter((r) => !feeRefs.has(r)),
    unmatchedFees: [...feeRefs].filter((r) => !captureRefs.has(r)),
  };
}

/** A topic's chain problems given the closing balance of the last loaded date before (one more break, maybe). */
function chainWithPrevious(topic: Topic, c: TopicChainDigest, opening: number | null, previousClosing: number | null): { problems: CheckProblem[]; count: number } {
  if (previousClosing === null || c.firstPsp === null || opening === null || opening === previousClosing) return { problems: c.problems, count: c.problemCount };
  const brk: CheckProblem = { code: "chainBreak", topic, pspReference: c.firstPsp, expected: previousClosing, actual: opening };
  const k = c.firstMismatch ? 1 : 0;
  return { problems: [...c.problems.slice(0, k), brk, ...c.problems.slice(k)], count: c.problemCount + 1 };
}

function counted(kind: CheckKind, problems: CheckProblem[], count: number, status: CheckStatus): DayCheck {
  return { kind, status: count > 0 ? "failed" : status, problems: problems.slice(0, MAX_PROBLEMS_SHOWN), problemCount: count };
}

/** summarizeDays over digests: figures and checks for consecutive dates (ascending). */
export function composeDays(days: readonly DigestInput[]): DaySummary[] {
  let fundsClosing: number | null = null;
  let feesClosing: number | null = null;
  return days.map((day, i) => {
    const d = day.digest;
    if (!d) {
      fundsClosing = null;
      feesClosing = null;
      return { date: day.date, state: day.state, funds: null, fees: null, checks: [] };
    }
    const next = days[i + 1];
    const prev = days[i - 1];
    const open = day.state === "open";
    const chainFunds = chainWithPrevious("funds", d.fundsChain, d.funds.openingBalance, fundsClosing);
    const chainFees = chainWithPrevious("fees", d.feesChain, d.fees.openingBalance, feesClosing);
    const nextFees = next && next.state === "closed" && !open && next.digest ? new Set(next.digest.unmatchedFees) : null;
    const prevCaptures = prev && prev.state !== "unavailable" && prev.digest ? new Set(prev.digest.unmatchedCaptures) : null;
    const feeProblems: CheckProblem[] = [];
    let mayFollow = 0;
    let mayPrecede = 0;
    for (const ref of d.unmatchedCaptures) {
      if (nextFees === null) mayFollow++;
      else if (!nextFees.has(ref)) feeProblems.push({ code: "captureWithoutFee", pspReference: ref });
    }
    for (const ref of d.unmatchedFees) {
      if (prevCaptures === null) mayPrecede++;
      else if (!prevCaptures.has(ref)) feeProblems.push({ code: "feeWithoutCapture", pspReference: ref });
    }
    if (mayFollow > 0) feeProblems.push({ code: "feeMayFollow", count: mayFollow });
    if (mayPrecede > 0) feeProblems.push({ code: "captureMayPrecede", count: mayPrecede });
    if (d.funds.closingBalance !== null) fundsClosing = d.funds.closingBalance;
    if (d.fees.closingBalance !== null) feesClosing = d.fees.closingBalance;
    const payoutsIdle: CheckStatus = open && d.payouts === 0 ? "pending" : d.payouts === 0 ? "not-applicable" : "ok";
    return {
      date: day.date,
      state: day.state,
      funds: d.funds,
      fees: d.fees,
      checks: [
        counted("balances-chain", [...chainFunds.problems, ...chainFees.problems], chainFunds.count + chainFees.count, "ok"),
        counted("payouts-drain", d.payoutProblems, d.payoutProblemCount, payoutsIdle),
        check("fees-match", feeProblems, d.relevant === 0 ? "not-applicable" : "ok"),
      ],
    };
  });
}
