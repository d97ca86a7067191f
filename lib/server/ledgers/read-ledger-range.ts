import "server-only";
import { todayLedgerDate } from "@/lib/dates";
import { TOPICS, type Topic } from "@/lib/report-api";
import type { CallBudget } from "@/lib/server/credentials/report-api-client";
import { visibleBounds, type LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { completeThrough, rangeTotals, summarizeDays, type DayInput, type DaySummary, type EntryFacts, type FeesTotals, type FundsTotals } from "@/lib/ledgers/day-summary";
import { ensureLedgerDates } from "@/lib/server/ledgers/ensure-ledger-dates";
import { factsOfUpstreamEntry } from "@/lib/server/ledgers/entry-view";
import { cacheKey, loadEntryFacts } from "@/lib/server/ledgers/ledger-cache";
import { clampRange, eachDate, type DateRange } from "@/lib/ledgers/range";
import { recordLedgerRead } from "@/lib/server/ledgers/record-ledger-read";
import { worstProblem, type UpstreamProblem } from "@/lib/server/ledgers/upstream-problem";

/** What the ledger view shows for a range: figures and checks per date, totals, and how complete it is. */
export interface LedgerRangeView {
  ledgerId: string;
  currency: string;
  requested: DateRange;
  /** The requested range inside the reader's window, or null when they do not overlap (nothing was read). */
  shown: DateRange | null;
  /** The reader's window: the grant period, and nothing after today. For the date picker. */
  bounds: { from: string | null; to: string };
  today: string;
  days: DaySummary[];
  totals: { funds: FundsTotals; fees: FeesTotals };
  /** Every date of the shown range up to this one is closed: its figures are final. */
  completeThrough: string | null;
  /** Dates upstream still adds entries to (`tryLater`): their figures may change. */
  openDates: string[];
  unavailableDates: string[];
  /** Why some dates could not be read (the most actionable reason), or null. */
  problem: UpstreamProblem | null;
  retryAfterSeconds: number | null;
  /** (topic, date) pairs served without calling upstream, and those read upstream in this request. */
  fromCache: number;
  fromUpstream: number;
  personalData: boolean;
  /** Some dates are shown without the personal data this reader may see (upstream failed on the refetch). */
  personalDataMissing: boolean;
}

function emptyView(access: LedgerAccess, requested: DateRange, bounds: LedgerRangeView["bounds"], today: string): LedgerRangeView {
  return {
    ledgerId: access.ledger.externalId,
    currency: access.ledger.currency,
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
  const now = opts.now ?? new Date();
  const today = todayLedgerDate(now);
  const bounds = visibleBounds(access, today);
  const shown = clampRange(requested, bounds);
  if (!shown) return emptyView(access, requested, bounds, today);

  const dates = eachDate(shown);
  const ensured = await ensureLedgerDates(access, shown, dates, opts.budget);
  const cachedFacts = await loadEntryFacts(access.ledger.id, shown);

  const byDay = new Map<string, EntryFacts[]>();
  for (const f of cachedFacts) {
    const key = cacheKey(f.topic, f.ledgerDate);
    const list = byDay.get(key);
    if (list) list.push(f);
    else byDay.set(key, [f]);
  }

  const problems: UpstreamProblem[] = [];
  let personalDataMissing = false;
  const inputs: DayInput[] = dates.map((date) => {
    const perTopic = {} as Record<Topic, EntryFacts[] | null>;
    let state: DayInput["state"] = "closed";
    for (const topic of TOPICS) {
      const s = ensured.statuses.get(cacheKey(topic, date));
      if (!s || s.status === "unavailable") {
        if (s) problems.push(s.problem);
        state = "unavailable";
        perTopic[topic] = null;
      } else if (s.status === "open") {
        if (state === "closed") state = "open";
        perTopic[topic] = s.entries.map((e, seq) => factsOfUpstreamEntry(topic, date, seq, e));
      } else {
        personalDataMissing ||= s.personalDataMissing;
        perTopic[topic] = byDay.get(cacheKey(topic, date)) ?? [];
      }
    }
    return state === "unavailable" ? { date, state, funds: null, fees: null } : { date, state, funds: perTopic.funds, fees: perTopic.fees };
  });

  const days = summarizeDays(inputs);
  await recordLedgerRead(access, shown, { now });
  return {
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
}
