// What a browser may know about stored API keys (pure: no server code, safe in the browser).

export interface UpstreamLedger {
  ledgerId: string;
  currency: string | null;
  salesUnits: { name: string | null; recipientHandle: string }[];
}
/** The outcome of "test connection": the ledgers upstream lists for these keys, or why it could not. */
export type ConnectionTestResult =
  | { ok: true; verifiedAt: string; ledgers: UpstreamLedger[] }
  | { ok: false; problem: "NO_KEYS" | "UNAUTHENTICATED" | "UPSTREAM_UNAVAILABLE" | "NOT_FOUND" | "INVALID_INPUT" };

/** What a browser may know about stored keys: a masked client id and when they were stored and last worked. */
export interface StoredKeysView {
  maskedClientId: string;
  storedAt: string;
  lastVerifiedAt: string | null;
}
