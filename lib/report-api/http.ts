/**
 * One logical HTTP request with bounded retries: exponential backoff with full jitter on 408/429/5xx, timeouts
 * and network errors; `Retry-After` honoured up to a cap; a per-attempt timeout (`AbortSignal.timeout`). Non-
 * retryable answers (2xx, 4xx) are returned to the caller, which maps them; exhausted retries throw here.
 */
import { ReportApiError } from "./errors";
import { upstreamErrorBodySchema } from "./schemas";
import type { FetchLike, ReportApiLogger, RetryPolicy } from "./types";

export interface HttpContext {
  baseUrl: string;
  fetch: FetchLike;
  logger: ReportApiLogger;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  timeoutMs: number;
  retry: RetryPolicy;
}

export interface HttpRequest {
  method: "GET" | "POST";
  /** Path without query string; logged as is, so it must not carry secrets. */
  path: string;
  query?: Record<string, string | undefined>;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Short operation name for logs, e.g. `token`, `dates`. */
  op: string;
}

export interface HttpResult {
  status: number;
  /** Parsed JSON body, or undefined when the body was empty. */
  body: unknown;
  attempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8_000, maxRetryAfterMs: 20_000 };
export const DEFAULT_TIMEOUT_MS = 15_000;

type AttemptOutcome =
  | { kind: "response"; status: number; body: unknown; retryAfterMs: number | undefined; invalidJson: boolean }
  | { kind: "timeout" | "network"; error: unknown };

const INVALID_JSON = Symbol("invalid-json");

export function buildUrl(baseUrl: string, path: string, query?: Record<string, string | undefined>): string {
  const url = new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  // `new URL("/x", "http://h/base/")` drops `/base`; keep any base path the caller configured.
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, "");
  url.pathname = `${basePath}${path}`;
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/** `Retry-After` as delay-seconds or an HTTP date; undefined when absent or unparsable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Full jitter: uniform in [0, min(cap, base·2^(retry-1))]. `retry` is 1 for the first retry. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.floor(random() * ceiling);
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

async function attemptOnce(ctx: HttpContext, req: HttpRequest, url: string): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  try {
    const res = await ctx.fetch(url, { method: req.method, headers: req.headers, body: req.body, signal, redirect: "manual" });
    const text = await res.text();
    let body: unknown = undefined;
    if (text.trim() !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        body = INVALID_JSON;
      }
    }
    const retryAfterMs = parseRetryAfter(res.headers.get("retry-after"), ctx.now());
    return { kind: "response", status: res.status, body: body === INVALID_JSON ? undefined : body, retryAfterMs, invalidJson: body === INVALID_JSON };
  } catch (error) {
    if (req.signal?.aborted) throw req.signal.reason;
    return { kind: timeout.aborted ? "timeout" : "network", error };
  }
}

function errorKind(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: unknown } }).cause;
    return typeof cause?.code === "string" ? cause.code : error.name;
  }
  return "unknown";
}

/** Vendor code and context id from an error body, for `ReportApiError` (no free text). */
export function upstreamIds(body: unknown): { upstreamCode?: string; contextId?: string } {
  const parsed = upstreamErrorBodySchema.parse(body ?? {});
  const code = parsed.errorCode ?? parsed.code ?? parsed.error;
  return { upstreamCode: code === undefined ? undefined : String(code).slice(0, 64), contextId: parsed.contextId?.slice(0, 64) };
}

/**
 * Sends `req` until it gets a non-retryable answer or the attempt budget is spent. Returns 2xx and 4xx answers
 * (except 408/429); throws `RATE_LIMITED`, `UPSTREAM_UNAVAILABLE` or `UPSTREAM_INVALID` when retries run out.
 */
export async function requestWithRetry(ctx: HttpContext, req: HttpRequest): Promise<HttpResult> {
  const url = buildUrl(ctx.baseUrl, req.path, req.query);
  const { maxAttempts, maxRetryAfterMs } = ctx.retry;
  const base = { op: req.op, method: req.method, path: req.path };
  let attempt = 0;
  for (;;) {
    attempt += 1;
    const started = ctx.now();
    const outcome = await attemptOnce(ctx, req, url);
    const durationMs = ctx.now() - started;

    if (outcome.kind === "response" && !isRetryableStatus(outcome.status) && !(outcome.invalidJson && outcome.status < 300)) {
      ctx.logger.debug({ ...base, status: outcome.status, attempt, durationMs }, "report-api request");
      return { status: outcome.status, body: outcome.body, attempts: attempt };
    }

    const status = outcome.kind === "response" ? outcome.status : undefined;
    const failure = outcome.kind === "response" ? (outcome.invalidJson ? "invalid-json" : `http-${outcome.status}`) : `${outcome.kind}:${errorKind(outcome.error)}`;
    const retryAfterMs = outcome.kind === "response" ? outcome.retryAfterMs : undefined;
    const tooLongToWait = retryAfterMs !== undefined && retryAfterMs > maxRetryAfterMs;

    if (attempt >= maxAttempts || tooLongToWait) {
      ctx.logger.warn({ ...base, status, failure, attempt, durationMs, retryAfterMs, gaveUp: true }, "report-api request failed");
      throw exhaustedError(outcome, req.path, attempt, retryAfterMs);
    }

    const jitter = backoffDelay(attempt, ctx.retry, ctx.random);
    // Retry-After is a floor; a little jitter on top spreads callers that were all told the same time.
    const delayMs = retryAfterMs !== undefined ? retryAfterMs + Math.floor(ctx.random() * ctx.retry.baseDelayMs) : jitter;
    ctx.logger.warn({ ...base, status, failure, attempt, durationMs, delayMs }, "report-api request retrying");
    await ctx.sleep(delayMs);
    if (req.signal?.aborted) throw req.signal.reason;
  }
}

function exhaustedError(outcome: AttemptOutcome, path: string, attempts: number, retryAfterMs: number | undefined): ReportApiError {
  if (outcome.kind !== "response") {
    const what = outcome.kind === "timeout" ? "timed out" : "could not be reached";
    return new ReportApiError("UPSTREAM_UNAVAILABLE", `Report API ${what} after ${attempts} attempt(s)`, { attempts, path });
  }
  const ids = upstreamIds(outcome.body);
  if (outcome.invalidJson) {
    return new ReportApiError("UPSTREAM_INVALID", `Report API answered ${outcome.status} with a body that is not JSON`, { status: outcome.status, attempts, path });
  }
  if (outcome.status === 429) {
    return new ReportApiError("RATE_LIMITED", `Report API rate limit: still 429 after ${attempts} attempt(s)`, { status: 429, attempts, path, retryAfterMs, ...ids });
  }
  return new ReportApiError("UPSTREAM_UNAVAILABLE", `Report API answered ${outcome.status} after ${attempts} attempt(s)`, { status: outcome.status, attempts, path, retryAfterMs, ...ids });
}
