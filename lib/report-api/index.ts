/**
 * Typed client for the Vipps MobilePay Report API (feature X1). Import from `@/lib/report-api`.
 * Framework-free: no Next.js imports, so it runs in the app, scripts, workers and tests.
 */
export { createReportApiClient, type ReportApiClientOptions } from "./client";
export { ReportApiError, REPORT_API_ERROR_CODES, appErrorCodeFor, isReportApiError, type ReportApiErrorCode } from "./errors";
export { KNOWN_ENTRY_TYPES, KNOWN_FEES_ENTRY_TYPES, KNOWN_FUNDS_ENTRY_TYPES, isKnownEntryType, type KnownEntryType } from "./entry-types";
export { TokenCache, sharedTokenCache, refreshMarginMs } from "./tokens";
export { DEFAULT_RETRY_POLICY, DEFAULT_TIMEOUT_MS } from "./http";
export { DEFAULT_SYSTEM_INFO, isLedgerDate } from "./config";
export { maskClientId } from "./redact";
export { feedPageSchema, ledgerDatePageSchema, ledgerEntrySchema, ledgerSchema, ledgersPageSchema, tokenResponseSchema } from "./schemas";
export { categorizeEntry, checkBalanceChain, summarizeByDate, summarizeEntries, type BalanceProblem, type DateTotals, type EntryCategory } from "./transform";
export type * from "./types";
export { TOPICS } from "./types";
