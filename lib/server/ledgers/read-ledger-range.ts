import "server-only";
import { todayLedgerDate } from "@/lib/dates";
import { TOPICS, type Topic } from "@/lib/report-api";
import type { CallBudget } from "@/lib/server/credentials/report-api-client";
import { visibleBounds, type LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { completeThrough, rangeTotals, type DayState, type EntryFacts } from "@/lib/ledgers/day-summary";
import { composeDays, digestDate, type DateDigest, type DigestInput } from "@/lib/ledgers/date-digest";
import { ensureLedgerDates, type EnsuredDates } from "@/lib/server/ledgers/ensure-ledger-dates";
import { factsOfUpstreamEntry } from "@/lib/server/ledgers/entry-view";
import { backfillDateSummary, cacheKey, loadDateDigests, loadEntryFacts } from "@/lib/server/ledgers/ledger-cache";
import { clampRange, eachDate, type DateRange } from "@/lib/ledgers/range";
import { recordLedgerRead } from "@/lib/server/ledgers/record-ledger-read";
import { worstProblem } from "@/lib/server/ledgers/upstream-problem";
import type { UpstreamProblem, LedgerRangeView } from "@/lib/ledgers/types";

function emptyView(access: LedgerAccess, requested: DateRange, bounds: LedgerRangeView["bounds"], today: string): LedgerRangeView {
  return {
    ledgerId: access.ledger.externalId,
    currency: access.ledger.currency,
    timeZone: access.ledger.timeZone,
    requested,
    shown: null,
    bounds,
    today,
    days: [],
    totals: rangeTotals([]),
    completeThrough: null,
    openDates: [],
    unavailableDates: [],
    problem: null,
    retryAfterSeconds: null,
    fromCache: 0,
    fromUpstream: 0,
    personalData: access.personalData,
    personalDataMissing: false,
  };
}

/**
 * P2/M6: reads a range of ledger dates for a reader that passed the access checks. The range is clamped to the
 * reader's window first (grant period, nothing after today): dates outside are neither fetched nor shown.
 * Partner reads are recorded for the merchant's access log.
 */
export async function readLedgerRange(access: LedgerAccess, requested: DateRange, opts: { now?: Date; budget?: CallBudget } = {}): Promise<LedgerRangeView> {
  return (await readLedgerRangeWithStatuses(access, requested, opts)).view;
}

/**
 * readLedgerRange, also returning what it found of every (topic, date), so the first page of entries of the same
 * request does not look the dates up again. A cached range costs one read of the cached days and one read of
 * their stored summaries (docs/decisions/024), whatever its length; entries are read only for dates that have no
 * summary yet (an open date, or one cached before summaries existed, whose summary is then stored once).
 */
export async function readLedgerRangeWithStatuses(access: LedgerAccess, requested: DateRange, opts: { now?: Date; budget?: CallBudget } = {}): Promise<{ view: LedgerRangeView; ensured: EnsuredDates | null }> {
  const now = opts.now ?? new Date();
  const today = todayLedgerDate(now, access.ledger.timeZone);
  const bounds = visibleBounds(access, today);
  const shown = clampRange(requested, bounds);
  if (!shown) return { view: emptyView(access, requested, bounds, today), ensured: null };

  const dates = eachDate(shown);
  const ensured = await ensureLedgerDates(access, shown, dates, opts.budget);
  const digests = await loadDateDigests(access.ledger.id, shown);

  const problems: UpstreamProblem[] = [];
  let personalDataMissing = false;
  const statusOf = (topic: Topic, date: string) => ensured.statuses.get(cacheKey(topic, date));
  // Dates without a stored summary: the cached topics' entries are read (one query for all of them).
  const needFacts: string[] = [];
  for (const date of dates) {
    const s = TOPICS.map((t) => statusOf(t, date));
    if (s.some((x) => !x || x.status === "unavailable")) continue;
    // Both cached: the stored summary, or one computed and stored now (backfill). Mixed: the cached topic's entries.
    if (s.every((x) => x?.status === "cached")) continue;
    if (s.some((x) => x?.status === "cached")) needFacts.push(date);
  }
  const facts = await loadEntryFacts(access.ledger.id, needFacts);

  const inputs: DigestInput[] = [];
  for (const date of dates) {
    const perTopic = {} as Record<Topic, EntryFacts[] | null>;
    let state: DayState = "closed";
    for (const topic of TOPICS) {
      const s = statusOf(topic, date);
      if (!s || s.status === "unavailable") {
        if (s) problems.push(s.problem);
        state = "unavailable";
        perTopic[topic] = null;
      } else if (s.status === "open") {
        if (state === "closed") state = "open";
        perTopic[topic] = s.entries.map((e, seq) => factsOfUpstreamEntry(topic, date, seq, e));
      } else {
        personalDataMissing ||= s.personalDataMissing;
        perTopic[topic] = null;
      }
    }
    if (state === "unavailable") {
      inputs.push({ date, state, digest: null });
      continue;
    }
    let digest: DateDigest | null = state === "closed" ? (digests.get(date) ?? (await backfillDateSummary(access.ledger.id, date))) : null;
    if (!digest) {
      // An open date (its cached topic's entries were read above), or a closed one whose summary could not be
      // stored because a topic's copy went away meanwhile (read its entries now).
      const source = state === "closed" ? await loadEntryFacts(access.ledger.id, [date]) : facts;
      const of = (topic: Topic) => perTopic[topic] ?? source.filter((f) => f.topic === topic && f.ledgerDate === date);
      digest = digestDate(of("funds"), of("fees"));
    }
    inputs.push({ date, state, digest });
  }

  const days = composeDays(inputs);
  await recordLedgerRead(access, shown, { now });
  const view: LedgerRangeView = {
    ...emptyView(access, requested, bounds, today),
    shown,
    days,
    totals: rangeTotals(days),
    completeThrough: completeThrough(days),
    openDates: days.filter((d) => d.state === "open").map((d) => d.date),
    unavailableDates: days.filter((d) => d.state === "unavailable").map((d) => d.date),
    problem: worstProblem(problems),
    retryAfterSeconds: ensured.retryAfterMs === null ? null : Math.ceil(ensured.retryAfterMs / 1000),
    fromCache: ensured.fromCache,
    fromUpstream: ensured.fromUpstream,
    personalDataMissing,
  };
  return { view, ensured };
}
