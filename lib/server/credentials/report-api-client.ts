import "server-only";
import { createReportApiClient, type ReportApiClient, type ReportApiCredentials, type RetryPolicy } from "@/lib/report-api";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";

/**
 * How hard to try before giving up. A person waiting on a page gets a short budget (and sees "try again"
 * quickly when upstream is down); background jobs use the client's default, longer budget.
 */
export type CallBudget = "interactive" | "background";

const INTERACTIVE: { timeoutMs: number; retry: Partial<RetryPolicy> } = {
  timeoutMs: 10_000,
  retry: { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 2_000, maxRetryAfterMs: 5_000 },
};

/**
 * A Report API client for stored keys, against the configured upstream (the sandbox or api.vipps.no). Tokens
 * are cached process-wide per key set by the client library, so creating a client per request is cheap.
 */
export function reportApiClientFor(credentials: ReportApiCredentials, budget: CallBudget = "interactive"): ReportApiClient {
  return createReportApiClient({
    baseUrl: env().REPORT_API_BASE_URL,
    credentials,
    logger: logger(),
    ...(budget === "interactive" ? INTERACTIVE : {}),
  });
}
