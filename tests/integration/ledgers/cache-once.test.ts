import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { db } from "@/lib/server/db";
import { createReportApiClient } from "@/lib/report-api";
import { loadPartnerCredentials } from "@/lib/server/credentials/load-credentials";
import { ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import { getPartnerLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { forgetOpenDates } from "@/lib/server/ledgers/fetch-ledger-date";
import { listLedgerEntries } from "@/lib/server/ledgers/list-ledger-entries";
import { addDays } from "@/lib/ledgers/range";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { ensureDemoWorld, partnerContextFor } from "@/tests/support/test-db";
import { dateReads, forgetCachedDates, sandboxStats, startLedgerSandbox } from "./sandbox-support";

// P3: a closed ledger date is fetched from upstream once and served from the database afterwards.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startLedgerSandbox();
  await ensureDemoWorld();
});
afterAll(async () => {
  await sandbox?.stop();
});

async function perAccess() {
  const per = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
  const access = await getPartnerLedgerAccess(per, "302101");
  if (!access) throw new Error("Per should read 302101 (demo grant)");
  return access;
}

describe("closed ledger dates", () => {
  it("stores every entry exactly as upstream sent it, in upstream's order", async () => {
    const date = addDays(todayPortalDate(), -5);
    await forgetCachedDates("302101", [date]);
    const access = await perAccess();
    await readLedgerRange(access, { from: date, to: date });
    const creds = (await loadPartnerCredentials(access.reader.kind === "partner" ? access.reader.partnerId : ""))!.credentials;
    const upstream = await createReportApiClient({ baseUrl: sandbox.url, credentials: creds }).getLedgerDate("302101", "fees", date);
    const cached = await listLedgerEntries(access, { from: date, to: date }, { topic: "fees", limit: 200 });
    expect(cached.total).toBe(upstream.entries.length);
    expect(
      cached.entries.map((e) => [e.seq, e.pspReference, e.reference, e.entryType, e.amount, e.balanceBefore, e.balanceAfter, e.recipientHandle, e.time]),
    ).toEqual(
      upstream.entries.slice(0, 200).map((e, seq) => [seq, e.pspReference, e.reference, e.entryType, e.amount, e.balanceBefore, e.balanceAfter, e.recipientHandle, new Date(Math.floor(Date.parse(e.time))).toISOString()]),
    );
  });

  it("calls upstream once when the same closed date is opened twice", async () => {
    const date = addDays(todayPortalDate(), -3);
    await forgetCachedDates("302101", [date]);
    const access = await perAccess();
    const before = await sandboxStats(sandbox);
    expect(dateReads(before, "302101", "funds", date)).toBe(0);

    const first = await readLedgerRange(access, { from: date, to: date });
    const afterFirst = await sandboxStats(sandbox);
    expect(dateReads(afterFirst, "302101", "funds", date)).toBe(1);
    expect(dateReads(afterFirst, "302101", "fees", date)).toBe(1);
    expect(first.fromUpstream).toBe(2);
    expect(first.days[0]?.state).toBe("closed");

    const second = await readLedgerRange(access, { from: date, to: date });
    const afterSecond = await sandboxStats(sandbox);
    expect(dateReads(afterSecond, "302101", "funds", date)).toBe(1);
    expect(dateReads(afterSecond, "302101", "fees", date)).toBe(1);
    expect(afterSecond.byKind.dates).toBe(afterFirst.byKind.dates);
    expect(second.fromCache).toBe(2);
    // The cached copy is the same ledger date: identical figures.
    expect(second.days).toEqual(first.days);
    expect(second.totals.funds.entries).toBeGreaterThan(0);

    const stored = await db.ledgerDay.findMany({ where: { ledger: { externalId: "302101" }, ledgerDate: ledgerDateToDb(date) }, select: { topic: true, entryCount: true } });
    expect(stored.map((d) => d.topic).sort()).toEqual(["fees", "funds"]);
    expect(stored.find((d) => d.topic === "funds")?.entryCount).toBe(second.totals.funds.entries);
  });

  it("serves paging and search of a cached date without calling upstream", async () => {
    const date = addDays(todayPortalDate(), -3);
    const access = await perAccess();
    await readLedgerRange(access, { from: date, to: date });
    const before = (await sandboxStats(sandbox)).byKind.dates ?? 0;
    const page = await listLedgerEntries(access, { from: date, to: date }, { topic: "funds" });
    expect(page.entries.length).toBeGreaterThan(0);
    const psp = page.entries.find((e) => e.entryType === "capture")!.pspReference;
    const found = await listLedgerEntries(access, { from: date, to: date }, { topic: "funds", search: psp });
    expect(found.entries.map((e) => e.pspReference)).toContain(psp);
    expect((await sandboxStats(sandbox)).byKind.dates ?? 0).toBe(before);
  });

  it("shares the cache between readers of the same ledger", async () => {
    const date = addDays(todayPortalDate(), -4);
    await forgetCachedDates("302101", [date]);
    await readLedgerRange(await perAccess(), { from: date, to: date });
    const anne = await partnerContextFor("anne@tallbalanse.example", "tall-og-balanse");
    const access = await getPartnerLedgerAccess(anne, "302101");
    expect(access).not.toBeNull();
    const view = await readLedgerRange(access!, { from: date, to: date });
    expect(view.fromUpstream).toBe(0);
    expect(dateReads(await sandboxStats(sandbox), "302101", "funds", date)).toBe(1);
  });

  it("never stores an open date, and re-reads it only after a minute", async () => {
    const today = todayPortalDate();
    const access = await perAccess();
    forgetOpenDates();
    const first = await readLedgerRange(access, { from: today, to: today });
    expect(first.openDates).toEqual([today]);
    expect(first.completeThrough).toBeNull();
    await readLedgerRange(access, { from: today, to: today });
    expect(dateReads(await sandboxStats(sandbox), "302101", "funds", today)).toBe(1);
    expect(await db.ledgerDay.count({ where: { ledger: { externalId: "302101" }, ledgerDate: ledgerDateToDb(today) } })).toBe(0);
    // The minute is over (forgotten): upstream is asked again, because the date is still changing.
    forgetOpenDates();
    await readLedgerRange(access, { from: today, to: today });
    expect(dateReads(await sandboxStats(sandbox), "302101", "funds", today)).toBe(2);
  });

  it("does not ask upstream for dates after today", async () => {
    const today = todayPortalDate();
    const access = await perAccess();
    const view = await readLedgerRange(access, { from: addDays(today, -1), to: addDays(today, 5) });
    expect(view.shown).toEqual({ from: addDays(today, -1), to: today });
    const stats = await sandboxStats(sandbox);
    for (let i = 1; i <= 5; i++) expect(dateReads(stats, "302101", "funds", addDays(today, i))).toBe(0);
  });
});
