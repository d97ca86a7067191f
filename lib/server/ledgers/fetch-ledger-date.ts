import "server-only";
import { shiftLedgerDate, todayLedgerDate } from "@/lib/dates";
import type { LedgerEntry, Topic } from "@/lib/report-api";
import { loadPartnerCredentials, loadSalesUnitCredentials } from "@/lib/server/credentials/load-credentials";
import { reportApiClientFor, type CallBudget } from "@/lib/server/credentials/report-api-client";
import type { UpstreamSource } from "@/lib/server/ledgers/access/ledger-access";

export interface FetchedDate {
  state: "closed" | "open";
  entries: LedgerEntry[];
  withPersonalData: boolean;
  /** Upstream said 404 for a date that can be that young: shown and retried like an open date. */
  notAvailableYet?: true;
}

/**
 * Whether a 404 on `date` can mean "not available yet" (the 2023 spec) rather than "no such ledger / no access":
 * only for yesterday and today, which may not have been made available yet. Older dates exist or are refused.
 */
export function mayBeNotAvailableYet(date: string, timeZone: string, now: Date = new Date()): boolean {
  return date >= shiftLedgerDate(todayLedgerDate(now, timeZone), -1);
}

/** No usable keys are stored for the source: nothing can be fetched (cached dates can still be shown). */
export class MissingKeysError extends Error {
  constructor() {
    super("No usable Report API keys are stored for this reader");
    this.name = "MissingKeysError";
  }
}

/**
 * An open date (upstream `tryLater`) is still changing and is never stored; it is kept in memory for a minute
 * so that paging through its entries, or a second reader, does not call upstream on every click. The figures
 * of an open date are at most this old, and the page says the date is still changing.
 */
export const OPEN_DATE_TTL_MS = 60_000;
const OPEN_DATE_MAX = 500;
const openDates = new Map<string, { at: number; result: FetchedDate }>();
const inflight = new Map<string, Promise<FetchedDate>>();

const sourceKey = (s: UpstreamSource) => (s.kind === "partner" ? `p:${s.partnerId}` : `s:${s.salesUnitId}`);

/** A recent read of an open date, if one is fresh enough (a copy with personal data serves readers without). */
export function recentOpenDate(ledgerExternalId: string, topic: Topic, date: string, withPersonalData: boolean, now = Date.now()): FetchedDate | null {
  for (const pd of withPersonalData ? [true] : [false, true]) {
    const hit = openDates.get(`${ledgerExternalId}|${topic}|${date}|${pd}`);
    if (hit && now - hit.at < OPEN_DATE_TTL_MS) return hit.result;
  }
  return null;
}

function rememberOpenDate(ledgerExternalId: string, topic: Topic, date: string, result: FetchedDate): void {
  if (openDates.size >= OPEN_DATE_MAX) {
    const oldest = openDates.keys().next().value;
    if (oldest !== undefined) openDates.delete(oldest);
  }
  openDates.set(`${ledgerExternalId}|${topic}|${date}|${result.withPersonalData}`, { at: Date.now(), result });
}

/** Forgets every remembered open date (tests). */
export function forgetOpenDates(): void {
  openDates.clear();
}

/**
 * Reads one ledger date upstream with the source's own keys. Callers must hold a LedgerAccess (or be the sync
 * job acting for a source) and pass `withPersonalData` only when that reader may have it: the GDPR fields are
 * requested from upstream only then. Concurrent identical reads in this process share one upstream read.
 */
export function fetchLedgerDate(source: UpstreamSource, ledger: { externalId: string; timeZone: string }, topic: Topic, date: string, withPersonalData: boolean, budget: CallBudget = "interactive"): Promise<FetchedDate> {
  const ledgerExternalId = ledger.externalId;
  const key = `${sourceKey(source)}|${ledgerExternalId}|${topic}|${date}|${withPersonalData}`;
  const running = inflight.get(key);
  if (running) return running;
  const promise = (async () => {
    const loaded = source.kind === "partner" ? await loadPartnerCredentials(source.partnerId) : await loadSalesUnitCredentials(source.salesUnitId);
    if (!loaded) throw new MissingKeysError();
    const day = await reportApiClientFor(loaded.credentials, budget).getLedgerDate(ledgerExternalId, topic, date, {
      includeGDPRSensitiveData: withPersonalData,
      notYetAvailableOn404: mayBeNotAvailableYet(date, ledger.timeZone),
    });
    const result: FetchedDate = { state: day.state, entries: day.entries, withPersonalData, ...(day.notAvailableYet ? { notAvailableYet: true as const } : {}) };
    if (result.state === "open") rememberOpenDate(ledgerExternalId, topic, date, result);
    return result;
  })().finally(() => inflight.delete(key));
  inflight.set(key, promise);
  return promise;
}
