/**
 * The client's one error class and its small, closed code set (style C16). Vendor codes never leak into the
 * code; they are kept as `upstreamCode` for support. Messages are built from our own strings only: no secret,
 * token, header or response body is ever put into an error.
 */

export const REPORT_API_ERROR_CODES = [
  /** The keys were refused (token endpoint 400/401, or 401 again after a fresh token). */
  "UNAUTHENTICATED",
  /** The ledger does not exist or is not visible to these keys; upstream does not tell the two apart. */
  "NOT_FOUND",
  /** Our request was refused as invalid (upstream 400/422), or the arguments failed local validation. */
  "INVALID_INPUT",
  /** Still 429 after the retry budget, or `Retry-After` longer than we are willing to wait. */
  "RATE_LIMITED",
  /** 5xx, timeouts or network errors after the retry budget. */
  "UPSTREAM_UNAVAILABLE",
  /** The response did not match the contract (schema, paging invariants, unexpected status). */
  "UPSTREAM_INVALID",
] as const;

export type ReportApiErrorCode = (typeof REPORT_API_ERROR_CODES)[number];

export interface ReportApiErrorDetails {
  /** Last upstream HTTP status, if a response was received. */
  status?: number;
  /** Upstream calls made for the failing request (token fetches excluded unless the token fetch failed). */
  attempts: number;
  /** Request path without query string, e.g. `/report/v2/ledgers/302101/funds/dates/2026-03-01`. */
  path?: string;
  /** Vendor error code from the body (`errorCode`, `code`, OAuth `error`), for support tickets. */
  upstreamCode?: string;
  /** Upstream `contextId`, if sent. */
  contextId?: string;
  /** For `RATE_LIMITED`: how long upstream asked us to wait. */
  retryAfterMs?: number;
  /** zod issue paths for `UPSTREAM_INVALID` (paths only: values may be personal data). */
  issues?: string[];
  cause?: unknown;
}

export class ReportApiError extends Error {
  override readonly name = "ReportApiError";
  readonly code: ReportApiErrorCode;
  readonly status: number | undefined;
  readonly attempts: number;
  readonly path: string | undefined;
  readonly upstreamCode: string | undefined;
  readonly contextId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly issues: string[] | undefined;

  constructor(code: ReportApiErrorCode, message: string, details: ReportApiErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.status = details.status;
    this.attempts = details.attempts;
    this.path = details.path;
    this.upstreamCode = details.upstreamCode;
    this.contextId = details.contextId;
    this.retryAfterMs = details.retryAfterMs;
    this.issues = details.issues;
  }

  /** Safe to log or return from a server action: our fields only, never the cause chain. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      attempts: this.attempts,
      path: this.path,
      upstreamCode: this.upstreamCode,
      contextId: this.contextId,
      retryAfterMs: this.retryAfterMs,
      issues: this.issues,
    };
  }
}

export function isReportApiError(value: unknown): value is ReportApiError {
  return value instanceof ReportApiError;
}

/**
 * The app-wide code (lib/errors `AppErrorCode`) for a client code, for server actions at the boundary: rate
 * limiting and contract violations are both "the upstream is not usable right now" to a user.
 */
export function appErrorCodeFor(code: ReportApiErrorCode): "UNAUTHENTICATED" | "NOT_FOUND" | "INVALID_INPUT" | "UPSTREAM_UNAVAILABLE" {
  switch (code) {
    case "UNAUTHENTICATED":
    case "NOT_FOUND":
    case "INVALID_INPUT":
      return code;
    case "RATE_LIMITED":
    case "UPSTREAM_UNAVAILABLE":
    case "UPSTREAM_INVALID":
      return "UPSTREAM_UNAVAILABLE";
  }
}
