/**
 * The Report API client (feature X1): tokens, headers per key type, one 401 retry with a fresh token, cursor
 * paging, `tryLater` as state, zod-validated responses, errors mapped to `ReportApiError` codes.
 * No Next.js imports: runs in the app, in scripts, in workers and in tests.
 */
import type { z } from "zod";
import { apiHeaders, systemHeaders, validateArgs, validateClientConfig } from "./config";
import { ReportApiError, isReportApiError } from "./errors";
import { DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT_MS, requestWithRetry, upstreamIds, type HttpContext } from "./http";
import { SensitiveValues, createRedactingLogger, maskClientId, noopLogger } from "./redact";
import { feedPageSchema, ledgerDatePageSchema, ledgersPageSchema, type FeedPageRaw, type LedgerDatePageRaw, type Ledger, type LedgerEntry } from "./schemas";
import { fetchToken, sharedTokenCache, tokenCacheKey, type TokenCache } from "./tokens";
import type {
  CallOptions,
  FeedOptions,
  FeedPage,
  FeedReadResult,
  LedgerDateOptions,
  LedgerDatePage,
  LedgerDateResult,
  ListLedgersOptions,
  ReportApiClient,
  ReportApiCredentials,
  ReportApiDeps,
  RetryPolicy,
  SystemInfo,
  Topic,
} from "./types";

export interface ReportApiClientOptions extends ReportApiDeps {
  /** `https://api.vipps.no` in production; the sandbox URL locally. */
  baseUrl: string;
  credentials: ReportApiCredentials;
  systemInfo?: SystemInfo;
  /** Per-attempt timeout (connect + full body). Default 15 s. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Defaults to one process-wide cache, so clients created per request still share tokens. */
  tokenCache?: TokenCache;
}

const DEFAULT_DATE_MAX_PAGES = 10_000;
const DEFAULT_FEED_MAX_PAGES = 100;
const DEFAULT_LEDGERS_MAX_PAGES = 1_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves like `promise`, or rejects with the abort reason as soon as `signal` aborts. */
function raceSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

export function createReportApiClient(options: ReportApiClientOptions): ReportApiClient {
  const { baseUrl, credentials, systemInfo } = validateClientConfig(options);
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  if (!Number.isInteger(retry.maxAttempts) || retry.maxAttempts < 1) {
    throw new ReportApiError("INVALID_INPUT", "Invalid retry.maxAttempts", { attempts: 0, issues: ["retry.maxAttempts"] });
  }
  const sensitive = new SensitiveValues([
    credentials.clientId,
    credentials.clientSecret,
    credentials.kind === "merchant" ? credentials.subscriptionKey : undefined,
    Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`, "utf8").toString("base64"),
  ]);
  const logger = createRedactingLogger(options.logger ?? noopLogger, sensitive, {
    component: "report-api",
    keyKind: credentials.kind,
    clientId: maskClientId(credentials.clientId),
  });
  const now = options.now ?? Date.now;
  const ctx: HttpContext = {
    baseUrl,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    logger,
    now,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retry,
  };
  const system = systemHeaders(systemInfo);
  const cache = options.tokenCache ?? sharedTokenCache;
  const cacheKey = tokenCacheKey(baseUrl, credentials);
  const flow = credentials.kind === "merchant" ? "standard" : "specialized";

  async function fetchAndTrackToken() {
    const started = now();
    // Not tied to any caller's signal: the request is shared by every concurrent caller (single-flight).
    const token = await fetchToken(ctx, credentials, system);
    sensitive.add(token.accessToken);
    logger.info({ flow, lifetimeS: Math.round(token.lifetimeMs / 1000), durationMs: now() - started }, "report-api token fetched");
    return token;
  }

  function getToken(signal?: AbortSignal): Promise<string> {
    return raceSignal(cache.get(cacheKey, fetchAndTrackToken, now), signal);
  }

  /** GET with the bearer token; on 401 drops that token, gets a fresh one and retries exactly once. */
  async function authedGet<S extends z.ZodType>(op: string, path: string, query: Record<string, string | undefined>, schema: S, signal: AbortSignal | undefined, ledgerScoped: boolean): Promise<z.output<S>> {
    let token = await getToken(signal);
    let res = await requestWithRetry(ctx, { method: "GET", path, query, headers: apiHeaders(credentials, token, system), signal, op });
    let attempts = res.attempts;
    if (res.status === 401) {
      logger.info({ op, path, status: 401, attempt: attempts }, "report-api token refused; refreshing once");
      cache.invalidate(cacheKey, token);
      token = await getToken(signal);
      res = await requestWithRetry(ctx, { method: "GET", path, query, headers: apiHeaders(credentials, token, system), signal, op });
      attempts += res.attempts;
    }
    if (res.status < 200 || res.status >= 300) throw statusError(res.status, res.body, path, attempts, ledgerScoped);
    const parsed = schema.safeParse(res.body);
    if (!parsed.success) {
      const issues = [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "(root)"))].slice(0, 20);
      throw new ReportApiError("UPSTREAM_INVALID", `Report API response failed validation (${issues.slice(0, 3).join(", ")})`, { status: res.status, attempts, path, issues });
    }
    return parsed.data;
  }

  /** Runs `fn`, logging a failure once with safe fields. */
  async function logged<T>(op: string, fields: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
    const started = now();
    try {
      return await fn();
    } catch (error) {
      if (isReportApiError(error)) {
        logger.warn({ op, ...fields, code: error.code, status: error.status, attempts: error.attempts, path: error.path, durationMs: now() - started }, "report-api call failed");
      }
      throw error;
    }
  }

  function datePage(ledgerId: string, topic: Topic, date: string, cursor: string | undefined, gdpr: boolean, signal?: AbortSignal): Promise<LedgerDatePageRaw> {
    const path = `/report/v2/ledgers/${encodeURIComponent(ledgerId)}/${topic}/dates/${date}`;
    return authedGet("dates", path, { cursor, includeGDPRSensitiveData: gdpr ? "true" : undefined }, ledgerDatePageSchema, signal, true);
  }

  function feedPage(ledgerId: string, topic: Topic, cursor: string | undefined, gdpr: boolean, signal?: AbortSignal): Promise<FeedPageRaw> {
    const path = `/report/v2/ledgers/${encodeURIComponent(ledgerId)}/${topic}/feed`;
    return authedGet("feed", path, { cursor, includeGDPRSensitiveData: gdpr ? "true" : undefined }, feedPageSchema, signal, true);
  }

  async function* iterateLedgerDatePages(ledgerId: string, topic: Topic, date: string, opts: LedgerDateOptions = {}): AsyncGenerator<LedgerDatePage, void, undefined> {
    validateArgs({ ledgerId, topic, date, maxPages: opts.maxPages });
    const maxPages = opts.maxPages ?? DEFAULT_DATE_MAX_PAGES;
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let index = 0; ; index++) {
      const page = await datePage(ledgerId, topic, date, cursor, opts.includeGDPRSensitiveData === true, opts.signal);
      const path = `/report/v2/ledgers/${ledgerId}/${topic}/dates/${date}`;
      // An entry of another date would be booked on the wrong day (and cached there for good): refuse the page.
      const foreign = page.items.findIndex((e) => e.ledgerDate !== date);
      if (foreign !== -1) {
        throw new ReportApiError("UPSTREAM_INVALID", "Report API returned an entry of another ledger date", { attempts: 1, path, issues: [`items.${foreign}.ledgerDate`] });
      }
      if (page.hasMore) {
        if (!page.cursor) throw new ReportApiError("UPSTREAM_INVALID", "Report API said hasMore without a cursor", { attempts: 1, path, issues: ["cursor"] });
        if (seen.has(page.cursor)) throw new ReportApiError("UPSTREAM_INVALID", "Report API repeated a paging cursor", { attempts: 1, path, issues: ["cursor"] });
        if (index + 1 >= maxPages) throw new ReportApiError("UPSTREAM_INVALID", `Ledger date has more than ${maxPages} pages`, { attempts: 1, path });
        seen.add(page.cursor);
      }
      yield { index, items: page.items, hasMore: page.hasMore, tryLater: page.tryLater };
      if (!page.hasMore) return;
      cursor = page.cursor;
    }
  }

  async function* iterateFeedPages(ledgerId: string, topic: Topic, opts: FeedOptions = {}): AsyncGenerator<FeedPage, void, undefined> {
    validateArgs({ ledgerId, topic, cursor: opts.cursor, maxPages: opts.maxPages });
    const maxPages = opts.maxPages ?? DEFAULT_FEED_MAX_PAGES;
    const path = `/report/v2/ledgers/${ledgerId}/${topic}/feed`;
    const seenCursors = new Set<string>(opts.cursor === undefined ? [] : [opts.cursor]);
    const seenEntries = new Set<string>();
    let cursor = opts.cursor;
    for (let index = 0; index < maxPages; index++) {
      const page = await feedPage(ledgerId, topic, cursor, opts.includeGDPRSensitiveData === true, opts.signal);
      const stuck = cursor !== undefined && page.cursor === cursor;
      // A cursor that did not move is the end of the feed only with nothing in it: items served at an unmoved
      // cursor would be served again from it next time (doubled), and following it would loop.
      if (stuck && page.items.length > 0) {
        throw new ReportApiError("UPSTREAM_INVALID", "Report API returned feed entries without moving the cursor", { attempts: 1, path, issues: ["cursor"] });
      }
      if (!stuck && seenCursors.has(page.cursor)) {
        throw new ReportApiError("UPSTREAM_INVALID", "Report API repeated a feed cursor", { attempts: 1, path, issues: ["cursor"] });
      }
      seenCursors.add(page.cursor);
      const items = page.items.filter((e) => {
        const id = feedEntryId(e);
        if (seenEntries.has(id)) return false;
        seenEntries.add(id);
        return true;
      });
      if (items.length < page.items.length) logger.warn({ op: "feed", path, dropped: page.items.length - items.length }, "report-api feed repeated entries; dropped");
      const atEnd = page.tryLater || stuck;
      yield { index, items, cursor: page.cursor, tryLater: atEnd };
      if (atEnd) return;
      cursor = page.cursor;
    }
  }

  return {
    keyKind: credentials.kind,

    async verifyCredentials(opts: CallOptions = {}) {
      await logged("verify", {}, () => getToken(opts.signal));
    },

    listLedgers(opts: ListLedgersOptions = {}): Promise<Ledger[]> {
      return logged("ledgers", {}, async () => {
        const filter = opts.settlesForRecipientHandles;
        if (filter !== undefined && (filter.length === 0 || filter.length > 200)) {
          throw new ReportApiError("INVALID_INPUT", "Invalid settlesForRecipientHandles", { attempts: 0, issues: ["settlesForRecipientHandles"] });
        }
        const ledgers: Ledger[] = [];
        const seen = new Set<string>();
        let cursor: string | undefined;
        for (let page = 0; page < DEFAULT_LEDGERS_MAX_PAGES; page++) {
          const res = await authedGet("ledgers", "/settlement/v1/ledgers", { settlesForRecipientHandles: filter, cursor }, ledgersPageSchema, opts.signal, false);
          ledgers.push(...res.items);
          if (!res.cursor) return ledgers;
          if (seen.has(res.cursor)) throw new ReportApiError("UPSTREAM_INVALID", "Report API repeated a ledgers cursor", { attempts: 1, path: "/settlement/v1/ledgers", issues: ["cursor"] });
          seen.add(res.cursor);
          cursor = res.cursor;
        }
        throw new ReportApiError("UPSTREAM_INVALID", "Ledger list did not end", { attempts: 1, path: "/settlement/v1/ledgers" });
      });
    },

    getLedgerDate(ledgerId: string, topic: Topic, date: string, opts: LedgerDateOptions = {}): Promise<LedgerDateResult> {
      return logged("dates", { ledgerId, topic, date }, async () => {
        const entries: LedgerDateResult["entries"] = [];
        let pages = 0;
        let open = false;
        try {
          for await (const page of iterateLedgerDatePages(ledgerId, topic, date, opts)) {
            pages += 1;
            entries.push(...page.items);
            open ||= page.tryLater;
          }
        } catch (error) {
          // Only a 404 on the first page: one later in the paging is not "the date is not there yet".
          if (opts.notYetAvailableOn404 && pages === 0 && isReportApiError(error) && error.code === "NOT_FOUND" && error.status === 404) {
            logger.info({ op: "dates", ledgerId, topic, date, status: 404 }, "report-api date not available yet (404)");
            return { ledgerId, topic, date, state: "open", entries: [], pages: 0, notAvailableYet: true };
          }
          throw error;
        }
        return { ledgerId, topic, date, state: open ? "open" : "closed", entries, pages };
      });
    },

    iterateLedgerDatePages,

    readFeed(ledgerId: string, topic: Topic, opts: FeedOptions = {}): Promise<FeedReadResult> {
      return logged("feed", { ledgerId, topic }, async () => {
        const entries: FeedReadResult["entries"] = [];
        let pages = 0;
        let caughtUp = false;
        let cursor = opts.cursor;
        for await (const page of iterateFeedPages(ledgerId, topic, opts)) {
          pages += 1;
          entries.push(...page.items);
          cursor = page.cursor;
          caughtUp = page.tryLater;
        }
        if (cursor === undefined) throw new ReportApiError("UPSTREAM_INVALID", "Feed returned no cursor", { attempts: 0 });
        return { entries, cursor, caughtUp, pages };
      });
    },

    iterateFeedPages,
  };
}

/**
 * The feed has no entry id, and `pspReference` is not unique (several fees per capture): an entry is identified
 * by its date, reference, type, time and place in the balance chain, which no two real entries share.
 */
function feedEntryId(e: LedgerEntry): string {
  return JSON.stringify([e.ledgerDate, e.pspReference, e.entryType, e.time, e.amount, e.balanceBefore, e.balanceAfter]);
}

function statusError(status: number, body: unknown, path: string, attempts: number, ledgerScoped: boolean): ReportApiError {
  const details = { status, attempts, path, ...upstreamIds(body) };
  switch (true) {
    case status === 401:
      return new ReportApiError("UNAUTHENTICATED", "The Report API refused the keys (401 after a fresh token)", details);
    case status === 404 || (status === 403 && ledgerScoped):
      // Upstream hides whether a ledger exists from keys that may not read it.
      return new ReportApiError("NOT_FOUND", "Ledger not found or not visible to these keys", details);
    case status === 403:
      return new ReportApiError("UNAUTHENTICATED", "The Report API refused these keys (403)", details);
    case status === 400 || status === 422:
      return new ReportApiError("INVALID_INPUT", `The Report API rejected the request (${status})`, details);
    default:
      return new ReportApiError("UPSTREAM_INVALID", `The Report API answered an unexpected ${status}`, details);
  }
}
