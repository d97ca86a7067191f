import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, todayLedgerDate } from "@/lib/dates";
import { TOPICS, isReportApiError, type Topic } from "@/lib/report-api";
import { logger } from "@/lib/server/logger";
import { loadPartnerCredentials, loadSalesUnitCredentials } from "@/lib/server/credentials/load-credentials";
import { reportApiClientFor } from "@/lib/server/credentials/report-api-client";
import type { UpstreamSource } from "@/lib/server/ledgers/access/ledger-access";
import { fetchLedgerDate } from "@/lib/server/ledgers/fetch-ledger-date";
import { cacheKey, findCachedDays, storeClosedDay } from "@/lib/server/ledgers/ledger-cache";
import { addDays, clampRange, eachDate } from "@/lib/ledgers/range";
import { upstreamProblemOf } from "@/lib/server/ledgers/upstream-problem";
import { planLedgerSync, type SyncPlan } from "@/lib/server/ledgers/sync/sync-plan";
import { purgeUnneededPersonalData } from "@/lib/server/ledgers/sync/purge-personal-data";

/** How far back a sync pre-caches closed dates: the default views (a week, a month) open from the cache. */
export const SYNC_BACKFILL_DAYS = 31;
/** Feed pages read per topic and run; the stored cursor continues next time (a long feed takes a few runs). */
export const SYNC_FEED_PAGES_PER_RUN = 50;

export interface SyncOutcome {
  status: "synced" | "failed" | "busy" | "no-keys";
  feedEntries: number;
  datesCached: number;
  lastClosedDate: string | null;
}

/** The dates a run pre-caches: the backfill window inside the plan's bounds, up to yesterday. */
export function syncWindow(bounds: { from: string | null; to: string | null }, today: string) {
  return clampRange({ from: addDays(today, -SYNC_BACKFILL_DAYS), to: addDays(today, -1) }, bounds);
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
 * Follows one topic's feed from the stored cursor, persisting the cursor after every page, so a run stopped at
 * any point (a dropped connection, a killed worker) resumes after the last page it finished: nothing is read
 * twice and nothing skipped. Returns the entries read, also when it stopped early (then with the error).
 */
async function followFeed(ledgerId: string, plan: SyncPlan, topic: Topic): Promise<{ entries: number; error?: unknown }> {
  const state = await db.ledgerSyncState.upsert({ where: { ledgerId_topic: { ledgerId, topic } }, create: { ledgerId, topic }, update: {}, select: { feedCursor: true } });
  const loaded = plan.source.kind === "partner" ? await loadPartnerCredentials(plan.source.partnerId) : await loadSalesUnitCredentials(plan.source.salesUnitId);
  if (!loaded) throw Object.assign(new Error("no keys"), { syncCode: "NO_KEYS" });
  const client = reportApiClientFor(loaded.credentials, "background");
  let entries = 0;
  try {
    // The feed carries the whole ledger whatever the keys' grant period: its entries are counted, never stored.
    for await (const page of client.iterateFeedPages(plan.ledgerExternalId, topic, { cursor: state.feedCursor ?? undefined, maxPages: SYNC_FEED_PAGES_PER_RUN })) {
      entries += page.items.length;
      await db.ledgerSyncState.update({ where: { ledgerId_topic: { ledgerId, topic } }, data: { feedCursor: page.cursor } });
    }
  } catch (err) {
    // A cursor upstream no longer accepts (another environment, an old format) would fail every run: start over.
    if (isReportApiError(err) && err.code === "INVALID_INPUT" && state.feedCursor) {
      await db.ledgerSyncState.update({ where: { ledgerId_topic: { ledgerId, topic } }, data: { feedCursor: null } });
    }
    return { entries, error: err };
  }
  return { entries };
}

/**
 * P3: one sync run for a ledger. Follows the funds and fees feeds from their stored cursors, then walks the
 * backfill window forward and caches every closed date not cached yet (the dates endpoint is the authority on
 * "closed" and on the order of entries), stopping at the first open date. Records lastClosedDate and
 * lastSyncedAt, or the error code. First, it blanks cached personal data no active grant needs any more. Runs of the same ledger never overlap (a PostgreSQL advisory lock), so
 * several app instances can run workers.
 */
export async function syncLedger(ledgerId: string, opts: { source?: UpstreamSource; now?: Date } = {}): Promise<SyncOutcome> {
  const now = opts.now ?? new Date();
  const today = todayLedgerDate(now);
  await purgeUnneededPersonalData(ledgerId, today);
  const plan = await planLedgerSync(ledgerId, today, opts.source);
  if (!plan) {
    if (await db.ledger.count({ where: { id: ledgerId } })) await recordProblem(ledgerId, TOPICS, "NO_KEYS", now);
    return { status: "no-keys", feedEntries: 0, datesCached: 0, lastClosedDate: null };
  }
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${`ledger-sync:${ledgerId}`})) AS locked`;
      if (!lock?.locked) return { status: "busy" as const, feedEntries: 0, datesCached: 0, lastClosedDate: null };
      return runSync(ledgerId, plan, today, now);
    },
    { timeout: 30 * 60_000, maxWait: 10_000 },
  );
}

async function runSync(ledgerId: string, plan: SyncPlan, today: string, now: Date): Promise<SyncOutcome> {
  let feedEntries = 0;
  let failure: string | null = null;
  for (const topic of TOPICS) {
    try {
      const followed = await followFeed(ledgerId, plan, topic);
      feedEntries += followed.entries;
      if (followed.error !== undefined) throw followed.error;
    } catch (err) {
      failure = (err as { syncCode?: string }).syncCode ?? upstreamProblemOf(err)?.problem ?? null;
      if (!failure) throw err;
      break;
    }
  }

  const states = await db.ledgerSyncState.findMany({ where: { ledgerId }, select: { lastClosedDate: true } });
  let lastClosed = states.map((s) => (s.lastClosedDate ? dbDateToLedgerDate(s.lastClosedDate) : null)).reduce<string | null>((a, b) => (a === null || (b !== null && b > a) ? b : a), null);
  let datesCached = 0;
  const window = failure ? null : syncWindow(plan.bounds, today);
  if (window) {
    const cached = await findCachedDays(ledgerId, window);
    walk: for (const date of eachDate(window)) {
      for (const topic of TOPICS) {
        const hit = cached.get(cacheKey(topic, date));
        if (hit && (hit.hasPersonalData || !plan.withPersonalData)) continue;
        try {
          const fetched = await fetchLedgerDate(plan.source, plan.ledgerExternalId, topic, date, plan.withPersonalData, "background");
          if (fetched.state === "open") break walk;
          await storeClosedDay({ ledgerId, ledgerExternalId: plan.ledgerExternalId, topic, date, entries: fetched.entries, withPersonalData: fetched.withPersonalData });
          datesCached++;
        } catch (err) {
          failure = upstreamProblemOf(err)?.problem ?? null;
          if (!failure) throw err;
          break walk;
        }
      }
      if (lastClosed === null || date > lastClosed) lastClosed = date;
    }
  }

  // lastSyncedAt means "the last run that got through"; a failed run keeps the previous one and says why.
  const data = {
    ...(lastClosed ? { lastClosedDate: ledgerDateToDb(lastClosed) } : {}),
    ...(failure ? { lastError: failure, lastErrorAt: now } : { lastSyncedAt: now, lastError: null, lastErrorAt: null }),
  };
  for (const topic of TOPICS) {
    await db.ledgerSyncState.upsert({ where: { ledgerId_topic: { ledgerId, topic } }, create: { ledgerId, topic, ...data }, update: data });
  }
  logger().info({ ledgerId, source: plan.source.kind, feedEntries, datesCached, lastClosed, failure }, "ledger sync run");
  return { status: failure ? "failed" : "synced", feedEntries, datesCached, lastClosedDate: lastClosed };
}
