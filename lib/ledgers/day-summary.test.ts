import { describe, expect, it } from "vitest";
import { completeThrough, rangeTotals, summarizeDays, type DayInput, type EntryFacts } from "@/lib/ledgers/day-summary";

// Builds a day of entries whose balances chain from `opening`, like upstream's.
function chain(topic: "funds" | "fees", date: string, opening: number, rows: [string, number, string?][]): EntryFacts[] {
  let balance = opening;
  return rows.map(([entryType, amount, psp], seq) => {
    const e = { topic, ledgerDate: date, seq, entryType, pspReference: psp ?? `${date}-${seq}`, amount, balanceBefore: balance, balanceAfter: balance + amount };
    balance += amount;
    return e;
  });
}

function day(date: string, funds: EntryFacts[], fees: EntryFacts[], state: DayInput["state"] = "closed"): DayInput {
  return { date, state, funds, fees };
}

const d1 = "2026-03-02";
const d2 = "2026-03-03";

function goodDay1() {
  const funds = chain("funds", d1, 0, [["capture", 10000, "A"], ["capture", 5000, "B"], ["refund", -2000, "A"], ["fees-retained", -300], ["payout-scheduled", -12700, "302101-1"]]);
  const fees = chain("fees", d1, 0, [["capture-fee", -200, "A"], ["capture-fee", -100, "B"], ["fees-retained", 300]]);
  return day(d1, funds, fees);
}

describe("figures per ledger date", () => {
  it("sums every category in minor units, so the columns add up to the net", () => {
    const [s] = summarizeDays([goodDay1()]);
    expect(s!.funds).toEqual({ entries: 5, captures: 15000, refunds: -2000, disputes: 0, fees: -300, payouts: -12700, other: 0, net: 0, openingBalance: 0, closingBalance: 0 });
    expect(s!.fees).toEqual({ entries: 3, charged: -300, settled: 300, net: 0, openingBalance: 0, closingBalance: 0 });
    const f = s!.funds!;
    expect(f.captures + f.refunds + f.disputes + f.fees + f.payouts + f.other).toBe(f.net);
  });

  it("counts unknown entry types as other, never dropping them", () => {
    const funds = chain("funds", d1, 0, [["capture", 1000, "A"], ["brand-new-type", 50]]);
    const [s] = summarizeDays([day(d1, funds, chain("fees", d1, 0, [["capture-fee", -10, "A"], ["instant-payout-fee", -5]]))]);
    expect(s!.funds!.other).toBe(50);
    expect(s!.fees!.charged).toBe(-15);
  });

  it("totals a range over readable dates only", () => {
    const days = summarizeDays([goodDay1(), { date: d2, state: "unavailable", funds: null, fees: null }]);
    const totals = rangeTotals(days);
    expect(totals.funds.captures).toBe(15000);
    expect(totals.funds.entries).toBe(5);
  });
});

describe("checks per ledger date", () => {
  it("passes a healthy day", () => {
    const [s] = summarizeDays([goodDay1()]);
    expect(s!.checks.map((c) => [c.kind, c.status])).toEqual([["balances-chain", "ok"], ["payouts-drain", "ok"], ["fees-match", "ok"]]);
    expect(s!.checks.flatMap((c) => c.problems)).toEqual([]);
  });

  it("reports an entry whose balance after is not before + amount", () => {
    const good = goodDay1();
    good.funds![1] = { ...good.funds![1]!, balanceAfter: good.funds![1]!.balanceAfter + 1 };
    const chainCheck = summarizeDays([good])[0]!.checks[0]!;
    expect(chainCheck.status).toBe("failed");
    expect(chainCheck.problems[0]).toEqual({ code: "amountMismatch", topic: "funds", pspReference: "B", expected: 15000, actual: 15001 });
  });

  it("reports a balance that jumps between dates", () => {
    const next = day(d2, chain("funds", d2, 500, [["capture", 100, "C"]]), chain("fees", d2, 0, [["capture-fee", -1, "C"]]));
    const [, s2] = summarizeDays([goodDay1(), next]);
    expect(s2!.checks[0]).toMatchObject({ status: "failed", problems: [{ code: "chainBreak", topic: "funds", expected: 0, actual: 500 }] });
  });

  it("reports a payout that does not drain the balance", () => {
    const funds = chain("funds", d1, 0, [["capture", 10000, "A"], ["payout-scheduled", -9000, "302101-9"]]);
    const [s] = summarizeDays([day(d1, funds, chain("fees", d1, 0, [["capture-fee", -1, "A"]]))]);
    expect(s!.checks[1]).toMatchObject({ status: "failed", problems: [{ code: "payoutLeavesBalance", pspReference: "302101-9", actual: 1000 }] });
  });

  it("matches fees to captures across the next date, and fails only when the next date is loaded", () => {
    const first = day(d1, chain("funds", d1, 0, [["capture", 100, "A"], ["capture", 100, "LATE"], ["capture", 100, "NOFEE"]]), chain("fees", d1, 0, [["capture-fee", -1, "A"]]));
    const second = day(d2, chain("funds", d2, 300, []), chain("fees", d2, -1, [["capture-fee", -1, "LATE"], ["capture-fee", -1, "ORPHAN"]]));
    const [s1, s2] = summarizeDays([first, second]);
    expect(s1!.checks[2]).toMatchObject({ status: "failed", problems: [{ code: "captureWithoutFee", pspReference: "NOFEE" }] });
    expect(s2!.checks[2]).toMatchObject({ status: "failed", problems: [{ code: "feeWithoutCapture", pspReference: "ORPHAN" }] });
    // Alone, the first date cannot know about LATE and NOFEE yet.
    expect(summarizeDays([first])[0]!.checks[2]).toMatchObject({ status: "pending", problems: [{ code: "feeMayFollow", count: 2 }] });
  });

  it("keeps an open date's missing payout and fees pending", () => {
    const open = day(d1, chain("funds", d1, 0, [["capture", 100, "A"]]), chain("fees", d1, 0, []), "open");
    const [s] = summarizeDays([open]);
    expect(s!.checks.map((c) => c.status)).toEqual(["ok", "pending", "pending"]);
  });
});

describe("complete-through", () => {
  it("is the last date before the first open or unreadable one", () => {
    expect(completeThrough([{ date: "a", state: "closed" }, { date: "b", state: "closed" }, { date: "c", state: "open" }])).toBe("b");
    expect(completeThrough([{ date: "a", state: "closed" }, { date: "b", state: "unavailable" }, { date: "c", state: "closed" }])).toBe("a");
    expect(completeThrough([{ date: "a", state: "open" }])).toBeNull();
  });
});
