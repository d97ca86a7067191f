import { describe, expect, it } from "vitest";
import { createReportApiClient } from "./client";
import { ReportApiError } from "./errors";
import { backoffDelay, buildUrl, parseRetryAfter } from "./http";
import { PARTNER, fakeUpstream, json, recordingSleep, type UpstreamHandler } from "./test-helpers";
import { TokenCache } from "./tokens";

const BASE = "https://api.example.test";
const DATE_PATH = "/report/v2/ledgers/302101/funds/dates/2026-03-02";
const CLOSED_EMPTY = { hasMore: false, tryLater: false, items: [] };

/** Token endpoint always fine; the report endpoint answers from `report`. */
function upstream(report: UpstreamHandler) {
  let issued = 0;
  return fakeUpstream((call, signal) => {
    if (call.url.pathname === "/miami/v1/token") return json(200, { token_type: "Bearer", expires_in: 900, access_token: `tok-${++issued}` });
    return report(call, signal);
  });
}

function client(up: ReturnType<typeof upstream>, extra: Partial<Parameters<typeof createReportApiClient>[0]> = {}) {
  return createReportApiClient({ baseUrl: BASE, credentials: PARTNER, fetch: up.fetch, tokenCache: new TokenCache(), sleep: async () => {}, random: () => 0.5, ...extra });
}

async function failure(p: Promise<unknown>): Promise<ReportApiError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReportApiError);
  return e as ReportApiError;
}

describe("retry policy", () => {
  it("full-jitter backoff grows exponentially up to the cap", () => {
    const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it("parses Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("3", 0)).toBe(3000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
  });

  it("keeps a base path and sets query parameters", () => {
    expect(buildUrl("http://h:1/proxy", "/x/y", { a: "1", b: undefined })).toBe("http://h:1/proxy/x/y?a=1");
  });

  it("honours Retry-After on 429, then succeeds", async () => {
    let n = 0;
    const up = upstream(() => (++n === 1 ? json(429, {}, { "retry-after": "2" }) : json(200, CLOSED_EMPTY)));
    const rec = recordingSleep();
    const res = await client(up, { sleep: rec.sleep }).getLedgerDate("302101", "funds", "2026-03-02");
    expect(res.state).toBe("closed");
    expect(rec.delays).toHaveLength(1);
    expect(rec.delays[0]).toBeGreaterThanOrEqual(2000);
    expect(rec.delays[0]).toBeLessThan(2000 + 250);
  });

  it("gives up at once with RATE_LIMITED when Retry-After exceeds the cap", async () => {
    const up = upstream(() => json(429, {}, { "retry-after": "3600" }));
    const err = await failure(client(up).getLedgerDate("302101", "funds", "2026-03-02"));
    expect(err).toMatchObject({ code: "RATE_LIMITED", status: 429, attempts: 1, retryAfterMs: 3_600_000 });
    expect(up.count("/report")).toBe(1);
  });

  it("stops after maxAttempts on persistent 429 (RATE_LIMITED) and 500 (UPSTREAM_UNAVAILABLE)", async () => {
    for (const [status, code] of [
      [429, "RATE_LIMITED"],
      [500, "UPSTREAM_UNAVAILABLE"],
    ] as const) {
      const up = upstream(() => json(status, { errorCode: 10001, errorMessage: "boom", contextId: "ctx-1" }));
      const rec = recordingSleep();
      const err = await failure(client(up, { sleep: rec.sleep, retry: { maxAttempts: 3 } }).getLedgerDate("302101", "funds", "2026-03-02"));
      expect(err).toMatchObject({ code, status, attempts: 3, path: DATE_PATH });
      expect(up.count("/report")).toBe(3);
      expect(rec.delays).toHaveLength(2);
      if (status === 500) expect(err).toMatchObject({ upstreamCode: "10001", contextId: "ctx-1" });
    }
  });

  it("retries network errors and per-attempt timeouts", async () => {
    let n = 0;
    const up = upstream((_call, signal) => {
      n += 1;
      if (n === 1) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
      if (n === 2) return new Promise<Response>((_r, reject) => signal?.addEventListener("abort", () => reject(signal.reason)));
      return json(200, CLOSED_EMPTY);
    });
    const res = await client(up, { timeoutMs: 30 }).getLedgerDate("302101", "funds", "2026-03-02");
    expect(res.state).toBe("closed");
    expect(up.count("/report")).toBe(3);
  });

  it("fails with UPSTREAM_UNAVAILABLE when every attempt times out", async () => {
    const up = upstream((_c, signal) => new Promise<Response>((_r, reject) => signal?.addEventListener("abort", () => reject(signal.reason))));
    const err = await failure(client(up, { timeoutMs: 20, retry: { maxAttempts: 2 } }).getLedgerDate("302101", "funds", "2026-03-02"));
    expect(err).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", attempts: 2, status: undefined });
    expect(err.message).toMatch(/timed out/);
  });

  it("does not retry 400 or 404, and maps them to INVALID_INPUT and NOT_FOUND", async () => {
    const up400 = upstream(() => json(400, { type: "about:blank", title: "Bad Request", status: 400 }));
    expect(await failure(client(up400).getLedgerDate("302101", "funds", "2026-03-02"))).toMatchObject({ code: "INVALID_INPUT", status: 400, attempts: 1 });
    expect(up400.count("/report")).toBe(1);
    const up404 = upstream(() => json(404, { title: "No such ledgerId" }));
    expect(await failure(client(up404).readFeed("302103", "fees"))).toMatchObject({ code: "NOT_FOUND", status: 404, attempts: 1 });
    expect(up404.count("/report")).toBe(1);
  });

  it("passes a caller's abort through without retrying", async () => {
    const controller = new AbortController();
    const up = upstream((_c, signal) => new Promise<Response>((_r, reject) => signal?.addEventListener("abort", () => reject(signal.reason))));
    const p = client(up).getLedgerDate("302101", "funds", "2026-03-02", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user went away")), 10);
    await expect(p).rejects.toThrow("user went away");
    expect(up.count("/report")).toBe(1);
  });
});

describe("401 handling", () => {
  it("drops the token, fetches one new token and retries once", async () => {
    const up = upstream((call) => (call.headers.get("authorization") === "Bearer tok-1" ? json(401, { code: "Unauthorized", message: "Please check your API keys" }) : json(200, CLOSED_EMPTY)));
    const c = client(up);
    await c.getLedgerDate("302101", "funds", "2026-03-02");
    expect(up.count("/miami")).toBe(2);
    expect(up.count("/report")).toBe(2);
    // The new token is cached for later calls.
    await c.getLedgerDate("302101", "funds", "2026-03-02");
    expect(up.count("/miami")).toBe(2);
  });

  it("a second 401 with the fresh token ends in UNAUTHENTICATED (no loop)", async () => {
    const up = upstream(() => json(401, { code: "Unauthorized" }));
    const err = await failure(client(up).listLedgers());
    expect(err).toMatchObject({ code: "UNAUTHENTICATED", status: 401, attempts: 2 });
    expect(up.count("/miami")).toBe(2);
    expect(up.count("/settlement")).toBe(2);
  });
});

describe("validation and input", () => {
  it("maps a response that fails the schema to UPSTREAM_INVALID with paths but no values", async () => {
    const up = upstream(() => json(200, { hasMore: false, tryLater: false, items: [{ pspReference: "1", amount: 12.5, name: "Ola Nordmann" }] }));
    const err = await failure(client(up).getLedgerDate("302101", "funds", "2026-03-02"));
    expect(err.code).toBe("UPSTREAM_INVALID");
    expect(err.issues).toContain("items.0.amount");
    expect(JSON.stringify(err)).not.toContain("Ola Nordmann");
    expect(up.count("/report")).toBe(1);
  });

  it("retries a 2xx body that is not JSON (truncated), then reports UPSTREAM_INVALID", async () => {
    const up = upstream(() => new Response('{"hasMore":false,"items":[{"pspRef', { status: 200 }));
    const err = await failure(client(up, { retry: { maxAttempts: 2 } }).getLedgerDate("302101", "funds", "2026-03-02"));
    expect(err).toMatchObject({ code: "UPSTREAM_INVALID", attempts: 2 });
  });

  it("rejects bad arguments locally with INVALID_INPUT and no upstream call", async () => {
    const up = upstream(() => json(200, CLOSED_EMPTY));
    const c = client(up);
    for (const p of [
      c.getLedgerDate("302101", "funds", "2026-02-30"),
      c.getLedgerDate("../admin", "funds", "2026-03-02"),
      c.getLedgerDate("302101", "payouts" as "funds", "2026-03-02"),
      c.readFeed("302101", "funds", { cursor: "" }),
    ]) {
      expect(await failure(p)).toMatchObject({ code: "INVALID_INPUT", attempts: 0 });
    }
    expect(up.calls).toHaveLength(0);
  });

  it("rejects bad configuration without echoing values", () => {
    const make = (over: Record<string, unknown>) => () => createReportApiClient({ baseUrl: BASE, credentials: PARTNER, ...over } as Parameters<typeof createReportApiClient>[0]);
    expect(make({ baseUrl: "ftp://x" })).toThrow(ReportApiError);
    expect(make({ systemInfo: { systemName: "x".repeat(31), systemVersion: "1" } })).toThrow(/systemInfo/);
    expect(make({ credentials: { kind: "partner", clientId: "id", clientSecret: "" } })).toThrow("Invalid credentials: clientSecret");
    const err = (() => {
      try {
        make({ credentials: { kind: "merchant", clientId: "id", clientSecret: "topsecret", subscriptionKey: "", msn: "1" } })();
      } catch (e) {
        return e as ReportApiError;
      }
    })();
    expect(err?.code).toBe("INVALID_INPUT");
    expect(err?.issues).toEqual(["subscriptionKey", "msn"]);
    expect(JSON.stringify(err?.toJSON())).not.toContain("topsecret");
  });
});
