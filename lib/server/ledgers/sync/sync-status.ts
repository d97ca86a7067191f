import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, todayLedgerDate } from "@/lib/dates";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { daysInRange, type DateRange } from "@/lib/ledgers/range";
import { getSyncJobState, type SyncJobState } from "@/lib/server/ledgers/sync/enqueue-ledger-sync";
import { syncWindow } from "@/lib/server/ledgers/sync/sync-ledger";

export interface LedgerSyncStatus {
  /** The last run that got through (oldest of the two topics). */
  lastSyncedAt: string | null;
  lastClosedDate: string | null;
  /** Code of the last failure (NO_KEYS, UNAUTHENTICATED, NOT_FOUND, RATE_LIMITED, UPSTREAM_UNAVAILABLE), if later than the last success. */
  lastError: string | null;
  lastErrorAt: string | null;
  /** The dates a sync pre-caches for this reader, and how many of them are cached (both topics). */
  window: DateRange | null;
  windowDates: number;
  cachedDates: number;
  job: { id: string; state: SyncJobState } | null;
  /** When this status was read: relative times ("5 minutes ago") are counted from here, on server and client alike. */
  checkedAt: string;
}

/** P3 status for the ledger view: when it was synced, how far it is complete, and the progress of a run. */
export async function getLedgerSyncStatus(access: LedgerAccess, jobId?: string, now = new Date()): Promise<LedgerSyncStatus> {
  const today = todayLedgerDate(now);
  const window = syncWindow(access.period, today);
  const [states, days] = await Promise.all([
    db.ledgerSyncState.findMany({ where: { ledgerId: access.ledger.id }, select: { lastSyncedAt: true, lastClosedDate: true, lastError: true, lastErrorAt: true } }),
    window
      ? db.ledgerDay.groupBy({
          by: ["ledgerDate"],
          where: { ledgerId: access.ledger.id, ledgerDate: { gte: ledgerDateToDb(window.from), lte: ledgerDateToDb(window.to) } },
          _count: { _all: true },
        })
      : Promise.resolve([]),
  ]);
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
    cachedDates: days.filter((d) => d._count._all >= 2).length,
    job: jobId && job ? { id: jobId, state: job } : null,
    checkedAt: now.toISOString(),
  };
}
