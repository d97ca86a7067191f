/**
 * Access tokens: the standard flow (merchant keys, `POST /accesstoken/get`, 24 h) and the specialized flow
 * (accounting keys, `POST /miami/v1/token`, 15 min), behind one in-memory cache per credential set.
 *
 * - Keyed by an HMAC of base URL + flow + client id + secret (+ subscription key): the raw secret is never a key.
 * - Refreshed before expiry: margin = 10 % of the lifetime, at least 60 s, at most half the lifetime.
 * - Single-flight: concurrent callers of one key set share one token request.
 * - `invalidate(token)` drops a token only if it is still the cached one, so a burst of 401s for the same stale
 *   token causes one refetch, not one per caller.
 * Tokens are never logged or persisted.
 */
import { createHmac, randomBytes } from "node:crypto";
import { ReportApiError } from "./errors";
import { requestWithRetry, upstreamIds, type HttpContext } from "./http";
import { tokenResponseSchema } from "./schemas";
import type { ReportApiCredentials } from "./types";

export interface FetchedToken {
  accessToken: string;
  /** Lifetime in milliseconds, from the response's `expires_in`. */
  lifetimeMs: number;
}

interface CachedToken {
  accessToken: string;
  expiresAt: number;
  refreshAt: number;
}

interface CacheEntry {
  token?: CachedToken;
  inflight?: Promise<CachedToken>;
}

export const MIN_REFRESH_MARGIN_MS = 60_000;
export const REFRESH_MARGIN_FRACTION = 0.1;

/** How long before expiry a token of this lifetime is replaced. */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(Math.max(MIN_REFRESH_MARGIN_MS, lifetimeMs * REFRESH_MARGIN_FRACTION), lifetimeMs / 2);
}

export class TokenCache {
  private readonly entries = new Map<string, CacheEntry>();

  /**
   * A valid token for `key`, fetching one (shared by all concurrent callers) when none is cached or the cached
   * one is due for refresh. If a refresh fails while the old token has not yet expired, the old one is used.
   */
  async get(key: string, fetcher: () => Promise<FetchedToken>, now: () => number): Promise<string> {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {};
      this.entries.set(key, entry);
    }
    const current = entry.token;
    if (current && now() < current.refreshAt) return current.accessToken;

    const inflight = entry.inflight ?? this.startFetch(key, entry, fetcher, now);
    try {
      return (await inflight).accessToken;
    } catch (error) {
      const stillCached = this.entries.get(key)?.token;
      if (stillCached && now() < stillCached.expiresAt) return stillCached.accessToken;
      throw error;
    }
  }

  private startFetch(key: string, entry: CacheEntry, fetcher: () => Promise<FetchedToken>, now: () => number): Promise<CachedToken> {
    const startedAt = now();
    const promise = fetcher()
      .then((fetched) => {
        // Count the lifetime from when we asked, not when the answer arrived: never trust a token too long.
        const expiresAt = startedAt + fetched.lifetimeMs;
        const token = { accessToken: fetched.accessToken, expiresAt, refreshAt: expiresAt - refreshMarginMs(fetched.lifetimeMs) };
        if (this.entries.get(key) === entry) entry.token = token;
        return token;
      })
      .finally(() => {
        if (entry.inflight === promise) entry.inflight = undefined;
      });
    entry.inflight = promise;
    return promise;
  }

  /** Drops `accessToken` for `key` if it is still the cached token (after upstream answered 401 to it). */
  invalidate(key: string, accessToken: string): void {
    const entry = this.entries.get(key);
    if (entry?.token?.accessToken === accessToken) entry.token = undefined;
  }

  /** Forgets every token (tests; key rotation). */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The process-wide cache used when a client is not given its own. */
export const sharedTokenCache = new TokenCache();

const cacheKeySalt = randomBytes(32);

/** HMAC over everything that selects a token; the secret only ever enters the hash. */
export function tokenCacheKey(baseUrl: string, credentials: ReportApiCredentials): string {
  const h = createHmac("sha256", cacheKeySalt);
  for (const part of [baseUrl, credentials.kind, credentials.clientId, credentials.clientSecret, credentials.kind === "merchant" ? credentials.subscriptionKey : ""]) {
    h.update(part);
    h.update("\u0000");
  }
  return h.digest("hex");
}

/** Request headers and body for each flow. Exported for tests of the wire format. */
export function tokenRequest(credentials: ReportApiCredentials, systemHeaders: Record<string, string>): { path: string; headers: Record<string, string>; body?: string } {
  if (credentials.kind === "merchant") {
    return {
      path: "/accesstoken/get",
      headers: {
        accept: "application/json",
        client_id: credentials.clientId,
        client_secret: credentials.clientSecret,
        "Ocp-Apim-Subscription-Key": credentials.subscriptionKey,
        "Merchant-Serial-Number": credentials.msn,
        ...systemHeaders,
      },
    };
  }
  const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`, "utf8").toString("base64");
  return {
    path: "/miami/v1/token",
    headers: {
      accept: "application/json",
      authorization: `Basic ${basic}`,
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      ...systemHeaders,
    },
    body: "grant_type=client_credentials",
  };
}

/** Fetches one token with the flow that fits the credentials (with the usual retry budget). */
export async function fetchToken(ctx: HttpContext, credentials: ReportApiCredentials, systemHeaders: Record<string, string>, signal?: AbortSignal): Promise<FetchedToken> {
  const { path, headers, body } = tokenRequest(credentials, systemHeaders);
  const res = await requestWithRetry(ctx, { method: "POST", path, headers, body, signal, op: "token" });
  const details = { status: res.status, attempts: res.attempts, path, ...upstreamIds(res.body) };

  if (res.status === 400 || res.status === 401 || res.status === 403) {
    // OAuth answers invalid_client with 400; APIM answers bad subscription keys with 401/403.
    throw new ReportApiError("UNAUTHENTICATED", "The Report API keys were refused by the token endpoint", details);
  }
  if (res.status < 200 || res.status >= 300) {
    throw new ReportApiError("UPSTREAM_INVALID", `Token endpoint answered an unexpected ${res.status}`, details);
  }
  const parsed = tokenResponseSchema.safeParse(res.body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => i.path.join(".") || "(root)");
    throw new ReportApiError("UPSTREAM_INVALID", "Token response failed validation", { ...details, issues });
  }
  if (parsed.data.token_type !== undefined && parsed.data.token_type.toLowerCase() !== "bearer") {
    throw new ReportApiError("UPSTREAM_INVALID", "Token response has an unsupported token_type", { ...details, issues: ["token_type"] });
  }
  return { accessToken: parsed.data.access_token, lifetimeMs: parsed.data.expires_in * 1000 };
}
