import { describe, expect, it } from "vitest";
import { createReportApiClient } from "./client";
import { ReportApiError } from "./errors";
import { MERCHANT, PARTNER, fakeUpstream, json, recordingSleep } from "./test-helpers";
import { TokenCache, refreshMarginMs, tokenCacheKey } from "./tokens";

const BASE = "https://api.example.test";
const EMPTY_LEDGERS = { cursor: "", items: [] };

/** Upstream that issues numbered tokens and accepts any bearer token on the ledgers endpoint. */
function tokenIssuer(expiresIn: number | string = 900) {
  let issued = 0;
  return fakeUpstream((call) => {
    if (call.url.pathname === "/accesstoken/get" || call.url.pathname === "/miami/v1/token") {
      issued += 1;
      return json(200, { token_type: "Bearer", expires_in: expiresIn, access_token: `tok-${issued}` });
    }
    return json(200, EMPTY_LEDGERS);
  });
}

describe("token flows: wire format", () => {
  it("merchant keys use POST /accesstoken/get with client_id, client_secret, subscription key and MSN headers", async () => {
    const up = tokenIssuer("86398");
    const client = createReportApiClient({ baseUrl: BASE, credentials: MERCHANT, fetch: up.fetch, tokenCache: new TokenCache(), systemInfo: { systemName: "acme", systemVersion: "3.1.2", pluginName: "acme-portal", pluginVersion: "4.5.6" } });
    await client.verifyCredentials();
    const [call] = up.calls;
    expect(call?.method).toBe("POST");
    expect(call?.url.pathname).toBe("/accesstoken/get");
    expect(call?.headers.get("client_id")).toBe(MERCHANT.clientId);
    expect(call?.headers.get("client_secret")).toBe(MERCHANT.clientSecret);
    expect(call?.headers.get("ocp-apim-subscription-key")).toBe(MERCHANT.subscriptionKey);
    expect(call?.headers.get("merchant-serial-number")).toBe("212001");
    expect(call?.headers.get("vipps-system-name")).toBe("acme");
    expect(call?.headers.get("vipps-system-plugin-version")).toBe("4.5.6");
    expect(call?.headers.get("authorization")).toBeNull();
  });

  it("partner keys use POST /miami/v1/token with Basic auth and grant_type=client_credentials, no subscription key", async () => {
    const up = tokenIssuer(900);
    const client = createReportApiClient({ baseUrl: BASE, credentials: PARTNER, fetch: up.fetch, tokenCache: new TokenCache() });
    await client.verifyCredentials();
    const [call] = up.calls;
    expect(call?.method).toBe("POST");
    expect(call?.url.pathname).toBe("/miami/v1/token");
    const expected = Buffer.from(`${PARTNER.clientId}:${PARTNER.clientSecret}`).toString("base64");
    expect(call?.headers.get("authorization")).toBe(`Basic ${expected}`);
    expect(call?.headers.get("content-type")).toMatch(/^application\/x-www-form-urlencoded/);
    expect(call?.body).toBe("grant_type=client_credentials");
    expect(call?.headers.get("ocp-apim-subscription-key")).toBeNull();
    expect(call?.headers.get("client_secret")).toBeNull();
  });

  it("maps refused keys to UNAUTHENTICATED and a malformed token answer to UPSTREAM_INVALID, without retrying", async () => {
    for (const [status, body, code] of [
      [401, { code: "Unauthorized", message: "Please check your API keys" }, "UNAUTHENTICATED"],
      [400, { error: "invalid_client" }, "UNAUTHENTICATED"],
      [200, { token_type: "Bearer", expires_in: "soon", access_token: "x" }, "UPSTREAM_INVALID"],
    ] as const) {
      const up = fakeUpstream(() => json(status, body));
      const client = createReportApiClient({ baseUrl: BASE, credentials: PARTNER, fetch: up.fetch, tokenCache: new TokenCache(), sleep: async () => {} });
      const err = await client.listLedgers().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ReportApiError);
      expect((err as ReportApiError).code).toBe(code);
      expect(up.calls).toHaveLength(1);
    }
  });
});

describe("token cache", () => {
  it("refreshes before expiry: 15 min token renewed 90 s early, 24 h token 2.4 h early", async () => {
    expect(refreshMarginMs(900_000)).toBe(90_000);
    expect(refreshMarginMs(86_400_000)).toBe(8_640_000);
    expect(refreshMarginMs(60_000)).toBe(30_000);

    let t = 1_000_000;
    const up = tokenIssuer(900);
    const client = createReportApiClient({ baseUrl: BASE, credentials: PARTNER, fetch: up.fetch, tokenCache: new TokenCache(), now: () => t });
    await client.listLedgers();
    t += 809_000; // 91 s before expiry: still reused
    await client.listLedgers();
    expect(up.count("/miami")).toBe(1);
    t += 2_000; // 89 s before expiry: inside the margin, refreshed
    await client.listLedgers();
    expect(up.count("/miami")).toBe(2);
    expect(up.calls.at(-1)?.headers.get("authorization")).toBe("Bearer tok-2");
  });

  it("shares one token request among concurrent callers (single-flight)", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const up = fakeUpstream(async (call) => {
      if (call.url.pathname === "/miami/v1/token") {
        await gate;
        return json(200, { token_type: "Bearer", expires_in: 900, access_token: "tok-shared" });
      }
      return json(200, EMPTY_LEDGERS);
    });
    const cache = new TokenCache();
    // Two clients with the same keys share the cache entry too.
    const a = createReportApiClient({ baseUrl: BASE, credentials: PARTNER, fetch: up.fetch, tokenCache: cache });
    const b = createReportApiClient({ baseUrl: BASE, credentials: { ...PARTNER }, fetch: up.fetch, tokenCache: cache });
    const reads = Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).listLedgers());
    await new Promise((r) => setTimeout(r, 10));
    release();
    await Promise.all(reads);
    expect(up.count("/miami")).toBe(1);
    expect(up.count("/settlement")).toBe(50);
  });

  it("keeps the old token when a refresh fails before expiry, and fails once it has expired", async () => {
    let t = 0;
    let tokenEndpointUp = true;
    const up = fakeUpstream((call) => {
      if (call.url.pathname === "/miami/v1/token") return tokenEndpointUp ? json(200, { expires_in: 900, access_token: "tok-old" }) : json(503, {});
      return json(200, EMPTY_LEDGERS);
    });
    const client = createReportApiClient({ baseUrl: BASE, credentials: PARTNER, fetch: up.fetch, tokenCache: new TokenCache(), now: () => t, sleep: async () => {}, retry: { maxAttempts: 2 } });
    await client.listLedgers();
    tokenEndpointUp = false;
    t = 850_000; // inside the refresh margin, not expired
    await client.listLedgers();
    expect(up.calls.at(-1)?.headers.get("authorization")).toBe("Bearer tok-old");
    t = 901_000; // expired
    await expect(client.listLedgers()).rejects.toMatchObject({ code: "UPSTREAM_UNAVAILABLE", status: 503, attempts: 2 });
  });

  it("keys the cache by a hash: never the raw secret, different secrets get different entries", () => {
    const k1 = tokenCacheKey(BASE, PARTNER);
    const k2 = tokenCacheKey(BASE, { ...PARTNER, clientSecret: "other-secret" });
    const k3 = tokenCacheKey("http://127.0.0.1:1", PARTNER);
    expect(k1).toMatch(/^[0-9a-f]{64}$/);
    expect(k1).not.toContain(PARTNER.clientSecret);
    expect(new Set([k1, k2, k3]).size).toBe(3);
    expect(tokenCacheKey(BASE, { ...PARTNER })).toBe(k1);
  });

  it("invalidate drops only the token that failed (no refetch storm after a burst of 401s)", async () => {
    const cache = new TokenCache();
    let n = 0;
    const fetcher = async () => ({ accessToken: `t${++n}`, lifetimeMs: 900_000 });
    const now = () => 0;
    expect(await cache.get("k", fetcher, now)).toBe("t1");
    cache.invalidate("k", "t1");
    expect(await cache.get("k", fetcher, now)).toBe("t2");
    cache.invalidate("k", "t1"); // a late 401 for the old token must not drop the new one
    expect(await cache.get("k", fetcher, now)).toBe("t2");
    expect(n).toBe(2);
  });

  it("retries a token endpoint 5xx with backoff inside the budget", async () => {
    let fails = 2;
    const up = fakeUpstream((call) => {
      if (call.url.pathname === "/accesstoken/get") return fails-- > 0 ? json(502, {}) : json(200, { expires_in: "86398", access_token: "tok" });
      return json(200, EMPTY_LEDGERS);
    });
    const rec = recordingSleep();
    const client = createReportApiClient({ baseUrl: BASE, credentials: MERCHANT, fetch: up.fetch, tokenCache: new TokenCache(), sleep: rec.sleep, random: () => 0.5 });
    await client.listLedgers();
    expect(up.count("/accesstoken")).toBe(3);
    expect(rec.delays).toEqual([125, 250]);
  });
});
