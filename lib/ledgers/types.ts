// Shapes of ledger reads as the ledger view receives them (pure: no server code, safe in the browser).
import type { Topic } from "@/lib/report-api";
import type { MoneyCurrency } from "@/lib/money";
import type { DaySummary, FeesTotals, FundsTotals } from "@/lib/ledgers/day-summary";
import type { DateRange } from "@/lib/ledgers/range";

/**
 * One entry as a browser receives it. Money in integer minor units. The personal fields are present only for
 * readers entitled to them; for everyone else they are not sent at all (not even as null).
 */
export interface LedgerEntryView {
  /** Stable within the ledger: topic, date and position. */
  key: string;
  topic: Topic;
  ledgerDate: string;
  seq: number;
  time: string;
  entryType: string;
  pspReference: string;
  reference: string;
  amount: number;
  balanceBefore: number;
  balanceAfter: number;
  recipientHandle: string | null;
  personal?: { name: string | null; maskedPhoneNo: string | null; message: string | null };
}

/**
 * Why a date could not be read, in words the page can explain: no keys stored, keys refused, upstream does not
 * let these keys see the ledger (the upstream grant is missing), upstream asked us to slow down, or it is down.
 */
export type UpstreamProblem = "NO_KEYS" | "UNAUTHENTICATED" | "NOT_FOUND" | "RATE_LIMITED" | "UPSTREAM_UNAVAILABLE";

export interface LedgerEntriesPage {
  entries: LedgerEntryView[];
  /** Entries matching the query in the whole range (all pages). */
  total: number;
  nextCursor: string | null;
  shown: DateRange | null;
}

/** What the ledger view shows for a range: figures and checks per date, totals, and how complete it is. */
export interface LedgerRangeView {
  ledgerId: string;
  currency: MoneyCurrency;
  /** The ledger's zone (its merchant's country): entry times are shown in it, and "today" is its date. */
  timeZone: string;
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

export type SyncJobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export interface LedgerSyncStatus {
  /** The last run that got through (oldest of the two topics). */
  lastSyncedAt: string | null;
  lastClosedDate: string | null;
  /** Code of the last failure (NO_KEYS, UNAUTHENTICATED, NOT_FOUND, RATE_LIMITED, UPSTREAM_UNAVAILABLE), if later than the last success. */
  lastError: string | null;
  lastErrorAt: string | null;
  /**
   * The dates a sync caches for this reader (the ledger's whole closed history within the reader's period, once
   * the sync has found where it starts; the last month until then), and how many of them are cached (both topics).
   */
  window: DateRange | null;
  windowDates: number;
  cachedDates: number;
  job: { id: string; state: SyncJobState } | null;
  /** The history is still being cached in the background (the sync found its start and has not caught up). */
  backfilling: boolean;
  /** When this status was read: relative times ("5 minutes ago") are counted from here, on server and client alike. */
  checkedAt: string;
}
