import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, todayLedgerDate, todayPortalDate } from "@/lib/dates";
import { TOPICS, type Topic } from "@/lib/report-api";
import { logger } from "@/lib/server/logger";
import { loadPartnerCredentials, loadSalesUnitCredentials } from "@/lib/server/credentials/load-credentials";
import { reportApiClientFor } from "@/lib/server/credentials/report-api-client";
import type { UpstreamSource } from "@/lib/server/ledgers/access/ledger-access";
import { cacheClosedDay } from "@/lib/server/ledgers/cache-closed-day";
import { cacheKey, findCachedDays } from "@/lib/server/ledgers/ledger-cache";
import { mapWithConcurrency } from "@/lib/server/ledgers/map-with-concurrency";
import { addDays, clampRange, eachDate, type DateRange } from "@/lib/ledgers/range";
import { upstreamProblemOf } from "@/lib/server/ledgers/upstream-problem";
import { planLedgerSync, type SyncPlan } from "@/lib/server/ledgers/sync/sync-plan";
import { purgeUnneededPersonalData } from "@/lib/server/ledgers/sync/purge-personal-data";

/** The recent dates every run caches itself: the default views (a week, a month) open from the cache. */
export const SYNC_BACKFILL_DAYS = 31;
/** Upstream reads one sync run (or history chunk) keeps in flight (docs/decisions/024). */
export const SYNC_CONCURRENCY = 6;
/** Older history is cached in background jobs of this many dates each, which any worker may take. */
export const HISTORY_CHUNK_DAYS = 31;

export interface SyncOutcome {
  status: "synced" | "failed" | "busy" | "no-keys";
  /** (topic, date) pairs fetched and stored by this run, and their entries. */
  datesCached: number;
  entriesCached: number;
  lastClosedDate: string | null;
  /** The first date of the ledger's history this run's keys may read, and the history jobs it queued. */
  historyFrom: string | null;
  historyChunks: DateRange[];
}

export type HistoryMode = "enqueue" | "inline" | "skip";

/** The recent dates a run caches itself: the window inside the plan's bounds, up to yesterday. */
export function syncWindow(bounds: { from: string | null; to: string | null }, today: string) {
  return clampRange({ from: addDays(today, -SYNC_BACKFILL_DAYS), to: addDays(today, -1) }, bounds);
}

/** All the closed history the keys may read: from the ledger's first date (when known) up to yesterday. */
export function historyWindow(bounds: { from: string | null; to: string | null }, historyFrom: string | null, today: string): DateRange | null {
  const recent = syncWindow(bounds, today);
  if (!historyFrom) return recent;
  return clampRange({ from: historyFrom, to: addDays(today, -1) }, bounds) ?? recent;
}

async function recordProblem(ledgerId: string, topics: readonly Topic[], code: string, now: Date) {
  for (const topic of topics) {
    await db.ledgerSyncState.upsert({
      where: { ledgerId_topic: { ledgerId, topic } },
      create: { ledgerId, topic, lastError: code, lastErrorAt: now },
      update: { lastError: code, lastErrorAt: now },
    });
  }
}

/**
 * The first date of the ledger's history. Stored once found: the first entry of the funds feed (one page, read
 * from the start without a cursor). The feed is not followed further: the dates endpoint gives the same entries
 * per closed date, in parallel (docs/decisions/024). Null when the feed has no entry yet.
 */
async function findHistoryStart(ledgerId: string, plan: SyncPlan): Promise<string | null> {
  const known = await db.ledgerSyncState.findFirst({ where: { ledgerId, historyFrom: { not: null } }, select: { historyFrom: true } });
  if (known?.historyFrom) return dbDateToLedgerDate(known.historyFrom);
  const loaded = plan.source.kind === "partner" ? await loadPartnerCredentials(plan.source.partnerId) : await loadSalesUnitCredentials(plan.source.salesUnitId);
  if (!loaded) throw Object.assign(new Error("no keys"), { syncCode: "NO_KEYS" });
  const client = reportApiClientFor(loaded.credentials, "background");
  let first: string | null = null;
  for await (const page of client.iterateFeedPages(plan.ledgerExternalId, "funds", { maxPages: 1 })) first = page.items[0]?.ledgerDate ?? null;
  if (first) {
    for (const topic of TOPICS) {
      await db.ledgerSyncState.upsert({ where: { ledgerId_topic: { ledgerId, topic } }, create: { ledgerId, topic, historyFrom: ledgerDateToDb(first) }, update: { historyFrom: ledgerDateToDb(first) } });
    }
  }
  return first;
}

interface CachedDates {
  /** Dates of the list cached in both topics after the run (before or now). */
  complete: Set<string>;
  fetched: number;
  entries: number;
  failure: string | null;
}

/**
 * Caches every closed date of the list not cached yet (with personal data if the plan asks for it), at most
 * SYNC_CONCURRENCY upstream reads at once, each date once whatever else is reading it (cache-closed-day.ts).
 * Stops starting new reads after the first upstream failure.
 */
export async function cacheDates(ledgerId: string, plan: SyncPlan, dates: readonly string[]): Promise<CachedDates> {
  const out: CachedDates = { complete: new Set(), fetched: 0, entries: 0, failure: null };
  if (dates.length === 0) return out;
  const cached = await findCachedDays(ledgerId, { from: dates[0]!, to: dates.at(-1)! });
  const done = new Map<string, number>();
  const todo: { topic: Topic; date: string }[] = [];
  for (const date of dates) {
    for (const topic of TOPICS) {
      const hit = cached.get(cacheKey(topic, date));
      if (hit && (hit.hasPersonalData || !plan.withPersonalData)) done.set(date, (done.get(date) ?? 0) + 1);
      else todo.push({ topic, date });
    }
  }
  await mapWithConcurrency(todo, SYNC_CONCURRENCY, async ({ topic, date }) => {
    if (out.failure) return;
    try {
      const o = await cacheClosedDay({ ledgerId, ledgerExternalId: plan.ledgerExternalId, timeZone: plan.timeZone, source: plan.source, topic, date, withPersonalData: plan.withPersonalData, budget: "background" });
      if (o.state !== "cached") return;
      done.set(date, (done.get(date) ?? 0) + 1);
      if (o.fetched) {
        out.fetched++;
        out.entries += o.entryCount;
      }
    } catch (err) {
      const failure = (err as { syncCode?: string }).syncCode ?? upstreamProblemOf(err)?.problem ?? null;
      if (!failure) throw err;
      out.failure ??= failure;
    }
  });
  for (const [date, n] of done) if (n === TOPICS.length) out.complete.add(date);
  return out;
}

/** Splits the history before the recent window into chunks, newest first (the dates people look at first). */
export function historyChunks(history: DateRange | null, recent: DateRange | null): DateRange[] {
  if (!history || !recent || history.from >= recent.from) return [];
  const chunks: DateRange[] = [];
  for (let to = addDays(recent.from, -1); to >= history.from; to = addDays(to, -HISTORY_CHUNK_DAYS)) {
    const from = addDays(to, -(HISTORY_CHUNK_DAYS - 1));
    chunks.push({ from: from < history.from ? history.from : from, to });
  }
  return chunks;
}

/**
 * P3: one sync run for a ledger. Caches the recent closed dates not cached yet (the dates endpoint is the
 * authority on "closed" and on the order of entries), SYNC_CONCURRENCY reads at once, and records how far the
 * ledger is complete (lastClosedDate) and lastSyncedAt, or the error code. The older history, from the ledger's
 * first date, is queued as chunk jobs any worker can take (`history: "enqueue"`, what the job does), cached here
 * (`"inline"`) or left (`"skip"`). First, it blanks cached personal data no active grant needs any more. Runs of
 * the same ledger never overlap (a PostgreSQL advisory lock); chunks of its history may run side by side.
 */
export async function syncLedger(ledgerId: string, opts: { source?: UpstreamSource; now?: Date; history?: HistoryMode; enqueueChunk?: (chunk: DateRange, source: UpstreamSource) => Promise<void> } = {}): Promise<SyncOutcome> {
  const now = opts.now ?? new Date();
  // Grants end by the portal's calendar; the dates to read end at "today" in the ledger's own zone (the plan's).
  const grantsToday = todayPortalDate(now);
  await purgeUnneededPersonalData(ledgerId, grantsToday);
  const plan = await planLedgerSync(ledgerId, grantsToday, opts.source);
  const idle = { datesCached: 0, entriesCached: 0, lastClosedDate: null, historyFrom: null, historyChunks: [] };
  if (!plan) {
    if (await db.ledger.count({ where: { id: ledgerId } })) await recordProblem(ledgerId, TOPICS, "NO_KEYS", now);
    return { status: "no-keys", ...idle };
  }
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${`ledger-sync:${ledgerId}`})) AS locked`;
      if (!lock?.locked) return { status: "busy" as const, ...idle };
      return runSync(ledgerId, plan, todayLedgerDate(now, plan.timeZone), now, opts.history ?? "skip", opts.enqueueChunk);
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
}

async function runSync(ledgerId: string, plan: SyncPlan, today: string, now: Date, history: HistoryMode, enqueueChunk?: (chunk: DateRange, source: UpstreamSource) => Promise<void>): Promise<SyncOutcome> {
  let failure: string | null = null;
  let historyFrom: string | null = null;
  try {
    historyFrom = history === "skip" ? null : await findHistoryStart(ledgerId, plan);
  } catch (err) {
    failure = (err as { syncCode?: string }).syncCode ?? upstreamProblemOf(err)?.problem ?? null;
    if (!failure) throw err;
  }

  const states = await db.ledgerSyncState.findMany({ where: { ledgerId }, select: { lastClosedDate: true } });
  let lastClosed = states.map((s) => (s.lastClosedDate ? dbDateToLedgerDate(s.lastClosedDate) : null)).reduce<string | null>((a, b) => (a === null || (b !== null && b > a) ? b : a), null);
  let datesCached = 0;
  let entriesCached = 0;
  const window = failure ? null : syncWindow(plan.bounds, today);
  if (window) {
    const dates = eachDate(window);
    const cached = await cacheDates(ledgerId, plan, dates);
    datesCached += cached.fetched;
    entriesCached += cached.entries;
    failure = cached.failure;
    // Complete through the last date before the first one not cached (an open date, or one that failed).
    for (const date of dates) {
      if (!cached.complete.has(date)) break;
      if (lastClosed === null || date > lastClosed) lastClosed = date;
    }
  }

  const chunks = failure ? [] : historyChunks(historyWindow(plan.bounds, historyFrom, today), window);
  if (history === "inline") {
    for (const chunk of chunks) {
      const cached = await cacheDates(ledgerId, plan, eachDate(chunk));
      datesCached += cached.fetched;
      entriesCached += cached.entries;
      if ((failure = cached.failure)) break;
    }
  } else if (history === "enqueue" && enqueueChunk) {
    for (const chunk of chunks) await enqueueChunk(chunk, plan.source);
  }

  // lastSyncedAt means "the last run that got through"; a failed run keeps the previous one and says why.
  const data = {
    ...(lastClosed ? { lastClosedDate: ledgerDateToDb(lastClosed) } : {}),
    ...(failure ? { lastError: failure, lastErrorAt: now } : { lastSyncedAt: now, lastError: null, lastErrorAt: null }),
  };
  for (const topic of TOPICS) {
    await db.ledgerSyncState.upsert({ where: { ledgerId_topic: { ledgerId, topic } }, create: { ledgerId, topic, ...data }, update: data });
  }
  logger().info({ ledgerId, source: plan.source.kind, datesCached, entriesCached, lastClosed, historyFrom, chunks: chunks.length, failure }, "ledger sync run");
  return { status: failure ? "failed" : "synced", datesCached, entriesCached, lastClosedDate: lastClosed, historyFrom, historyChunks: history === "skip" ? [] : chunks };
}

/**
 * One chunk of a ledger's history, run by a background job on any worker (several chunks of one ledger may run at
 * once: each date is fetched once whatever the concurrency). Uses the keys the sync chose, held again to what
 * they may read today (a grant may have ended since). Returns what it cached.
 */
export async function syncHistoryChunk(ledgerId: string, chunk: DateRange, source: UpstreamSource, now = new Date()): Promise<{ datesCached: number; entriesCached: number; failure: string | null }> {
  const plan = await planLedgerSync(ledgerId, todayPortalDate(now), source);
  if (!plan) return { datesCached: 0, entriesCached: 0, failure: "NO_KEYS" };
  const today = todayLedgerDate(now, plan.timeZone);
  const dates = clampRange(chunk, { from: plan.bounds.from, to: plan.bounds.to && plan.bounds.to < addDays(today, -1) ? plan.bounds.to : addDays(today, -1) });
  if (!dates) return { datesCached: 0, entriesCached: 0, failure: null };
  const cached = await cacheDates(ledgerId, plan, eachDate(dates));
  if (cached.failure) await recordProblem(ledgerId, TOPICS, cached.failure, now);
  return { datesCached: cached.fetched, entriesCached: cached.entries, failure: cached.failure };
}
