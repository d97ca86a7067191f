import "server-only";
import { todayLedgerDate } from "@/lib/dates";
import type { Topic } from "@/lib/report-api";
import type { CallBudget } from "@/lib/server/credentials/report-api-client";
import { visibleBounds, type LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { ensureLedgerDates, type TopicDateStatus } from "@/lib/server/ledgers/ensure-ledger-dates";
import { recentOpenDate } from "@/lib/server/ledgers/fetch-ledger-date";
import { cacheKey, findCachedDays, type CachedDay } from "@/lib/server/ledgers/ledger-cache";
import { clampRange, eachDate, type DateRange } from "@/lib/ledgers/range";
import { resolveColumns, type ExportColumn } from "@/lib/exports/columns";
import type { ExportOptions } from "@/lib/exports/schemas";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

/** The first three dates of a refusal, then an ellipsis: enough to find them, short enough for a toast. */
const firstDates = (list: readonly string[]) => `${list.slice(0, 3).join(", ")}${list.length > 3 ? ", …" : ""}`;

/** Everything an export stream needs, decided before its first byte: the dates, their state, the columns. */
export interface ExportPlan {
  access: LedgerAccess;
  options: ExportOptions;
  range: DateRange;
  dates: string[];
  topics: Topic[];
  columns: ExportColumn[];
  /** Cached (topic, date) days by cacheKey; open days carry their entries in `open`. */
  cached: Map<string, CachedDay>;
  open: Map<string, Extract<TopicDateStatus, { status: "open" }>>;
  openDates: string[];
}

export type ExportRefusal =
  | { code: "OUTSIDE_GRANT"; message: string }
  | { code: "OPEN_DATES"; message: string; dates: string[] }
  | { code: "UNAVAILABLE"; message: string; dates: string[]; retryAfterSeconds: number | null };

export const topicsOf = (o: Pick<ExportOptions, "topics">): Topic[] => (o.topics === "both" ? ["funds", "fees"] : [o.topics]);

/** The requested period inside what the reader may see (grant period, nothing after today), or null. */
export function exportRange(access: LedgerAccess, options: Pick<ExportOptions, "from" | "to">, now = new Date()): DateRange | null {
  return clampRange({ from: options.from, to: options.to }, visibleBounds(access, todayLedgerDate(now, access.ledger.timeZone)));
}

function outside(): { ok: false; refusal: ExportRefusal } {
  return { ok: false, refusal: { code: "OUTSIDE_GRANT", message: serverErrors("exportOutsideGrant") } };
}

/**
 * Prepares an export: makes every (topic, date) of the period readable through the ledger service (closed dates
 * fetched once into the cache, open dates read upstream and kept in memory), then refuses what would make an
 * incomplete-looking file: an unreadable date, or a date still changing when the reader did not ask for those.
 */
export async function planExport(access: LedgerAccess, options: ExportOptions, opts: { now?: Date; budget?: CallBudget } = {}): Promise<{ ok: true; plan: ExportPlan } | { ok: false; refusal: ExportRefusal }> {
  const range = exportRange(access, options, opts.now);
  if (!range) return outside();
  const dates = eachDate(range);
  const topics = topicsOf(options);
  const ensured = await ensureLedgerDates(access, range, dates, opts.budget);
  const open = new Map<string, Extract<TopicDateStatus, { status: "open" }>>();
  const unavailable = new Set<string>();
  const openDates = new Set<string>();
  for (const date of dates) {
    for (const topic of topics) {
      const s = ensured.statuses.get(cacheKey(topic, date));
      if (!s || s.status === "unavailable" || (s.status === "cached" && s.personalDataMissing)) unavailable.add(date);
      else if (s.status === "open") {
        open.set(cacheKey(topic, date), s);
        openDates.add(date);
      }
    }
  }
  if (unavailable.size > 0) {
    const list = [...unavailable];
    return {
      ok: false,
      refusal: {
        code: "UNAVAILABLE",
        dates: list,
        retryAfterSeconds: ensured.retryAfterMs === null ? null : Math.ceil(ensured.retryAfterMs / 1000),
        message: serverErrors("exportUpstreamUnavailable", { count: list.length, dates: firstDates(list) }),
      },
    };
  }
  if (openDates.size > 0 && !options.includeOpen) {
    const list = [...openDates];
    return {
      ok: false,
      refusal: {
        code: "OPEN_DATES",
        dates: list,
        message: serverErrors("exportOpenDates", { count: list.length, dates: firstDates(list) }),
      },
    };
  }
  const cached = await findCachedDays(access.ledger.id, range);
  const columns = resolveColumns({ purpose: options.purpose, chosen: options.columns ?? null, personalData: access.personalData, includeOpen: openDates.size > 0 });
  return { ok: true, plan: { access, options, range, dates, topics, columns, cached, open, openDates: [...openDates] } };
}

export interface PrepareProgress {
  /** Dates of the period (after clamping to the grant). */
  total: number;
  /** Dates whose every topic is cached or was just read as still changing. */
  ready: number;
  openDates: string[];
  unavailableDates: string[];
  done: boolean;
  range: DateRange | null;
}

/** Dates fetched per prepare step: a visible step of progress, gentle on upstream (ensureLedgerDates runs 4 at once). */
export const PREPARE_STEP_DATES = 7;

/**
 * One step of preparing an export (the dialog calls it until done, showing the progress): fetches the next few
 * dates not cached yet through the ledger service, then reports how far the period is.
 */
export async function prepareExportStep(access: LedgerAccess, options: ExportOptions, opts: { now?: Date } = {}): Promise<PrepareProgress> {
  const range = exportRange(access, options, opts.now);
  if (!range) return { total: 0, ready: 0, openDates: [], unavailableDates: [], done: true, range: null };
  const dates = eachDate(range);
  const topics = topicsOf(options);
  const missing = await missingDates(access, range, dates, topics);
  const step = missing.slice(0, PREPARE_STEP_DATES);
  const unavailable: string[] = [];
  const open = new Set<string>();
  if (step.length > 0) {
    const from = step[0]!;
    const to = step.at(-1)!;
    const ensured = await ensureLedgerDates(access, { from, to }, step);
    for (const date of step) {
      for (const topic of topics) {
        const s = ensured.statuses.get(cacheKey(topic, date));
        if (!s || s.status === "unavailable") unavailable.push(date);
        else if (s.status === "open") open.add(date);
      }
    }
  }
  const stillMissing = await missingDates(access, range, dates, topics);
  const recentOpen = dates.filter((d) => topics.some((t) => recentOpenDate(access.ledger.externalId, t, d, access.personalData)));
  for (const d of recentOpen) open.add(d);
  const unavailableDates = [...new Set(unavailable)];
  return {
    total: dates.length,
    ready: dates.length - stillMissing.length,
    openDates: [...open].sort(),
    unavailableDates,
    done: stillMissing.length === 0 || unavailableDates.length > 0,
    range,
  };
}

/** Dates with a topic neither cached (with personal data when the reader may see it) nor read as open lately. */
async function missingDates(access: LedgerAccess, range: DateRange, dates: readonly string[], topics: readonly Topic[]): Promise<string[]> {
  const cached = await findCachedDays(access.ledger.id, range);
  return dates.filter((date) =>
    topics.some((topic) => {
      const hit = cached.get(cacheKey(topic, date));
      if (hit && (hit.hasPersonalData || !access.personalData)) return false;
      return !(!hit && recentOpenDate(access.ledger.externalId, topic, date, access.personalData));
    }),
  );
}
