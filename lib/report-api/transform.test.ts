import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ledgerEntrySchema, type LedgerEntry } from "./schemas";
import { rawEntry } from "./test-helpers";
import { categorizeEntry, checkBalanceChain, summarizeByDate, summarizeEntries } from "./transform";

/** Entries with a consistent running balance. */
function chain(specs: { entryType: string; amount: number; ledgerDate?: string }[], opening = 0): LedgerEntry[] {
  let balance = opening;
  return specs.map((s) => {
    const e = ledgerEntrySchema.parse(rawEntry({ ...s, balanceBefore: balance, balanceAfter: balance + s.amount }));
    balance += s.amount;
    return e;
  });
}

describe("summarizeEntries", () => {
  it("totals captures, refunds, fees, payouts and net in minor units", () => {
    const entries = chain(
      [
        { entryType: "capture", amount: 25000 },
        { entryType: "capture", amount: 12550 },
        { entryType: "refund", amount: -5000 },
        { entryType: "fees-retained", amount: -612 },
        { entryType: "mystery-new-type", amount: 7 },
        { entryType: "payout-scheduled", amount: -31945 },
      ],
      1000,
    );
    expect(summarizeEntries(entries)).toEqual({
      currency: "NOK",
      entries: 6,
      captures: 37550,
      refunds: -5000,
      disputes: 0,
      fees: -612,
      payouts: -31945,
      other: 7,
      net: 0,
      openingBalance: 1000,
      closingBalance: 1000,
    });
  });

  it("is empty-safe and rejects mixed currencies", () => {
    expect(summarizeEntries([])).toMatchObject({ entries: 0, net: 0, currency: null, openingBalance: null });
    const [a] = chain([{ entryType: "capture", amount: 1 }]);
    const b = { ...a!, currency: "DKK" as const };
    expect(() => summarizeEntries([a!, b])).toThrow(/Mixed currencies/);
  });

  it("net always equals closing minus opening balance on a consistent chain (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ entryType: fc.constantFrom("capture", "refund", "fees-retained", "payout-scheduled", "correction", "x-new"), amount: fc.integer({ min: -1_000_000, max: 1_000_000 }) }), { minLength: 1, maxLength: 50 }), fc.integer({ min: -1e9, max: 1e9 }), (specs, opening) => {
        const entries = chain(specs, opening);
        const t = summarizeEntries(entries);
        expect(t.net).toBe((t.closingBalance ?? 0) - (t.openingBalance ?? 0));
        expect(t.captures + t.refunds + t.disputes + t.fees + t.payouts + t.other).toBe(t.net);
        expect(checkBalanceChain(entries)).toEqual([]);
      }),
    );
  });
});

describe("summarizeByDate and checks", () => {
  it("groups by ledgerDate in ascending order", () => {
    const entries = chain([
      { entryType: "capture", amount: 100, ledgerDate: "2026-03-03" },
      { entryType: "capture", amount: 200, ledgerDate: "2026-03-02" },
    ]);
    const byDate = summarizeByDate(entries);
    expect([...byDate.keys()]).toEqual(["2026-03-02", "2026-03-03"]);
    expect(byDate.get("2026-03-03")?.captures).toBe(100);
  });

  it("flags an amount that does not match its balances and a broken chain", () => {
    const entries = chain([
      { entryType: "capture", amount: 100 },
      { entryType: "capture", amount: 100 },
    ]);
    const broken = [entries[0]!, { ...entries[1]!, balanceBefore: 150, balanceAfter: 260 }];
    expect(checkBalanceChain(broken).map((p) => p.problem)).toEqual(["amount-mismatch", "chain-break"]);
  });

  it("categorises both payout names and unknown types", () => {
    expect(categorizeEntry("scheduled-for-payout")).toBe("payouts");
    expect(categorizeEntry("payout-scheduled")).toBe("payouts");
    expect(categorizeEntry("capture-fee")).toBe("fees");
    expect(categorizeEntry("something-else")).toBe("other");
  });
});
