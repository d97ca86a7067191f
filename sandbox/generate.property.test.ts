import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, localMidnightUtcMs, weekday } from "./calendar";
import { generateLedger, type Entry, type GeneratedLedger, type LedgerProfile, type Topic } from "./generate";
import { datePage, feedPage, type FeedPosition } from "./paging";

const ZONES = { NO: "Europe/Oslo", DK: "Europe/Copenhagen", FI: "Europe/Helsinki" } as const;
const CURRENCY = { NO: "NOK", DK: "DKK", FI: "EUR" } as const;

const worldArb = fc.record({
  seed: fc.string({ minLength: 1, maxLength: 12 }),
  dailyCaptures: fc.integer({ min: 0, max: 60 }),
  settlement: fc.constantFrom("net" as const, "gross" as const),
  closedDays: fc.integer({ min: 1, max: 80 }),
  todayOffset: fc.integer({ min: 0, max: 7 * 365 }),
  country: fc.constantFrom("NO" as const, "DK" as const, "FI" as const),
  units: fc.constantFrom("api", "vm", "two-vm"),
  pageSize: fc.integer({ min: 3, max: 150 }),
  truncate: fc.boolean(),
});
type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function profile(w: World): LedgerProfile {
  const vm = (n: string) => ({ msn: `9${n}`, recipientHandle: `${w.country}:${n}`, channel: "vm" as const });
  const salesUnits = w.units === "api" ? [{ msn: "123456", recipientHandle: "api:123456", channel: "api" as const }] : w.units === "vm" ? [vm("55001")] : [vm("55001"), vm("55002")];
  return { ledgerId: "700001", currency: CURRENCY[w.country], country: w.country, timeZone: ZONES[w.country], settlement: w.settlement, dailyCaptures: w.dailyCaptures, referencePrefix: "shop", salesUnits };
}

const todayOf = (w: World) => addDays("2021-01-01", w.todayOffset);

function generate(w: World, today = todayOf(w)): GeneratedLedger {
  return generateLedger(profile(w), { seed: w.seed, today, closedDays: w.closedDays });
}

/** Plain loops with one expect at the end: thousands of entries per run, many runs. */
function chainProblems(entries: Entry[]): string[] {
  const problems: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (!Number.isInteger(e.amount) || !Number.isInteger(e.balanceBefore)) problems.push(`#${i} not integer`);
    if (e.amount === 0) problems.push(`#${i} zero amount`);
    if (e.balanceBefore + e.amount !== e.balanceAfter) problems.push(`#${i} before + amount != after`);
    if (i > 0 && e.balanceBefore !== entries[i - 1]!.balanceAfter) problems.push(`#${i} before != previous after`);
    if (Math.abs(e.balanceAfter) >= 2 ** 31) problems.push(`#${i} outside int32`); // the spec's Money is int32
  }
  return problems;
}

/** The very same entry objects in the same order: nothing lost, repeated or reordered by paging. */
const sameEntries = (a: Entry[], b: Entry[]) => a.length === b.length && a.every((e, i) => e === b[i]);

const sum = (items: Entry[]) => items.reduce((s, e) => s + e.amount, 0);

/** Every date of the window read page by page through `datePage`, as the dates endpoint serves them. */
function readAllDates(g: GeneratedLedger, topic: Topic, pageSize: number, truncate: boolean): Entry[] {
  const out: Entry[] = [];
  for (let date = g.firstDate; date <= g.today; date = addDays(date, 1)) {
    const items: Entry[] = [];
    let index = 0;
    for (let guard = 0; guard < 100_000; guard++) {
      const page = datePage(g[topic], date, index, pageSize, truncate);
      if (page === "bad-index") throw new Error("bad index");
      if (page.items.length > pageSize) throw new Error("page too large");
      items.push(...page.items);
      if (!page.hasMore) break;
      index = page.nextIndex!;
    }
    if (items.length > 0 && sum(items) !== items.at(-1)!.balanceAfter - items[0]!.balanceBefore) throw new Error(`sum of ${date} is not the balance change`);
    out.push(...items);
  }
  return out;
}

/** The whole feed read page by page through `feedPage`. */
function readWholeFeed(g: GeneratedLedger, topic: Topic, pageSize: number, truncate: boolean): Entry[] {
  const out: Entry[] = [];
  let pos: FeedPosition | undefined;
  for (let guard = 0; guard < 100_000; guard++) {
    const page = feedPage(g, topic, pos, pageSize, truncate);
    if (page === "bad-position") throw new Error("bad position");
    if (page.atEnd) return out;
    if (page.items.length === 0) throw new Error("empty page before the end");
    out.push(...page.items);
    pos = page.position;
  }
  throw new Error("feed never ended");
}

describe("generated ledgers (property)", () => {
  it("chain balances, page without loss, drain on payouts and settle fees as configured", () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const g = generate(w);
        const today = todayOf(w);
        expect(g.firstDate).toBe(addDays(today, -w.closedDays));
        for (const topic of ["funds", "fees"] as const) {
          const series = g[topic];
          expect(chainProblems(series.entries)).toEqual([]);
          // Ranges cover the entries in date order, each entry inside its date's range.
          let expectedStart = 0;
          for (const [date, r] of [...series.ranges].sort(([a], [b]) => a.localeCompare(b))) {
            expect(r.start).toBe(expectedStart);
            expect(r.end).toBeGreaterThan(r.start);
            expect(series.entries.slice(r.start, r.end).every((e) => e.ledgerDate === date)).toBe(true);
            expect(date >= g.firstDate && date <= today).toBe(true);
            expectedStart = r.end;
          }
          expect(expectedStart).toBe(series.entries.length);
          // Paging: dates and feed both give back exactly the series; sums equal the balance change.
          expect(sameEntries(readAllDates(g, topic, w.pageSize, w.truncate), series.entries)).toBe(true);
          const feed = readWholeFeed(g, topic, w.pageSize, w.truncate);
          expect(sameEntries(feed, series.entries)).toBe(true);
          if (feed.length > 0) expect(sum(feed)).toBe(feed.at(-1)!.balanceAfter - feed[0]!.balanceBefore);
        }

        const funds = g.funds.entries;
        const fees = g.fees.entries;
        const payoutProblems: string[] = [];
        funds.forEach((e, i) => {
          if (e.entryType !== "payout-scheduled") return;
          if (e.balanceAfter !== 0 || e.amount >= 0 || e.recipientHandle !== null) payoutProblems.push(`${e.pspReference} does not drain to 0`);
          if (funds[i + 1]?.ledgerDate === e.ledgerDate) payoutProblems.push(`${e.pspReference} is not the last entry of ${e.ledgerDate}`);
          if (![1, 2, 3, 4, 5].includes(weekday(e.ledgerDate))) payoutProblems.push(`${e.pspReference} on a weekend`);
          if (e.ledgerDate >= today) payoutProblems.push(`${e.pspReference} on the open date`);
        });
        expect(payoutProblems).toEqual([]);
        if (w.settlement === "net") {
          for (const r of funds.filter((e) => e.entryType === "fees-retained")) {
            const mirror = fees.find((e) => e.entryType === "fees-retained" && e.ledgerDate === r.ledgerDate)!;
            expect(mirror.amount).toBe(-r.amount);
            expect(mirror.balanceAfter).toBe(0);
          }
          expect(fees.some((e) => e.entryType === "fees-invoiced")).toBe(false);
        } else {
          expect(funds.some((e) => e.entryType === "fees-retained")).toBe(false);
          for (const inv of fees.filter((e) => e.entryType === "fees-invoiced")) {
            expect(inv.ledgerDate.endsWith("-01")).toBe(true);
            expect(inv.balanceAfter).toBe(0);
          }
        }
        // Today's open date holds only the morning, and no end-of-day settlement.
        const noon = localMidnightUtcMs(ZONES[w.country], today) + 12 * 3_600_000;
        for (const e of [...funds, ...fees].filter((x) => x.ledgerDate === today)) {
          expect(Date.parse(e.time)).toBeLessThan(noon);
          expect(["payout-scheduled", "fees-retained"]).not.toContain(e.entryType);
        }
        // Personal data only on VM-number payments.
        for (const e of funds) if (e.personal) expect(e.recipientHandle?.startsWith("api:")).toBe(false);
        if (w.units === "api") expect(funds.some((e) => e.personal)).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it("keep closed dates identical whatever 'today' is, and the open date grows into its closed form", () => {
    fc.assert(
      fc.property(worldArb, fc.integer({ min: 1, max: 6 }), (w, shift) => {
        const a = generate(w);
        const b = generate(w, addDays(todayOf(w), shift));
        const from = b.firstDate > a.firstDate ? b.firstDate : a.firstDate;
        for (const topic of ["funds", "fees"] as const) {
          // Compared as JSON: one comparison of everything both windows serve as closed.
          const closedIn = (g: GeneratedLedger) => JSON.stringify(g[topic].entries.filter((e) => e.ledgerDate >= from && e.ledgerDate < a.today));
          expect(closedIn(b)).toBe(closedIn(a));
          if (a.today < b.firstDate) continue;
          const open = a[topic].ranges.get(a.today);
          const closed = b[topic].ranges.get(a.today);
          const openItems = open ? a[topic].entries.slice(open.start, open.end) : [];
          const closedItems = closed ? b[topic].entries.slice(closed.start, closed.end) : [];
          expect(closedItems.slice(0, openItems.length)).toEqual(openItems);
        }
        expect(daysBetween(a.today, b.today)).toBe(shift);
      }),
      { numRuns: 40 },
    );
  });
});
