import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, todayLedgerDate } from "@/lib/dates";
import { getPartnerLedgerAccess } from "@/lib/server/ledgers/access/partner-ledger-access";
import { addDays, eachDate } from "@/lib/ledgers/range";
import { SYNC_BACKFILL_DAYS, syncLedger } from "@/lib/server/ledgers/sync/sync-ledger";
import { getLedgerSyncStatus } from "@/lib/server/ledgers/sync/sync-status";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { ensureDemoWorld, partnerContextFor } from "@/tests/support/test-db";
import { dateReads, sandboxStats, startLedgerSandbox } from "./sandbox-support";

// P3: the background sync follows the feeds from stored cursors, pre-caches closed dates, and records how far the
// ledger is complete; repeat runs do not refetch what is cached.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startLedgerSandbox();
  await ensureDemoWorld();
});
afterAll(async () => {
  await sandbox?.stop();
});

const ledgerRow = (externalId: string) => db.ledger.findUniqueOrThrow({ where: { externalId }, select: { id: true } });

describe("ledger sync", () => {
  it("follows both feeds, caches the closed dates of the window and records complete-through", async () => {
    const today = todayLedgerDate();
    const { id } = await ledgerRow("302201");
    const outcome = await syncLedger(id);
    expect(outcome.status).toBe("synced");
    expect(outcome.feedEntries).toBeGreaterThan(0);
    expect(outcome.lastClosedDate).toBe(addDays(today, -1));

    const states = await db.ledgerSyncState.findMany({ where: { ledgerId: id }, orderBy: { topic: "asc" } });
    expect(states.map((s) => s.topic).sort()).toEqual(["fees", "funds"]);
    for (const s of states) {
      expect(s.feedCursor).toBeTruthy();
      expect(s.lastSyncedAt).not.toBeNull();
      expect(dbDateToLedgerDate(s.lastClosedDate!)).toBe(addDays(today, -1));
      expect(s.lastError).toBeNull();
    }
    const window = { from: addDays(today, -SYNC_BACKFILL_DAYS), to: addDays(today, -1) };
    const cached = await db.ledgerDay.count({ where: { ledgerId: id, ledgerDate: { gte: ledgerDateToDb(window.from), lte: ledgerDateToDb(window.to) } } });
    expect(cached).toBe(eachDate(window).length * 2);
    // Nordlys' merchant keys did the work (a single-sales-unit ledger with stored keys), not the partner's.
    expect((await sandboxStats(sandbox)).byClientId["demo-msn-223001"]).toBeGreaterThan(0);
  });

  it("continues from the stored cursors and refetches no cached date on the next run", async () => {
    const today = todayLedgerDate();
    const { id } = await ledgerRow("302201");
    const before = await sandboxStats(sandbox);
    const outcome = await syncLedger(id);
    expect(outcome).toMatchObject({ status: "synced", datesCached: 0 });
    const after = await sandboxStats(sandbox);
    for (const date of eachDate({ from: addDays(today, -SYNC_BACKFILL_DAYS), to: addDays(today, -1) })) {
      expect(dateReads(after, "302201", "funds", date)).toBe(dateReads(before, "302201", "funds", date));
    }
    // One feed page per topic: upstream has nothing after the cursor but today's latest entries.
    expect((after.feeds["302201/funds"] ?? 0) - (before.feeds["302201/funds"] ?? 0)).toBe(1);
  });

  it("makes a partner-triggered sync use the partner's keys within its grant period", async () => {
    const today = todayLedgerDate();
    const { id } = await ledgerRow("302101");
    const per = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
    const grant = await db.ledgerGrant.findFirstOrThrow({ where: { partnerId: per.partnerId, ledgerId: id, status: "active" } });
    const periodFrom = addDays(today, -5);
    await db.ledgerGrant.update({ where: { id: grant.id }, data: { periodFrom: ledgerDateToDb(periodFrom) } });
    try {
      const before = await sandboxStats(sandbox);
      const outcome = await syncLedger(id, { source: { kind: "partner", partnerId: per.partnerId } });
      expect(outcome.status).toBe("synced");
      const after = await sandboxStats(sandbox);
      expect((after.byClientId["demo-partner-987654321"] ?? 0) - (before.byClientId["demo-partner-987654321"] ?? 0)).toBeGreaterThan(0);
      expect((after.byClientId["demo-msn-212001"] ?? 0) - (before.byClientId["demo-msn-212001"] ?? 0)).toBe(0);
      for (const date of eachDate({ from: addDays(today, -SYNC_BACKFILL_DAYS), to: addDays(periodFrom, -1) })) {
        expect(dateReads(after, "302101", "funds", date) - dateReads(before, "302101", "funds", date), date).toBe(0);
      }
      const access = (await getPartnerLedgerAccess(per, "302101"))!;
      const status = await getLedgerSyncStatus(access);
      expect(status.window).toEqual({ from: periodFrom, to: addDays(today, -1) });
      expect(status.cachedDates).toBe(status.windowDates);
      expect(status.lastClosedDate).toBe(addDays(today, -1));
      // The reader's next view of those dates comes from the cache.
      const view = await readLedgerRange(access, { from: periodFrom, to: addDays(today, -1) });
      expect(view.fromUpstream).toBe(0);
    } finally {
      await db.ledgerGrant.update({ where: { id: grant.id }, data: { periodFrom: grant.periodFrom } });
    }
  });

  it("records that no keys can read a ledger, and does not call upstream", async () => {
    const { id } = await ledgerRow("302103");
    const before = (await sandboxStats(sandbox)).byKind.feed ?? 0;
    expect((await syncLedger(id)).status).toBe("no-keys");
    expect((await sandboxStats(sandbox)).byKind.feed ?? 0).toBe(before);
    const states = await db.ledgerSyncState.findMany({ where: { ledgerId: id } });
    expect(states.map((s) => s.lastError)).toEqual(["NO_KEYS", "NO_KEYS"]);
  });

  it("blanks cached personal data once no active grant includes it", async () => {
    const { id } = await ledgerRow("402301");
    const date = addDays(todayLedgerDate(), -9);
    const mads = await partnerContextFor("mads@kontopartner.example", "konto-partner");
    const access = (await getPartnerLedgerAccess(mads, "402301"))!;
    expect(access.personalData).toBe(true);
    await readLedgerRange(access, { from: date, to: date });
    const withNames = { ledgerId: id, payerName: { not: null } };
    expect(await db.ledgerEntry.count({ where: withNames })).toBeGreaterThan(0);
    // While the grant includes personal data, a sync keeps it.
    await syncLedger(id);
    expect(await db.ledgerEntry.count({ where: withNames })).toBeGreaterThan(0);
    const grant = await db.ledgerGrant.findFirstOrThrow({ where: { partnerId: mads.partnerId, ledgerId: id, status: "active" } });
    await db.ledgerGrant.update({ where: { id: grant.id }, data: { includesPersonalData: false } });
    try {
      await syncLedger(id);
      expect(await db.ledgerEntry.count({ where: withNames })).toBe(0);
      expect(await db.ledgerDay.count({ where: { ledgerId: id, hasPersonalData: true } })).toBe(0);
      // The figures are untouched.
      expect(await db.ledgerEntry.count({ where: { ledgerId: id, ledgerDate: ledgerDateToDb(date) } })).toBeGreaterThan(0);
    } finally {
      await db.ledgerGrant.update({ where: { id: grant.id }, data: { includesPersonalData: true } });
    }
  });

  it("refuses to run two syncs of the same ledger at once", async () => {
    const { id } = await ledgerRow("502401");
    const [a, b] = await Promise.all([syncLedger(id), syncLedger(id)]);
    expect([a.status, b.status].sort()).toEqual(["busy", "synced"]);
  });
});
