import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../calendar";
import { encodeCursor } from "../paging";
import type { RunningSandbox } from "../server";
import { call, chainBreaks, keys, readDate, readFeed, start, TODAY, type Entry } from "../test-support/client";

const PAGE = 500;
let sb: RunningSandbox;
let merchant: Record<string, string>;
beforeAll(async () => {
  sb = await start({ pageSize: PAGE });
  merchant = await keys(sb.url).merchant("212001");
});
afterAll(() => sb.stop());

const key = (e: Entry) => `${e.ledgerDate}|${e.pspReference}|${e.entryType}|${e.time}`;

describe("GET /report/v2/ledgers/{ledgerId}/{topic}/feed", () => {
  it("runs from an empty cursor to the end: every page has a cursor and no hasMore, nothing lost or repeated", async () => {
    for (const topic of ["funds", "fees"] as const) {
      const { pages, items } = await readFeed(sb.url, merchant, "302101", topic);
      expect(pages.length).toBeGreaterThan(10);
      for (const p of pages) {
        expect(typeof p.cursor).toBe("string");
        expect(p.cursor).not.toBe("");
        expect("hasMore" in p).toBe(false);
        expect(p.items.length).toBeLessThanOrEqual(PAGE);
      }
      expect(pages.slice(0, -1).every((p) => p.tryLater === false)).toBe(true);
      const series = sb.state.ledger("302101")![topic];
      expect(items.length).toBe(series.entries.length);
      expect(items.map(key)).toEqual(series.entries.map(key));
      expect(new Set(items.map(key)).size).toBe(items.length);
      expect(chainBreaks(items)).toEqual([]);
      // A year of dates up to today's open one, in date order.
      expect(items[0]!.ledgerDate).toBe(addDays(TODAY, -365));
      expect(items.at(-1)!.ledgerDate).toBe(TODAY);
      const dates = items.map((e) => e.ledgerDate);
      expect([...dates].sort()).toEqual(dates);
    }
  });

  it("keeps totals consistent across pages: the sum of amounts is the balance change", async () => {
    const { items } = await readFeed(sb.url, merchant, "302101", "funds");
    const sum = items.reduce((s, e) => s + e.amount, 0);
    expect(sum).toBe(items.at(-1)!.balanceAfter - items[0]!.balanceBefore);
    const payouts = items.filter((e) => e.entryType === "payout-scheduled");
    expect(payouts.length).toBeGreaterThan(200); // weekdays over a year
    expect(payouts.every((e) => e.balanceAfter === 0)).toBe(true);
  });

  it("contains every entry type a client must handle, including one it cannot know", async () => {
    const funds = (await readFeed(sb.url, merchant, "302101", "funds")).items;
    const fees = (await readFeed(sb.url, merchant, "302101", "fees")).items;
    const fundTypes = new Set(funds.map((e) => e.entryType));
    const feeTypes = new Set(fees.map((e) => e.entryType));
    for (const t of ["capture", "refund", "fees-retained", "payout-scheduled", "payout-aborted", "correction"]) expect(fundTypes, t).toContain(t);
    for (const t of ["capture-fee", "fees-retained", "service-fee", "credit-note", "correction", "instant-payout-fee"]) expect(feeTypes, t).toContain(t);
    // A payout-aborted gives back what the previous payout took.
    const aborted = funds.find((e) => e.entryType === "payout-aborted")!;
    const abortedPayout = funds.find((e) => e.entryType === "payout-scheduled" && e.pspReference === aborted.pspReference)!;
    expect(aborted.amount).toBe(-abortedPayout.amount);
    // Some capture fees land on the next ledger date (fee delay): the fee's date is after its capture's.
    const captureDate = new Map(funds.filter((e) => e.entryType === "capture").map((e) => [e.pspReference, e.ledgerDate]));
    expect(fees.some((e) => e.entryType === "capture-fee" && (captureDate.get(e.pspReference) ?? e.ledgerDate) < e.ledgerDate)).toBe(true);
  });

  it("at the end gives the same cursor back with tryLater and no items, as often as asked", async () => {
    const { endCursor, pages } = await readFeed(sb.url, merchant, "302101", "fees");
    expect(pages.at(-1)).toEqual({ cursor: endCursor, tryLater: true, items: [] });
    const again = await call(sb.url, `/report/v2/ledgers/302101/fees/feed?cursor=${encodeURIComponent(endCursor)}`, { headers: merchant });
    expect(again.body).toEqual({ cursor: endCursor, tryLater: true, items: [] });
  });

  it("matches the dates endpoint: a date read from the feed equals the date read on its own", async () => {
    const { items } = await readFeed(sb.url, merchant, "302101", "funds");
    const date = addDays(TODAY, -30);
    const fromDates = (await readDate(sb.url, merchant, "302101", "funds", date)).items;
    expect(items.filter((e) => e.ledgerDate === date)).toEqual(fromDates);
  });

  it("answers 400 for a cursor of another ledger or topic", async () => {
    const other = encodeCursor({ k: "feed", l: "302101", t: "funds", d: TODAY, i: 0 });
    const res = await call(sb.url, `/report/v2/ledgers/302101/fees/feed?cursor=${encodeURIComponent(other)}`, { headers: merchant });
    expect(res.status).toBe(400);
    const future = encodeCursor({ k: "feed", l: "302101", t: "fees", d: addDays(TODAY, 2), i: 0 });
    expect((await call(sb.url, `/report/v2/ledgers/302101/fees/feed?cursor=${encodeURIComponent(future)}`, { headers: merchant })).status).toBe(400);
  });
});

describe("when today moves on", () => {
  it("continues a feed cursor into the rest of the old open date and keeps closed dates unchanged", async () => {
    const { endCursor, items: before } = await readFeed(sb.url, merchant, "302101", "funds");
    const tomorrow = await start({ pageSize: PAGE, today: addDays(TODAY, 1) });
    try {
      const m = await keys(tomorrow.url).merchant("212001");
      const rest: Entry[] = [];
      let cursor = endCursor;
      for (;;) {
        const res = await call(tomorrow.url, `/report/v2/ledgers/302101/funds/feed?cursor=${encodeURIComponent(cursor)}`, { headers: m });
        rest.push(...res.body.items);
        if (res.body.tryLater) break;
        cursor = res.body.cursor;
      }
      // The afternoon of the old "today", then the new today's morning, chained onto what was read before.
      expect(rest[0]!.ledgerDate).toBe(TODAY);
      expect(rest[0]!.balanceBefore).toBe(before.at(-1)!.balanceAfter);
      expect(rest.some((e) => e.ledgerDate === addDays(TODAY, 1))).toBe(true);
      expect(chainBreaks([...before, ...rest])).toEqual([]);
      // A closed date is the same whichever day the sandbox thinks it is.
      const date = addDays(TODAY, -10);
      const a = (await readDate(sb.url, merchant, "302101", "funds", date)).items;
      const b = (await readDate(tomorrow.url, m, "302101", "funds", date)).items;
      expect(b).toEqual(a);
      // The old open date, now closed, starts with exactly what was served while it was open.
      const openBefore = before.filter((e) => e.ledgerDate === TODAY);
      const closedNow = (await readDate(tomorrow.url, m, "302101", "funds", TODAY)).items;
      expect(closedNow.slice(0, openBefore.length)).toEqual(openBefore);
      expect(closedNow.at(-1)!.entryType).toBe("payout-scheduled");
    } finally {
      await tomorrow.stop();
    }
  });
});
