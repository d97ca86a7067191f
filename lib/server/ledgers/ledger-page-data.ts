import "server-only";
import { todayLedgerDate } from "@/lib/dates";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { listLedgerEntries } from "@/lib/server/ledgers/list-ledger-entries";
import { rangeFromSearchParams } from "@/lib/server/ledgers/page-range";
import { readLedgerRangeWithStatuses } from "@/lib/server/ledgers/read-ledger-range";
import { getLedgerSyncStatus } from "@/lib/server/ledgers/sync/sync-status";
import type { DateRange } from "@/lib/ledgers/range";
import type { LedgerEntriesPage, LedgerRangeView, LedgerSyncStatus } from "@/lib/ledgers/types";

export interface LedgerPageData {
  view: LedgerRangeView;
  entries: { range: DateRange; topic: "funds"; page: LedgerEntriesPage };
  sync: LedgerSyncStatus;
  /** Why the range in the address was not used (range schema messages, `formErrorText` says them); empty when it was. */
  rangeErrors: string[];
}

/**
 * First paint of a ledger page (server component): the range's figures, the first page of funds entries and the
 * sync status, for a reader that passed the access checks. Read in order: the figures make the dates readable
 * (fetching what is missing once), the entries then come from the cache.
 */
export async function loadLedgerPageData(access: LedgerAccess, searchParams: Record<string, string | string[] | undefined>): Promise<LedgerPageData> {
  const { range, errors } = rangeFromSearchParams(searchParams, todayLedgerDate(new Date(), access.ledger.timeZone));
  const { view, ensured } = await readLedgerRangeWithStatuses(access, range);
  const [page, sync] = await Promise.all([listLedgerEntries(access, range, { topic: "funds" }, ensured ? { ensured } : {}), getLedgerSyncStatus(access)]);
  return { view, entries: { range, topic: "funds", page }, sync, rangeErrors: errors };
}
