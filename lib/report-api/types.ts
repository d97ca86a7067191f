/**
 * Public types of the Report API client. Pure types: no Next.js, no I/O, so scripts, workers and tests can
 * import them. Response shapes are inferred from the zod schemas in `schemas.ts`.
 */
import type { LedgerEntry, Ledger } from "./schemas";

export type { LedgerEntry, Ledger } from "./schemas";

/** The two report topics (accounts) of a ledger. */
export type Topic = "funds" | "fees";
export const TOPICS: readonly Topic[] = ["funds", "fees"];

/**
 * Keys for one caller. Merchant (sales-unit) keys use the standard token flow and read the one ledger of their MSN;
 * accounting-partner keys use the specialized flow and read every ledger granted to the partner.
 */
export type ReportApiCredentials =
  | { kind: "merchant"; clientId: string; clientSecret: string; subscriptionKey: string; msn: string }
  | { kind: "partner"; clientId: string; clientSecret: string };

export type KeyKind = ReportApiCredentials["kind"];

/** Values of the optional `Vipps-System-*` headers (each at most 30 printable ASCII characters). */
export interface SystemInfo {
  systemName: string;
  systemVersion: string;
  pluginName?: string;
  pluginVersion?: string;
}

type LogFn = (obj: Record<string, unknown>, msg?: string) => void;

/** The subset of pino's interface the client uses; a pino logger fits as is. */
export interface ReportApiLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** Bounded retries with exponential backoff and full jitter. */
export interface RetryPolicy {
  /** Upstream attempts per logical request (token fetch or page), first try included. */
  maxAttempts: number;
  /** Backoff before retry n (n ≥ 1) is `random() * min(maxDelayMs, baseDelayMs * 2^(n-1))`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429/503 `Retry-After` longer than this is not waited for: the call fails with `RATE_LIMITED`/`UPSTREAM_UNAVAILABLE`. */
  maxRetryAfterMs: number;
}

/** Injected effects, so tests are fast and deterministic. All optional; defaults use the real world. */
export interface ReportApiDeps {
  fetch?: FetchLike;
  logger?: ReportApiLogger;
  /** Milliseconds since the epoch. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1); used for backoff jitter. */
  random?: () => number;
}

/** One ledger-date page, as yielded by `iterateLedgerDatePages`. */
export interface LedgerDatePage {
  /** 0-based page number within this ledger date. */
  index: number;
  items: LedgerEntry[];
  hasMore: boolean;
  /** True while the date is not closed: the data may still change. */
  tryLater: boolean;
}

/** All entries of one ledger date. `state: "open"` (upstream `tryLater`) is a normal result, not an error. */
export interface LedgerDateResult {
  ledgerId: string;
  topic: Topic;
  date: string;
  state: "closed" | "open";
  entries: LedgerEntry[];
  /** Number of pages read. */
  pages: number;
  /** Upstream answered 404 and the caller said that means "not available yet" (`notYetAvailableOn404`). */
  notAvailableYet?: true;
}

/** One feed page, as yielded by `iterateFeedPages`. Persist `cursor` after processing `items`. */
export interface FeedPage {
  index: number;
  items: LedgerEntry[];
  /** Position after this page; pass it back to continue. */
  cursor: string;
  /** End of the feed for now (upstream `tryLater`): retry later with the same cursor. */
  tryLater: boolean;
}

export interface FeedReadResult {
  entries: LedgerEntry[];
  /** Where to continue next time. Never empty. */
  cursor: string;
  /** True when the end of the feed was reached; false when `maxPages` stopped the read first. */
  caughtUp: boolean;
  pages: number;
}

export interface CallOptions {
  /** Cancels the call (and any backoff wait); the abort reason is rethrown. */
  signal?: AbortSignal;
}

export interface LedgerDateOptions extends CallOptions {
  /** Adds payer name, masked phone number and message (VM-number payments), repeated on every page. */
  includeGDPRSensitiveData?: boolean;
  /** Safety stop for paging; exceeding it fails with `UPSTREAM_INVALID`. Default 10,000. */
  maxPages?: number;
  /**
   * Read a 404 as the 2023 spec's "report for this date is not available yet": the result is `state: "open"`
   * with no entries and `notAvailableYet`, instead of `NOT_FOUND`. Only the caller knows which dates can be
   * that young (yesterday and today in the ledger's time zone); on older dates a 404 means no access.
   */
  notYetAvailableOn404?: boolean;
}

export interface FeedOptions extends CallOptions {
  /** Omit to start from the beginning of the ledger. */
  cursor?: string;
  includeGDPRSensitiveData?: boolean;
  /** Stop after this many pages (then `caughtUp` is false). Default 100. */
  maxPages?: number;
}

export interface ListLedgersOptions extends CallOptions {
  /** Only ledgers that settle for this handle, e.g. `api:212001` or `NO:557711`. */
  settlesForRecipientHandles?: string;
}

export interface ReportApiClient {
  readonly keyKind: KeyKind;
  /** Fetches (or reuses) a token; resolves if the keys are accepted, else throws `UNAUTHENTICATED`. */
  verifyCredentials(options?: CallOptions): Promise<void>;
  /** Every ledger these keys may read, all pages. */
  listLedgers(options?: ListLedgersOptions): Promise<Ledger[]>;
  /** Every entry of one ledger date, all pages; `state: "open"` while the date is not closed. */
  getLedgerDate(ledgerId: string, topic: Topic, date: string, options?: LedgerDateOptions): Promise<LedgerDateResult>;
  iterateLedgerDatePages(ledgerId: string, topic: Topic, date: string, options?: LedgerDateOptions): AsyncGenerator<LedgerDatePage, void, undefined>;
  /** Reads the feed from `cursor` until its end (`caughtUp`) or `maxPages`. */
  readFeed(ledgerId: string, topic: Topic, options?: FeedOptions): Promise<FeedReadResult>;
  iterateFeedPages(ledgerId: string, topic: Topic, options?: FeedOptions): AsyncGenerator<FeedPage, void, undefined>;
}

