import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../calendar";
import type { RunningSandbox } from "../server";
import { admin, call, chainBreaks, keys, readDate, readFeed, start, TODAY } from "../test-support/client";

let sb: RunningSandbox;
beforeAll(async () => {
  // Upstream's page size (1000) and the volume switch as SANDBOX_VOLUME="302102:100000" sets it.
  sb = await start({ volume: { "302102": 100_000 } });
});
afterAll(() => sb.stop());

describe("volume switch", () => {
  it("makes one ledger large: 100,000+ funds entries over the year, chained, in pages of at most 1000", async () => {
    const m = await keys(sb.url).merchant("212002");
    const { pages, items } = await readFeed(sb.url, m, "302102", "funds");
    expect(items.length).toBeGreaterThanOrEqual(100_000);
    expect(pages.every((p) => p.items.length <= 1000)).toBe(true);
    expect(pages.filter((p) => p.items.length === 1000).length).toBeGreaterThanOrEqual(100);
    expect(chainBreaks(items)).toEqual([]);
    expect(items.reduce((s, e) => s + e.amount, 0)).toBe(items.at(-1)!.balanceAfter - items[0]!.balanceBefore);
    expect(items.filter((e) => e.entryType === "payout-scheduled").every((e) => e.balanceAfter === 0)).toBe(true);
  });

  it("leaves the other ledgers at their normal size", async () => {
    const small = sb.state.ledger("302101")!;
    expect(small.funds.entries.length).toBeLessThan(30_000);
  });

  it("can be changed at run time through PUT /sandbox/admin/volume", async () => {
    const m = await keys(sb.url).merchant("212001");
    const date = addDays(TODAY, -2);
    const before = (await readDate(sb.url, m, "302101", "funds", date)).items.length;
    const put = await admin(sb.url, "PUT", "/volume", { ledgers: { "302101": 365 * 400 } });
    expect(put.body).toEqual({ ledgers: { "302101": 146_000 } });
    const after = (await readDate(sb.url, m, "302101", "funds", date)).items.length;
    expect(after).toBeGreaterThan(before * 5);
    expect((await call(sb.url, "/sandbox/admin/volume", { headers: { "x-sandbox-admin-secret": "test-admin-secret" } })).body).toEqual({ ledgers: { "302101": 146_000 } });
    // Replacing the map resets 302102 to normal.
    expect(sb.state.ledger("302102")!.funds.entries.length).toBeLessThan(30_000);
    expect((await admin(sb.url, "PUT", "/volume", { ledgers: { "999999": 10 } })).status).toBe(400);
  });
});
