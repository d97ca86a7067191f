import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeDays, digestDate } from "@/lib/ledgers/date-digest";
import { summarizeDays, type DayInput, type EntryFacts } from "@/lib/ledgers/day-summary";

// The stored digests must give exactly the figures and checks the entries give: composeDays(digests) against
// summarizeDays(entries) over random ranges, with broken chains, payouts that leave money, fees on the next date,
// open and unreadable dates, and more problems than a row shows.

const TYPES = ["capture", "refund", "fees-retained", "payout-scheduled", "capture-fee", "dispute", "adjustment"] as const;
const dates = ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"];

const rowArb = fc.record({
  type: fc.constantFrom(...TYPES),
  amount: fc.integer({ min: -5000, max: 5000 }),
  /** Which capture a fee or refund refers to (counted back from the latest), or none when past the first. */
  ref: fc.nat({ max: 12 }),
  /** Breaks: a wrong balance before, or a wrong sum. */
  jump: fc.constantFrom(0, 0, 0, 0, 0, 0, 7, -3),
  drift: fc.constantFrom(0, 0, 0, 0, 0, 0, 0, 1),
});
const dayArb = fc.record({
  state: fc.constantFrom("closed", "closed", "closed", "open", "unavailable"),
  funds: fc.array(rowArb, { maxLength: 14 }),
  fees: fc.array(rowArb, { maxLength: 10 }),
});

function build(days: { state: string; funds: { type: string; amount: number; ref: number; jump: number; drift: number }[]; fees: typeof days[number]["funds"] }[]): DayInput[] {
  let captureNo = 0;
  const captures: string[] = [];
  const charged = new Set<string>();
  const balances = { funds: 0, fees: 0 };
  return days.map((d, i) => {
    const date = dates[i]!;
    const rows = (topic: "funds" | "fees", list: typeof d.funds): EntryFacts[] =>
      list.map((r, seq) => {
        let psp: string;
        if (r.type === "capture" && topic === "funds") {
          psp = `C${captureNo++}`; // a pspReference is captured once
          captures.push(psp);
        } else if (r.type === "capture-fee" && topic === "fees") {
          // One capture fee per capture: take a capture not charged yet, or none (a fee without a capture).
          const unpaid = captures.filter((c) => !charged.has(c));
          psp = r.ref < unpaid.length ? unpaid[unpaid.length - 1 - r.ref]! : `X${i}-${seq}`;
          charged.add(psp);
        } else psp = captures.length > 0 && r.ref < captures.length ? captures[captures.length - 1 - r.ref]! : `X${i}-${seq}`;
        const before = balances[topic] + r.jump;
        const amount = r.type === "payout-scheduled" && r.amount % 3 === 0 ? -before : r.amount;
        const after = before + amount + r.drift;
        balances[topic] = after;
        return { topic, ledgerDate: date, seq, entryType: r.type, pspReference: psp, amount, balanceBefore: before, balanceAfter: after };
      });
    const funds = rows("funds", d.funds);
    const fees = rows("fees", d.fees);
    return d.state === "unavailable" ? { date, state: "unavailable", funds: null, fees: null } : { date, state: d.state as "open" | "closed", funds, fees };
  });
}

describe("stored date digests", () => {
  it("compose to exactly the figures and checks of the entries", () => {
    fc.assert(
      fc.property(fc.array(dayArb, { minLength: 1, maxLength: 6 }), (raw) => {
        const days = build(raw);
        const composed = composeDays(days.map((d) => ({ date: d.date, state: d.state, digest: d.funds && d.fees ? digestDate(d.funds, d.fees) : null })));
        expect(composed).toEqual(summarizeDays(days));
      }),
      { numRuns: 500 },
    );
  });

  it("survive a round trip through JSON (they are stored as jsonb)", () => {
    const [day] = build([{ state: "closed", funds: [{ type: "capture", amount: 100, ref: 0, jump: 0, drift: 1 }], fees: [] }]);
    const digest = digestDate(day!.funds!, day!.fees!);
    expect(JSON.parse(JSON.stringify(digest))).toEqual(digest);
  });
});
