import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import type { FaultRuleInput } from "@/sandbox/faults";
import { sharedTokenCache } from "@/lib/report-api";
import { db } from "@/lib/server/db";
import { ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import { getPartnerLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { forgetOpenDates } from "@/lib/server/ledgers/fetch-ledger-date";
import { addDays, eachDate } from "@/lib/ledgers/range";
import { listLedgerEntries } from "@/lib/server/ledgers/list-ledger-entries";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { SYNC_BACKFILL_DAYS, syncLedger } from "@/lib/server/ledgers/sync/sync-ledger";
import { ensureDemoWorld, partnerContextFor } from "@/tests/support/test-db";
import { forgetCachedDates, sandboxAdmin, sandboxStats, startLedgerSandbox } from "./sandbox-support";

// The ledger read path and the feed sync under the sandbox's fault switch and the 2023 spec's 404: every read
// ends in a clear state (never a throw), retries stay within the budget, and a sync cut off mid-feed resumes
// from its cursor with nothing lost or doubled.

let sandbox: RunningSandbox;
beforeAll(async () => {
  // Small pages, so the feeds of a year take many pages and a run can be cut off in the middle.
  sandbox = await startLedgerSandbox({ pageSize: 500 });
  await ensureDemoWorld();
});
afterEach(async () => {
  await sandboxAdmin(sandbox, "POST", "reset");
  forgetOpenDates();
  // The reset forgets the tokens the sandbox issued; without this each next test would start with one 401.
  sharedTokenCache.clear();
});
afterAll(async () => {
  await sandbox?.stop();
});

async function perAccess() {
  return (await getPartnerLedgerAccess(await partnerContextFor("per@tallbalanse.example", "tall-og-balanse"), "302101"))!;
}

/** Upstream requests for one (ledger 302101) date, both topics, since `before`. */
async function dateRequests(date: string, before: Awaited<ReturnType<typeof sandboxStats>>) {
  const after = await sandboxStats(sandbox);
  return (["funds", "fees"] as const).map((t) => (after.dates[`302101/${t}/${date}`] ?? 0) - (before.dates[`302101/${t}/${date}`] ?? 0));
}

describe("404 on yesterday and today: 'not available yet' (the 2023 spec), behind the sandbox switch", () => {
  it("shows those dates as not closed yet, caches nothing, and reads them normally once upstream has them", async () => {
    // Regression: every 404 on a date was "no access" (NOT_FOUND), also where the older spec means "not yet".
    const today = todayPortalDate();
    const yesterday = addDays(today, -1);
    await forgetCachedDates("302101", [yesterday]);
    await sandboxAdmin(sandbox, "PUT", "not-yet-available", { enabled: true });
    const view = await readLedgerRange(await perAccess(), { from: yesterday, to: today });
    expect(view.problem).toBeNull();
    expect(view.days.map((d) => d.state)).toEqual(["open", "open"]);
    expect(view.openDates).toEqual([yesterday, today]);
    expect(await db.ledgerDay.count({ where: { ledger: { externalId: "302101" }, ledgerDate: ledgerDateToDb(yesterday) } })).toBe(0);

    await sandboxAdmin(sandbox, "PUT", "not-yet-available", { enabled: false });
    forgetOpenDates();
    const later = await readLedgerRange(await perAccess(), { from: yesterday, to: yesterday });
    expect(later.days.map((d) => d.state)).toEqual(["closed"]);
    expect(later.problem).toBeNull();
  });

  it("a 404 on an older date still means these keys may not read the ledger", async () => {
    await sandboxAdmin(sandbox, "PUT", "not-yet-available", { enabled: true });
    await sandboxAdmin(sandbox, "PUT", "drift", { partnerOrgNo: "987654321", extraLedgerIds: [], missingLedgerIds: ["302101"] });
    const date = addDays(todayPortalDate(), -20);
    await forgetCachedDates("302101", [date]);
    const view = await readLedgerRange(await perAccess(), { from: date, to: date });
    expect(view.problem).toBe("NOT_FOUND");
    expect(view.days.map((d) => d.state)).toEqual(["unavailable"]);
  });
});

describe("one bad row upstream", () => {
  it("makes its date unavailable and leaves the rest of the page readable (it used to throw a RangeError)", async () => {
    // Regression: an open date's entry with a `time` that is not a date-time reached the entry view, whose
    // toISOString threw, and the whole entries list failed.
    const today = todayPortalDate();
    const yesterday = addDays(today, -1);
    const access = await perAccess();
    await readLedgerRange(access, { from: yesterday, to: yesterday }); // yesterday comes from the cache below
    await sandboxAdmin(sandbox, "PUT", "faults", { rules: [{ kind: "bad-entry", probability: 1, routes: "report" }] });
    const view = await readLedgerRange(access, { from: yesterday, to: today });
    expect(view.days.map((d) => d.state)).toEqual(["closed", "unavailable"]);
    expect(view.problem).toBe("UPSTREAM_UNAVAILABLE");
    const entries = await listLedgerEntries(access, { from: yesterday, to: today }, { topic: "funds" });
    expect(entries.entries.length).toBeGreaterThan(0);
    expect(entries.entries.every((e) => e.ledgerDate === yesterday && !Number.isNaN(Date.parse(e.time)))).toBe(true);
  });
});

describe("the ledger read under upstream faults: a clear state, bounded retries", () => {
  // The interactive budget (lib/server/credentials/report-api-client.ts): 3 attempts per request.
  const cases: { name: string; rule: FaultRuleInput; problem: string | null; state: string; maxRequests: number }[] = [
    { name: "500 on every request", rule: { kind: "500", probability: 1 }, problem: "UPSTREAM_UNAVAILABLE", state: "unavailable", maxRequests: 3 },
    { name: "429 with Retry-After on every request", rule: { kind: "429", probability: 1, retryAfterSeconds: 1 }, problem: "RATE_LIMITED", state: "unavailable", maxRequests: 3 },
    { name: "dropped connections", rule: { kind: "drop", probability: 1 }, problem: "UPSTREAM_UNAVAILABLE", state: "unavailable", maxRequests: 3 },
    { name: "bodies cut off mid-JSON", rule: { kind: "truncate-body", probability: 1 }, problem: "UPSTREAM_UNAVAILABLE", state: "unavailable", maxRequests: 3 },
    { name: "a 500 on each topic's first try, then an answer", rule: { kind: "500", count: 2 }, problem: null, state: "closed", maxRequests: 3 },
    { name: "a token that expires early", rule: { kind: "expire-token", count: 1 }, problem: null, state: "closed", maxRequests: 2 },
    { name: "some latency", rule: { kind: "latency", probability: 1, latencyMs: 200 }, problem: null, state: "closed", maxRequests: 1 },
  ];

  cases.forEach((c, i) => {
    it(`${c.name}: ${c.problem ?? "read"}, at most ${c.maxRequests} request(s) per topic`, async () => {
      const date = addDays(todayPortalDate(), -30 - i);
      await forgetCachedDates("302101", [date]);
      const access = await perAccess();
      await sandboxAdmin(sandbox, "PUT", "faults", { rules: [{ routes: "report", ...c.rule }] });
      const before = await sandboxStats(sandbox);
      const view = await readLedgerRange(access, { from: date, to: date });
      expect(view.problem).toBe(c.problem);
      expect(view.days.map((d) => d.state)).toEqual([c.state]);
      for (const n of await dateRequests(date, before)) {
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(c.maxRequests);
      }
    });
  });

  it("truncated pages (half a page, cursor at the first entry not served) lose no entry", async () => {
    const date = addDays(todayPortalDate(), -40);
    await forgetCachedDates("302101", [date]);
    await sandboxAdmin(sandbox, "PUT", "faults", { rules: [{ kind: "truncate-page", probability: 1, routes: "report" }] });
    const view = await readLedgerRange(await perAccess(), { from: date, to: date });
    expect(view.problem).toBeNull();
    const generated = sandbox.state.ledger("302101")!;
    for (const topic of ["funds", "fees"] as const) {
      const range = generated[topic].ranges.get(date);
      const day = await db.ledgerDay.findFirstOrThrow({ where: { ledger: { externalId: "302101" }, topic, ledgerDate: ledgerDateToDb(date) }, select: { entryCount: true } });
      expect(day.entryCount, topic).toBe(range ? range.end - range.start : 0);
    }
  });
});

describe("a sync cut off mid-window", () => {
  it("resumes where it stopped: the two runs fetch exactly the dates one undisturbed run fetches", async () => {
    const { id } = await db.ledger.findUniqueOrThrow({ where: { externalId: "302201" }, select: { id: true } });
    const today = todayPortalDate();
    const window = eachDate({ from: addDays(today, -SYNC_BACKFILL_DAYS), to: addDays(today, -1) });
    await forgetCachedDates("302201", window);
    await db.ledgerSyncState.deleteMany({ where: { ledgerId: id } });

    // The connection drops after a few dates and stays down for the whole retry budget.
    await sandboxAdmin(sandbox, "PUT", "faults", { rules: [{ kind: "drop", routes: "report", skip: 8, count: 40 }] });
    const cut = await syncLedger(id);
    expect(cut.status).toBe("failed");
    expect(cut.datesCached).toBeGreaterThan(0);
    expect(cut.datesCached).toBeLessThan(window.length * 2);
    const state = await db.ledgerSyncState.findFirstOrThrow({ where: { ledgerId: id, topic: "funds" }, select: { lastError: true } });
    expect(state.lastError).toBe("UPSTREAM_UNAVAILABLE");

    await sandboxAdmin(sandbox, "DELETE", "faults");
    const resumed = await syncLedger(id);
    expect(resumed.status).toBe("synced");
    // Nothing lost, nothing fetched twice: together they cached every (topic, date) of the window once.
    expect(cut.datesCached + resumed.datesCached).toBe(window.length * 2);
    expect(await db.ledgerDay.count({ where: { ledgerId: id, ledgerDate: { in: window.map(ledgerDateToDb) } } })).toBe(window.length * 2);
    expect(resumed.lastClosedDate).toBe(addDays(today, -1));
  });
});
