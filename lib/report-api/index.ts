/**
 * Typed client for the Vipps MobilePay Report API (feature X1). Import from `@/lib/report-api`.
 * Framework-free: no Next.js imports, so it runs in the app, scripts, workers and tests.
 */
export { createReportApiClient } from "./client";
export { ReportApiError, appErrorCodeFor, isReportApiError } from "./errors";
export { sharedTokenCache } from "./tokens";
export type * from "./types";
export { TOPICS } from "./types";
