import "server-only";
import type { Topic } from "@/lib/report-api";
import type { CallBudget } from "@/lib/server/credentials/report-api-client";
import type { UpstreamSource } from "@/lib/server/ledgers/access/ledger-access";
import { fetchLedgerDate, type FetchedDate } from "@/lib/server/ledgers/fetch-ledger-date";
import { cacheClosedDayGuarded, type ClosedDayOutcome } from "@/lib/server/ledgers/ledger-cache";

const flights = new Map<string, Promise<ClosedDayOutcome<FetchedDate>>>();

/**
 * Makes one (topic, date) of a ledger readable from the cache, fetching it upstream only if no one has: every
 * reader in this process asking for the same date at once shares one flight (one database lock, one upstream
 * read), and readers in other processes wait on the database lock and then find the date cached. An open date
 * comes back as such (never stored). The caller has checked that `source` may read this date.
 */
export function cacheClosedDay(args: { ledgerId: string; ledgerExternalId: string; timeZone: string; source: UpstreamSource; topic: Topic; date: string; withPersonalData: boolean; budget: CallBudget }): Promise<ClosedDayOutcome<FetchedDate>> {
  const key = `${args.ledgerId}|${args.topic}|${args.date}|${args.withPersonalData}`;
  const running = flights.get(key);
  // A follower shares the leader's read but did not fetch anything itself: counting it as fetched would count one
  // upstream read twice (two history chunks overlapping in one process reported 63 dates cached for 62 reads).
  if (running) return running.then((o) => (o.state === "cached" ? { ...o, fetched: false } : o));
  const flight = cacheClosedDayGuarded({
    ledgerId: args.ledgerId,
    ledgerExternalId: args.ledgerExternalId,
    topic: args.topic,
    date: args.date,
    withPersonalData: args.withPersonalData,
    fetch: () => fetchLedgerDate(args.source, { externalId: args.ledgerExternalId, timeZone: args.timeZone }, args.topic, args.date, args.withPersonalData, args.budget),
  }).finally(() => flights.delete(key));
  flights.set(key, flight);
  return flight;
}
