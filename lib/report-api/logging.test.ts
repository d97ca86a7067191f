import pino from "pino";
import { describe, expect, it } from "vitest";
import { createReportApiClient } from "./client";
import { MERCHANT, PARTNER, fakeUpstream, json, rawEntry } from "./test-helpers";
import { TokenCache } from "./tokens";
import type { ReportApiCredentials } from "./types";

const BASE = "https://api.example.test";

/** A real pino logger at debug level writing every line into `lines`. */
function capturedPino() {
  const lines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (chunk: string) => void lines.push(chunk) });
  return { logger, text: () => lines.join("") };
}

/**
 * An upstream that walks through every path: tokens, a 401 with a refetch, 429 with Retry-After, 500s that
 * exhaust the budget, a dropped connection whose error message carries the secret, and a schema failure.
 */
function hostileUpstream(credentials: ReportApiCredentials, tokens: string[]) {
  let issued = 0;
  let reportCalls = 0;
  return fakeUpstream((call) => {
    if (call.method === "POST") {
      const token = `eyJ-secret-token-${credentials.kind}-${++issued}-${"x".repeat(40)}`;
      tokens.push(token);
      return json(200, { token_type: "Bearer", expires_in: 900, access_token: token });
    }
    reportCalls += 1;
    const p = call.url.pathname;
    if (p.endsWith("/ledgers")) return reportCalls === 1 ? json(401, { code: "Unauthorized", message: "Please check your API keys" }) : json(200, { cursor: "", items: [{ ledgerId: "302101" }] });
    if (p.includes("/dates/2026-03-01")) return reportCalls % 2 ? json(429, {}, { "retry-after": "1" }) : json(200, { hasMore: false, tryLater: false, items: [rawEntry({ ledgerDate: "2026-03-01" })] });
    if (p.includes("/dates/2026-03-02")) return json(500, { errorCode: 10001, errorMessage: `echo ${credentials.clientSecret}`, contextId: "c" });
    if (p.includes("/dates/2026-03-03")) throw new TypeError(`socket hang up while sending ${call.headers.get("authorization")} ${credentials.clientSecret}`);
    if (p.includes("/dates/2026-03-04")) return json(200, { hasMore: false, tryLater: false, items: [rawEntry({ amount: credentials.clientSecret })] });
    if (p.endsWith("/feed")) return json(200, { cursor: "f", tryLater: true, items: [] });
    return json(404, {});
  });
}

describe("logs never carry secrets or tokens", () => {
  for (const credentials of [MERCHANT, PARTNER] as const) {
    it(`${credentials.kind} keys: success and failure paths`, async () => {
      const { logger, text } = capturedPino();
      const tokens: string[] = [];
      const up = hostileUpstream(credentials, tokens);
      const client = createReportApiClient({ baseUrl: BASE, credentials, fetch: up.fetch, logger, tokenCache: new TokenCache(), sleep: async () => {}, random: () => 0.3, retry: { maxAttempts: 3 } });

      await client.listLedgers();
      await client.getLedgerDate("302101", "funds", "2026-03-01");
      const failures = await Promise.allSettled([
        client.getLedgerDate("302101", "funds", "2026-03-02"),
        client.getLedgerDate("302101", "funds", "2026-03-03"),
        client.getLedgerDate("302101", "funds", "2026-03-04"),
        client.getLedgerDate("999999", "fees", "2026-03-05"),
      ]);
      await client.readFeed("302101", "funds");
      expect(failures.map((f) => (f.status === "rejected" ? (f.reason as { code: string }).code : "ok"))).toEqual(["UPSTREAM_UNAVAILABLE", "UPSTREAM_UNAVAILABLE", "UPSTREAM_INVALID", "NOT_FOUND"]);

      const out = text();
      // The log is not empty: the paths above were really logged (masked client id, statuses, retries).
      expect(out).toContain("report-api token fetched");
      expect(out).toContain("report-api token refused; refreshing once");
      expect(out).toContain("report-api request retrying");
      expect(out).toContain("report-api call failed");
      expect(out).toContain(`"clientId":"…${credentials.clientId.slice(-4)}"`);
      expect(out).toContain('"status":429');
      expect(tokens.length).toBe(2);

      const forbidden = [credentials.clientSecret, credentials.clientId, ...tokens, Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString("base64")];
      if (credentials.kind === "merchant") forbidden.push(credentials.subscriptionKey);
      for (const value of forbidden) expect(out).not.toContain(value);
      // And none of the error objects carry them either.
      const errors = JSON.stringify(failures.map((f) => (f.status === "rejected" ? f.reason : null)));
      for (const value of forbidden) expect(errors).not.toContain(value);
    });
  }
});
