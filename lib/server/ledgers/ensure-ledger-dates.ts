import "server-only";
import { TOPICS, type LedgerEntry, type Topic } from "@/lib/report-api";
import type { CallBudget } from "@/lib/server/credentials/report-api-client";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { cacheClosedDay } from "@/lib/server/ledgers/cache-closed-day";
import { recentOpenDate } from "@/lib/server/ledgers/fetch-ledger-date";
import { cacheKey, findCachedDays } from "@/lib/server/ledgers/ledger-cache";
import { mapWithConcurrency } from "@/lib/server/ledgers/map-with-concurrency";
import type { DateRange } from "@/lib/ledgers/range";
import { upstreamProblemOf } from "@/lib/server/ledgers/upstream-problem";
import { rateLimiters } from "@/lib/server/rate-limit/rate-limiter";
import type { RateLimitSubject } from "@/lib/server/rate-limit/limits";
import type { UpstreamProblem } from "@/lib/ledgers/types";

export type TopicDateStatus =
  | { status: "cached"; personalDataMissing: boolean; entryCount: number }
  | { status: "open"; entries: LedgerEntry[] }
  | { status: "unavailable"; problem: UpstreamProblem };

export interface EnsuredDates {
  /** Keyed by cacheKey(topic, date). */
  statuses: Map<string, TopicDateStatus>;
  fromCache: number;
  fromUpstream: number;
  retryAfterMs: number | null;
}

/** Upstream reads one request may run at once: enough to fill a month quickly, gentle on upstream. */
const UPSTREAM_CONCURRENCY = 4;

/**
 * Makes every (topic, date) of the range readable: closed dates from the cache, or fetched once and cached (once
 * whatever the concurrency: cache-closed-day.ts);
 * open dates fetched (or taken from the last minute's read) and kept in memory only. The caller has already
 * clamped `range` to what `access` may see: nothing outside it is fetched. An upstream failure marks that date
 * unavailable instead of failing the read, so cached dates still show when upstream is down.
 */
export async function ensureLedgerDates(access: LedgerAccess, range: DateRange, dates: readonly string[], budget: CallBudget = "interactive"): Promise<EnsuredDates> {
  const cached = await findCachedDays(access.ledger.id, range);
  const statuses = new Map<string, TopicDateStatus>();
  /** `stale`: the entry count of a copy cached without the personal data this reader may see, else null. */
  const toFetch: { topic: Topic; date: string; stale: number | null }[] = [];
  for (const date of dates) {
    for (const topic of TOPICS) {
      const hit = cached.get(cacheKey(topic, date));
      if (hit && (hit.hasPersonalData || !access.personalData)) {
        statuses.set(cacheKey(topic, date), { status: "cached", personalDataMissing: false, entryCount: hit.entryCount });
        continue;
      }
      const open = recentOpenDate(access.ledger.externalId, topic, date, access.personalData);
      if (!hit && open) {
        statuses.set(cacheKey(topic, date), { status: "open", entries: open.entries });
        continue;
      }
      toFetch.push({ topic, date, stale: hit ? hit.entryCount : null });
    }
  }

  let retryAfterMs: number | null = null;
  // A person's read that must go upstream counts against the upstream limit (pages and actions alike, shared by
  // every instance through PostgreSQL); background jobs do not. Refused: the missing dates show "slow down".
  if (toFetch.length > 0 && budget === "interactive") {
    const outcome = await rateLimiters().consume("upstream", readerSubject(access));
    if (!outcome.allowed) {
      for (const { topic, date, stale } of toFetch) {
        statuses.set(cacheKey(topic, date), stale !== null ? { status: "cached", personalDataMissing: true, entryCount: stale } : { status: "unavailable", problem: "RATE_LIMITED" });
      }
      return { statuses, fromCache: dates.length * TOPICS.length - toFetch.length, fromUpstream: 0, retryAfterMs: outcome.retryAfterSeconds * 1000 };
    }
  }
  let fromUpstream = 0;
  let cachedMeanwhile = 0;
  await mapWithConcurrency(toFetch, UPSTREAM_CONCURRENCY, async ({ topic, date, stale }) => {
    const key = cacheKey(topic, date);
    try {
      const outcome = await cacheClosedDay({ ledgerId: access.ledger.id, ledgerExternalId: access.ledger.externalId, timeZone: access.ledger.timeZone, source: access.source, topic, date, withPersonalData: access.personalData, budget });
      if (outcome.state === "cached") {
        // Cached meanwhile by another reader (this process or another instance): no upstream read of ours.
        if (outcome.fetched) fromUpstream++;
        else cachedMeanwhile++;
        statuses.set(key, { status: "cached", personalDataMissing: false, entryCount: outcome.entryCount });
      } else {
        fromUpstream++;
        statuses.set(key, { status: "open", entries: outcome.result.entries });
      }
    } catch (err) {
      const failure = upstreamProblemOf(err);
      if (!failure) throw err;
      if (failure.retryAfterMs !== undefined) retryAfterMs = Math.max(retryAfterMs ?? 0, failure.retryAfterMs);
      // A date cached without personal data is still worth showing (without them) when the refetch fails.
      statuses.set(key, stale !== null ? { status: "cached", personalDataMissing: true, entryCount: stale } : { status: "unavailable", problem: failure.problem });
    }
  });

  return { statuses, fromCache: dates.length * TOPICS.length - toFetch.length + cachedMeanwhile, fromUpstream, retryAfterMs };
}

/** The same subject the action wrapper counts: the person, and the organisation they read for. */
function readerSubject(access: LedgerAccess): RateLimitSubject {
  const r = access.reader;
  return { user: r.userId, tenant: r.kind === "partner" ? `partner:${r.partnerId}` : `merchant:${r.merchantId}` };
}
