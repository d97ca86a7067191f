import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { createDb, db } from "@/lib/server/db";
import { createReportApiClient, TOPICS } from "@/lib/report-api";
import { ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import { loadPartnerCredentials } from "@/lib/server/credentials/load-credentials";
import { getPartnerLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { cacheClosedDayGuarded } from "@/lib/server/ledgers/ledger-cache";
import { loadLedgerPageData } from "@/lib/server/ledgers/ledger-page-data";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { addDays, eachDate } from "@/lib/ledgers/range";
import { ensureDemoWorld, partnerContextFor } from "@/tests/support/test-db";
import { dateReads, forgetCachedDates, sandboxStats, startLedgerSandbox } from "./sandbox-support";

// One upstream read per closed date and feed (topic), whatever the concurrency (issue 14): readers in one process
// share one flight per date, and separate processes (separate pools, no shared memory) wait on a database lock.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startLedgerSandbox();
  await ensureDemoWorld();
});
afterAll(async () => {
  await sandbox?.stop();
});

async function access(email: string) {
  const a = await getPartnerLedgerAccess(await partnerContextFor(email, "tall-og-balanse"), "302101");
  if (!a) throw new Error(`${email} should read 302101 (demo grant)`);
  return a;
}

describe("concurrent first views of an uncached range", () => {
  it("read each closed date and topic upstream exactly once for 10 views at once", async () => {
    const today = todayPortalDate();
    // Far back, where no other test file reads 302101 (files share the database, and some expect a cold date).
    const range = { from: addDays(today, -62), to: addDays(today, -51) };
    const dates = eachDate(range);
    await forgetCachedDates("302101", dates);
    const before = await sandboxStats(sandbox);
    for (const date of dates) for (const topic of TOPICS) expect(dateReads(before, "302101", topic, date)).toBe(0);

    // Two people of the firm, five page loads each, all at once, through the page's own data call.
    const readers = await Promise.all([access("per@tallbalanse.example"), access("anne@tallbalanse.example")]);
    const pages = await Promise.all(Array.from({ length: 10 }, (_, i) => loadLedgerPageData(readers[i % 2]!, { from: range.from, to: range.to })));

    const after = await sandboxStats(sandbox);
    for (const date of dates) for (const topic of TOPICS) expect(dateReads(after, "302101", topic, date), `${topic} ${date}`).toBe(1);
    // Every view shows the whole range, closed, with the same figures.
    for (const p of pages) {
      expect(p.view.days.map((d) => d.state)).toEqual(dates.map(() => "closed"));
      expect(p.view.days).toEqual(pages[0]!.view.days);
      expect(p.entries.page.total).toBe(p.view.totals.funds.entries);
    }
    expect(pages.reduce((sum, p) => sum + p.view.fromUpstream, 0)).toBeGreaterThanOrEqual(dates.length * TOPICS.length);
    // Each date got its stored summary, in the transactions that cached it.
    expect(await db.ledgerDateSummary.count({ where: { ledger: { externalId: "302101" }, ledgerDate: { in: dates.map(ledgerDateToDb) } } })).toBe(dates.length);

    // A repeat view reads nothing upstream.
    const repeat = await readLedgerRange(readers[0]!, range);
    expect(repeat.fromUpstream).toBe(0);
    expect((await sandboxStats(sandbox)).byKind.dates).toBe(after.byKind.dates);
    expect(repeat.days).toEqual(pages[0]!.view.days);
  });

  it("holds across separate pools with no shared memory: the database lock alone", async () => {
    const today = todayPortalDate();
    const dates = [addDays(today, -72), addDays(today, -71), addDays(today, -70)];
    await forgetCachedDates("302101", dates);
    const a = await access("per@tallbalanse.example");
    const creds = (await loadPartnerCredentials(a.reader.kind === "partner" ? a.reader.partnerId : ""))!.credentials;
    // Two "instances": each its own connection pool and its own Report API client (no in-process sharing).
    const instances = [createDb(process.env.DATABASE_URL!), createDb(process.env.DATABASE_URL!)];
    try {
      const calls = instances.flatMap((client) => {
        const upstream = createReportApiClient({ baseUrl: sandbox.url, credentials: creds });
        return dates.flatMap((date) =>
          TOPICS.flatMap((topic) =>
            [0, 1, 2].map(() =>
              cacheClosedDayGuarded(
                {
                  ledgerId: a.ledger.id, ledgerExternalId: "302101", topic, date, withPersonalData: a.personalData,
                  fetch: async () => ({ ...(await upstream.getLedgerDate("302101", topic, date, { includeGDPRSensitiveData: a.personalData })), withPersonalData: a.personalData }),
                },
                client,
              ),
            ),
          ),
        );
      });
      const outcomes = await Promise.all(calls);
      // Exactly one caller per (topic, date) fetched; every other one found it cached after waiting.
      expect(outcomes.filter((o) => o.state === "cached" && o.fetched)).toHaveLength(dates.length * TOPICS.length);
      expect(outcomes.every((o) => o.state === "cached")).toBe(true);
      const stats = await sandboxStats(sandbox);
      for (const date of dates) for (const topic of TOPICS) expect(dateReads(stats, "302101", topic, date), `${topic} ${date}`).toBe(1);
      expect(await db.ledgerDateSummary.count({ where: { ledger: { externalId: "302101" }, ledgerDate: { in: dates.map(ledgerDateToDb) } } })).toBe(dates.length);
    } finally {
      await Promise.all(instances.map((c) => c.$disconnect()));
    }
  });
});
