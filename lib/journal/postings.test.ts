import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ACCOUNT_ROLES, CHARTS, defaultChartFor, journalAccountsSchema, type JournalAccounts } from "@/lib/journal/accounts";
import { buildVoucher, decimalToMinor, minorToDecimal, totals, voucherRows, type JournalEntry } from "@/lib/journal/postings";
import { KNOWN_FEES_ENTRY_TYPES, KNOWN_FUNDS_ENTRY_TYPES } from "@/lib/report-api/entry-types";

const NO = CHARTS.NS4102;
const base = { ledgerExternalId: "302101", date: "2026-11-03", state: "closed", failedChecks: [] as string[], accounts: NO };
let seq = 0;
const entry = (topic: "funds" | "fees", entryType: string, amount: number, pspReference = `psp-${++seq}`, reference: string | null = null): JournalEntry => ({
  topic, seq, entryType, pspReference, reference, amount,
});

/** Net movement (debit − credit) per account. */
function movement(postings: { account: string; debit: number; credit: number }[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of postings) m.set(p.account, (m.get(p.account) ?? 0) + p.debit - p.credit);
  return m;
}

describe("posting rules", () => {
  it("books a day of net settlement: captures, a refund, fees, the retained pair and the payout", () => {
    const v = buildVoucher({
      ...base,
      entries: [
        entry("funds", "capture", 10_000, "c1"),
        entry("funds", "capture", 5_050, "c2"),
        entry("funds", "refund", -2_000, "r1"),
        entry("fees", "capture-fee", -150, "c1"),
        entry("fees", "capture-fee", -76, "c2"),
        entry("funds", "fees-retained", -226, "fr"),
        entry("fees", "fees-retained", 226, "fr"),
        entry("funds", "payout-scheduled", -12_824, "302101-17", "Utb. 17 Vippsnr 117703"),
      ],
    });
    expect(v.flags).toEqual([]);
    expect(v.voucher).toBe("20261103");
    const m = movement(v.postings);
    expect(m.get("3000")).toBe(-(15_050 - 2_000)); // sales credited gross, refunds debited
    expect(m.get("7770")).toBe(226); // fee expense
    expect(m.get("1920")).toBe(12_824); // bank receives the payout
    expect(m.get("1570")).toBe(0); // clearing drained, like the funds balance
    expect(m.get("2990")).toBe(0); // fee liability settled by the retained pair
    const payout = v.postings.filter((p) => p.account === "1920");
    expect(payout).toHaveLength(1);
    expect(payout[0]!.reference).toBe("302101-17");
    expect(payout[0]!.text).toContain("Utb. 17 Vippsnr 117703");
    expect(v.postings.find((p) => p.account === "3000" && p.credit > 0)?.text).toBe("Captures 302101 2026-11-03 (2)");
  });

  it("books gross settlement's invoiced fees against the payable, and unknown types to suspense", () => {
    const v = buildVoucher({ ...base, entries: [entry("fees", "capture-fee", -300), entry("fees", "fees-invoiced", 300), entry("fees", "instant-payout-fee", -40)] });
    const m = movement(v.postings);
    expect(m.get("7770")).toBe(300);
    expect(m.get("2400")).toBe(-300);
    expect(m.get("1579")).toBe(40);
    expect(v.postings.find((p) => p.account === "1579")?.text).toContain("Review: instant-payout-fee (fees)");
  });

  it("flags a date whose checks failed, a date that is not closed, and a retained pair that does not match, booking nothing", () => {
    const failed = buildVoucher({ ...base, failedChecks: ["balances-chain"], entries: [entry("funds", "capture", 100)] });
    expect(failed.postings).toEqual([]);
    expect(failed.flags).toEqual([{ code: "checkFailed", check: "balances-chain" }]);
    const open = buildVoucher({ ...base, state: "open", entries: [] });
    expect(open.flags).toEqual([{ code: "notClosed", state: "open" }]);
    const unpaired = buildVoucher({ ...base, entries: [entry("funds", "fees-retained", -50), entry("fees", "fees-retained", 40)] });
    expect(unpaired.flags).toEqual([{ code: "feesRetainedMismatch", funds: -50, fees: 40 }]);
    const rows = voucherRows(failed, "NOK", "302101");
    expect(rows).toHaveLength(1);
    expect(rows[0]![8]).toBe("flagged");
    expect(rows[0]![6]).toMatch(/^NOT BOOKED 302101 2026-11-03: check failed: balances-chain/);
  });

  it("leaves out a pair whose two roles share one account", () => {
    const same: JournalAccounts = { ...NO, feeLiability: NO.clearing };
    const v = buildVoucher({ ...base, accounts: same, entries: [entry("funds", "fees-retained", -80), entry("fees", "fees-retained", 80)] });
    expect(v.postings).toEqual([]);
  });

  it("writes amounts exactly, and reads them back", () => {
    expect(minorToDecimal(0)).toBe("0.00");
    expect(minorToDecimal(5)).toBe("0.05");
    expect(minorToDecimal(123_450)).toBe("1234.50");
    expect(minorToDecimal(-99)).toBe("-0.99");
    expect(decimalToMinor("1234.5")).toBe(123_450);
    expect(decimalToMinor("-0.99")).toBe(-99);
    fc.assert(fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), (n) => decimalToMinor(minorToDecimal(n)) === n));
  });
});

const entryTypes = fc.oneof(
  fc.record({ topic: fc.constant("funds" as const), entryType: fc.constantFrom(...KNOWN_FUNDS_ENTRY_TYPES, "mystery") }),
  fc.record({ topic: fc.constant("fees" as const), entryType: fc.constantFrom(...KNOWN_FEES_ENTRY_TYPES, "instant-payout-fee") }),
);
const entries = fc.array(
  fc.tuple(entryTypes, fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.option(fc.string({ maxLength: 12 }))),
  { maxLength: 60 },
);
const accountSets = fc.oneof(
  fc.constant(CHARTS.NS4102),
  fc.constant(CHARTS["DK-STANDARD"]),
  // Any assignment, including several roles on one account.
  fc.tuple(...ACCOUNT_ROLES.map(() => fc.constantFrom("1000", "2000", "3000"))).map((nums) => Object.fromEntries(ACCOUNT_ROLES.map((r, i) => [r, nums[i]!])) as JournalAccounts),
);

describe("any set of entries", () => {
  it("gives a voucher whose debits equal its credits, with one side per line and nothing negative", () => {
    fc.assert(
      fc.property(entries, accountSets, (list, accounts) => {
        const v = buildVoucher({ ...base, accounts, entries: list.map(([t, amount, ref], i) => ({ ...t, seq: i, amount, pspReference: `p${i}`, reference: ref })) });
        const t = totals(v.postings);
        expect(t.debit).toBe(t.credit);
        for (const p of v.postings) {
          expect(p.debit >= 0 && p.credit >= 0).toBe(true);
          expect((p.debit === 0) !== (p.credit === 0)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("moves the clearing account by the funds' net and the fee liability by the fees' net (distinct accounts, pair matched)", () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 1_000_000 }), (list, retained) => {
        const all: JournalEntry[] = [
          ...list.filter(([t]) => t.entryType !== "fees-retained").map(([t, amount], i) => ({ ...t, seq: i, amount, pspReference: `p${i}`, reference: null })),
          entry("funds", "fees-retained", -retained),
          entry("fees", "fees-retained", retained),
        ];
        const v = buildVoucher({ ...base, entries: all });
        const m = movement(v.postings);
        const net = (topic: "funds" | "fees") => all.filter((e) => e.topic === topic).reduce((s, e) => s + e.amount, 0);
        expect(m.get("1570") ?? 0).toBe(net("funds"));
        expect(m.get("2990") ?? 0).toBe(net("fees"));
      }),
      { numRuns: 300 },
    );
  });
});

describe("accounts", () => {
  it("picks NS 4102 for NOK and EUR and the Danish standard chart for DKK", () => {
    expect(defaultChartFor("NOK").accounts.bank).toBe("1920");
    expect(defaultChartFor("EUR").labelKey).toBe("ns4102ForFinland");
    expect(defaultChartFor("DKK").accounts.sales).toBe("1010");
  });

  it("accepts account numbers and refuses formulas, signs and long text", () => {
    expect(journalAccountsSchema.safeParse(CHARTS.NS4102).success).toBe(true);
    for (const bad of ["=1+1", "-1920", "+47", "@SUM", "", " ", "1920 1570", "x".repeat(13), "19<20"]) {
      expect(journalAccountsSchema.safeParse({ ...CHARTS.NS4102, bank: bad }).success, bad).toBe(false);
    }
    expect(journalAccountsSchema.safeParse({ ...CHARTS.NS4102, extra: "1" }).success).toBe(false);
  });
});
