import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import { getPartnerLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { addDays, eachDate } from "@/lib/ledgers/range";
import { SYNC_BACKFILL_DAYS, syncHistoryChunk, syncLedger } from "@/lib/server/ledgers/sync/sync-ledger";
import { getLedgerSyncStatus } from "@/lib/server/ledgers/sync/sync-status";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { ensureDemoWorld, partnerContextFor } from "@/tests/support/test-db";
import { dateReads, sandboxStats, startLedgerSandbox } from "./sandbox-support";

// P3: the background sync caches the closed dates (the recent ones itself, the older history in chunk jobs), and
// records how far the ledger is complete; repeat runs do not refetch what is cached.

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
  it("caches the recent closed dates, finds where the history starts and queues the rest in chunks", async () => {
    const today = todayPortalDate();
    const { id } = await ledgerRow("302201");
    const feedBefore = (await sandboxStats(sandbox)).byKind.feed ?? 0;
    const queued: { from: string; to: string }[] = [];
    const outcome = await syncLedger(id, { history: "enqueue", enqueueChunk: async (chunk) => void queued.push(chunk) });
    expect(outcome.status).toBe("synced");
    expect(outcome.lastClosedDate).toBe(addDays(today, -1));
    // One feed page, only to learn the ledger's first date: the feed is not followed (decision 024).
    expect(outcome.historyFrom).toBe(sandbox.state.ledger("302201")!.firstDate);
    expect(((await sandboxStats(sandbox)).byKind.feed ?? 0) - feedBefore).toBe(1);

    const states = await db.ledgerSyncState.findMany({ where: { ledgerId: id }, orderBy: { topic: "asc" } });
    expect(states.map((s) => s.topic).sort()).toEqual(["fees", "funds"]);
    for (const s of states) {
      expect(s.lastSyncedAt).not.toBeNull();
      expect(dbDateToLedgerDate(s.lastClosedDate!)).toBe(addDays(today, -1));
      expect(dbDateToLedgerDate(s.historyFrom!)).toBe(outcome.historyFrom);
      expect(s.lastError).toBeNull();
    }
    const window = { from: addDays(today, -SYNC_BACKFILL_DAYS), to: addDays(today, -1) };
    const cached = await db.ledgerDay.count({ where: { ledgerId: id, ledgerDate: { gte: ledgerDateToDb(window.from), lte: ledgerDateToDb(window.to) } } });
    expect(cached).toBe(eachDate(window).length * 2);
    // The chunks cover every older date once, newest first, and nothing of the recent window.
    const chunkDates = queued.flatMap((c) => eachDate(c)).sort();
    expect(chunkDates).toEqual(eachDate({ from: outcome.historyFrom!, to: addDays(window.from, -1) }));
    expect(queued[0]!.to).toBe(addDays(window.from, -1));
    // Nordlys' merchant keys did the work (a single-sales-unit ledger with stored keys), not the partner's.
    expect((await sandboxStats(sandbox)).byClientId["demo-msn-223001"]).toBeGreaterThan(0);
  });

  it("refetches no cached date on the next run, and reads the feed no more once the history start is known", async () => {
    const today = todayPortalDate();
    const { id } = await ledgerRow("302201");
    const before = await sandboxStats(sandbox);
    const outcome = await syncLedger(id, { history: "enqueue", enqueueChunk: async () => undefined });
    expect(outcome).toMatchObject({ status: "synced", datesCached: 0 });
    const after = await sandboxStats(sandbox);
    for (const date of eachDate({ from: addDays(today, -SYNC_BACKFILL_DAYS), to: addDays(today, -1) })) {
      expect(dateReads(after, "302201", "funds", date)).toBe(dateReads(before, "302201", "funds", date));
    }
    expect(after.byKind.feed ?? 0).toBe(before.byKind.feed ?? 0);
  });

  it("caches history chunks on two workers at once, each date read once", async () => {
    const { id } = await ledgerRow("302201");
    const { firstDate } = sandbox.state.ledger("302201")!;
    const chunk = { from: firstDate, to: addDays(firstDate, 20) };
    const source = { kind: "sales-unit" as const, salesUnitId: (await db.salesUnit.findFirstOrThrow({ where: { ledgerId: id }, select: { id: true } })).id };
    const before = await sandboxStats(sandbox);
    // Two workers given overlapping chunks (a retried job next to its successor): the overlap is read once.
    const [a, b] = await Promise.all([syncHistoryChunk(id, chunk, source), syncHistoryChunk(id, { from: addDays(firstDate, 10), to: addDays(firstDate, 30) }, source)]);
    expect(a.failure).toBeNull();
    expect(b.failure).toBeNull();
    expect(a.datesCached + b.datesCached).toBe(31 * 2);
    const after = await sandboxStats(sandbox);
    for (const date of eachDate({ from: firstDate, to: addDays(firstDate, 30) })) {
      for (const topic of ["funds", "fees"] as const) expect(dateReads(after, "302201", topic, date) - dateReads(before, "302201", topic, date), `${topic} ${date}`).toBe(1);
    }
    expect(await db.ledgerDateSummary.count({ where: { ledgerId: id, ledgerDate: { gte: ledgerDateToDb(firstDate), lte: ledgerDateToDb(addDays(firstDate, 30)) } } })).toBe(31);
  });

  it("counts a date read once as cached once when two chunks in one process ask for it together", async () => {
    const { id } = await ledgerRow("302201");
    const { firstDate } = sandbox.state.ledger("302201")!;
    // Dates the case above does not touch; the same chunk twice, so every date's two readers share one flight.
    const chunk = { from: addDays(firstDate, 40), to: addDays(firstDate, 50) };
    const source = { kind: "sales-unit" as const, salesUnitId: (await db.salesUnit.findFirstOrThrow({ where: { ledgerId: id }, select: { id: true } })).id };
    const before = await sandboxStats(sandbox);
    const [a, b] = await Promise.all([syncHistoryChunk(id, chunk, source), syncHistoryChunk(id, chunk, source)]);
    const after = await sandboxStats(sandbox);
    let reads = 0;
    for (const date of eachDate(chunk)) for (const topic of ["funds", "fees"] as const) reads += dateReads(after, "302201", topic, date) - dateReads(before, "302201", topic, date);
    expect(reads).toBe(11 * 2);
    expect(a.datesCached + b.datesCached).toBe(reads);
  });

  it("makes a partner-triggered sync use the partner's keys within its grant period", async () => {
    const today = todayPortalDate();
    const { id } = await ledgerRow("302101");
    const per = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
    const grant = await db.ledgerGrant.findFirstOrThrow({ where: { partnerId: per.partnerId, ledgerId: id, status: "active" } });
    const periodFrom = addDays(today, -5);
    await db.ledgerGrant.update({ where: { id: grant.id }, data: { periodFrom: ledgerDateToDb(periodFrom) } });
    // Another file on this worker's database may have cached 302101 already: start from nothing cached, so the
    // partner's keys have dates to read whatever ran before.
    await db.ledgerDay.deleteMany({ where: { ledgerId: id } });
    await db.ledgerSyncState.deleteMany({ where: { ledgerId: id } });
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
    const date = addDays(todayPortalDate(), -9);
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
