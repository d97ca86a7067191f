import { isReportApiError } from "@/lib/report-api";
import { MissingKeysError } from "@/lib/server/ledgers/fetch-ledger-date";
import type { UpstreamProblem } from "@/lib/ledgers/types";

/** The problem for an error thrown by a fetch, or null for an error that is ours (and must propagate). */
export function upstreamProblemOf(err: unknown): { problem: UpstreamProblem; retryAfterMs?: number } | null {
  if (err instanceof MissingKeysError) return { problem: "NO_KEYS" };
  if (!isReportApiError(err)) return null;
  switch (err.code) {
    case "UNAUTHENTICATED":
      return { problem: "UNAUTHENTICATED" };
    case "NOT_FOUND":
      return { problem: "NOT_FOUND" };
    case "RATE_LIMITED":
      return { problem: "RATE_LIMITED", ...(err.retryAfterMs !== undefined ? { retryAfterMs: err.retryAfterMs } : {}) };
    default:
      // INVALID_INPUT for a date we validated, a broken contract, 5xx or timeouts: upstream is not usable now.
      return { problem: "UPSTREAM_UNAVAILABLE" };
  }
}

/** When several dates failed, the one problem worth telling first (the one a person can act on). */
export function worstProblem(problems: readonly UpstreamProblem[]): UpstreamProblem | null {
  const order: UpstreamProblem[] = ["NO_KEYS", "UNAUTHENTICATED", "NOT_FOUND", "RATE_LIMITED", "UPSTREAM_UNAVAILABLE"];
  return order.find((p) => problems.includes(p)) ?? null;
}
