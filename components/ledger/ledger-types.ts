import type { Action } from "@/components/ledger/action-call";
import type { LedgerEntriesPage, LedgerRangeView, LedgerSyncStatus } from "@/lib/ledgers/types";

/** Which ledger the view reads: a partner names the ledger, a merchant the sales unit whose keys read it. */
export type LedgerTarget = { ledgerId: string } | { msn: string };

/** The server actions behind one ledger view (partner or merchant flavour; same shapes). */
export interface LedgerActions {
  readRange: Action<LedgerRangeView>;
  readEntries: Action<LedgerEntriesPage>;
  syncNow: Action<{ jobId: string | null }>;
  syncStatus: Action<LedgerSyncStatus>;
}

export type { LedgerEntriesPage, LedgerRangeView, LedgerSyncStatus };

/** One key factory for every ledger query, so invalidation names exactly what it means (style C11). */
export const ledgerKeys = {
  all: (target: LedgerTarget) => ["ledger", target] as const,
  range: (target: LedgerTarget, from: string, to: string) => ["ledger", target, "range", from, to] as const,
  entries: (target: LedgerTarget, q: { from: string; to: string; topic: string; search: string; after: string | undefined }) =>
    ["ledger", target, "entries", q.from, q.to, q.topic, q.search, q.after ?? ""] as const,
  sync: (target: LedgerTarget, jobId: string | null) => ["ledger", target, "sync", jobId ?? ""] as const,
};
