import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, todayLedgerDate } from "@/lib/dates";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { daysInRange } from "@/lib/ledgers/range";
import { getSyncJobState } from "@/lib/server/ledgers/sync/enqueue-ledger-sync";
import { historyWindow } from "@/lib/server/ledgers/sync/sync-ledger";
import type { LedgerSyncStatus } from "@/lib/ledgers/types";

/** P3 status for the ledger view: when it was synced, how far it is complete, and the progress of a run. */
export async function getLedgerSyncStatus(access: LedgerAccess, jobId?: string, now = new Date()): Promise<LedgerSyncStatus> {
  const today = todayLedgerDate(now, access.ledger.timeZone);
  const states = await db.ledgerSyncState.findMany({ where: { ledgerId: access.ledger.id }, select: { lastSyncedAt: true, lastClosedDate: true, lastError: true, lastErrorAt: true, historyFrom: true } });
  const historyFrom = states.find((s) => s.historyFrom)?.historyFrom ?? null;
  const window = historyWindow(access.period, historyFrom ? dbDateToLedgerDate(historyFrom) : null, today);
  // Dates cached in both topics, counted in PostgreSQL (a year of history is one aggregate, not 730 rows).
  const [counted] = window
    ? await db.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM (
          SELECT 1 FROM "LedgerDay" WHERE "ledgerId" = ${access.ledger.id}::uuid AND "ledgerDate" BETWEEN ${window.from}::date AND ${window.to}::date
          GROUP BY "ledgerDate" HAVING count(*) >= 2) d`
    : [];
  const cachedDates = Number(counted?.n ?? 0);
  const both = states.length === 2;
  const oldest = (values: (Date | null)[]) => (both && values.every(Boolean) ? new Date(Math.min(...values.map((v) => v!.getTime()))) : null);
  const lastSyncedAt = oldest(states.map((s) => s.lastSyncedAt));
  const lastClosedDate = oldest(states.map((s) => s.lastClosedDate));
  const failed = states.filter((s) => s.lastError && s.lastErrorAt && (!s.lastSyncedAt || s.lastErrorAt > s.lastSyncedAt));
  const job = jobId ? await getSyncJobState(access, jobId) : null;
  return {
    lastSyncedAt: lastSyncedAt?.toISOString() ?? null,
    lastClosedDate: lastClosedDate ? dbDateToLedgerDate(lastClosedDate) : null,
    lastError: failed[0]?.lastError ?? null,
    lastErrorAt: failed[0]?.lastErrorAt?.toISOString() ?? null,
    window,
    windowDates: window ? daysInRange(window) : 0,
    cachedDates,
    backfilling: Boolean(historyFrom && window && cachedDates < daysInRange(window) && !failed[0]),
    job: jobId && job ? { id: jobId, state: job } : null,
    checkedAt: now.toISOString(),
  };
}
