/**
 * The client against the in-process Report API sandbox (real HTTP on port 0), with the sandbox's fault switch
 * and request statistics. Retry waits are injected (instant), so faults cost no wall-clock time except real
 * per-request timeouts.
 */
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";
import { createReportApiClient, type ReportApiClientOptions } from "./client";
import { isKnownEntryType } from "./entry-types";
import { REPORT_API_ERROR_CODES, ReportApiError } from "./errors";
import { DEFAULT_RETRY_POLICY } from "./http";
import { recordingSleep } from "./test-helpers";
import { TokenCache } from "./tokens";
import { chainProblems } from "@/lib/ledgers/day-summary";
import type { ReportApiCredentials } from "./types";

const TODAY = "2025-06-18"; // a Wednesday
const CLOSED = "2025-06-17";
const ADMIN_SECRET = "sandbox-admin-demo";
const PAGE_SIZE = 25;
const MAX_ATTEMPTS = DEFAULT_RETRY_POLICY.maxAttempts;

interface Stats {
  total: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  dates: Record<string, number>;
  feeds: Record<string, number>;
  faults: Record<string, number>;
}
interface DemoCredentials {
  merchants: { msn: string; clientId: string; clientSecret: string; subscriptionKey: string; ledgerId: string; ledgerSalesUnitCount: number }[];
  partners: { name: string; orgNo: string; clientId: string; clientSecret: string; grantedLedgerIds: string[] }[];
}
type FaultRule = { kind: string; routes?: "token" | "report" | "all"; count?: number; probability?: number; latencyMs?: number; retryAfterSeconds?: number };

let sb: RunningSandbox;
let demo: DemoCredentials;

async function admin(method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${sb.url}/sandbox/admin${path}`, { method, headers: { "x-sandbox-admin-secret": ADMIN_SECRET, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`admin ${method} ${path}: ${res.status} ${await res.text()}`);
}
const setFaults = (rules: FaultRule[]) => admin("PUT", "/faults", { rules });
const stats = async (): Promise<Stats> => (await fetch(`${sb.url}/sandbox/stats`)).json() as Promise<Stats>;
const count = (s: Stats, kind: string) => s.byKind[kind] ?? 0;

function merchant(msn: string): ReportApiCredentials {
  const m = demo.merchants.find((x) => x.msn === msn);
  if (!m) throw new Error(`no demo merchant ${msn}`);
  return { kind: "merchant", clientId: m.clientId, clientSecret: m.clientSecret, subscriptionKey: m.subscriptionKey, msn: m.msn };
}
function partner(orgNo: string): ReportApiCredentials {
  const p = demo.partners.find((x) => x.orgNo === orgNo);
  if (!p) throw new Error(`no demo partner ${orgNo}`);
  return { kind: "partner", clientId: p.clientId, clientSecret: p.clientSecret };
}
const TALL_OG_BALANSE = "987654321";
const KONTO_PARTNER = "41234567";

function client(credentials: ReportApiCredentials, extra: Partial<ReportApiClientOptions> = {}) {
  return createReportApiClient({ baseUrl: sb.url, credentials, tokenCache: new TokenCache(), sleep: async () => {}, random: () => 0.5, timeoutMs: 5_000, ...extra });
}

/** Entries the sandbox generated for one date, in order: the ground truth for paging tests. */
function generated(ledgerId: string, topic: "funds" | "fees", date: string) {
  const series = sb.state.ledger(ledgerId)?.[topic];
  const range = series?.ranges.get(date);
  return range && series ? series.entries.slice(range.start, range.end) : [];
}

async function settle<T>(p: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ReportApiError }> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    if (!(error instanceof ReportApiError)) throw error; // anything else is a bug: not a "clear code"
    return { ok: false, error };
  }
}

beforeAll(async () => {
  sb = await startSandbox({ port: 0, host: "127.0.0.1", today: TODAY, seed: "report-api-client-tests", adminSecret: ADMIN_SECRET, pageSize: PAGE_SIZE, closedDays: 60 });
  demo = (await (await fetch(`${sb.url}/sandbox/credentials`)).json()) as DemoCredentials;
});
afterAll(async () => {
  await sb?.stop();
});
beforeEach(async () => {
  await admin("POST", "/reset"); // initial grants, no faults, no tokens, zeroed stats
});

describe("scopes and headers, as upstream enforces them", () => {
  it("partner keys list exactly the granted ledgers, with owner, salesUnits and payout account", async () => {
    const ledgers = await client(partner(TALL_OG_BALANSE)).listLedgers();
    expect(ledgers.map((l) => l.ledgerId).sort()).toEqual(["302101", "302201"]);
    const l = ledgers.find((x) => x.ledgerId === "302101");
    expect(l).toMatchObject({ currency: "NOK", owner: { scheme: "business:NO:ORG", id: "912345678" }, payoutBankAccount: { scheme: "BBAN:NO" }, settlesForRecipientHandles: ["api:212001"] });
    expect(l?.salesUnits[0]).toMatchObject({ name: "Fjord Kaffe Grünerløkka", recipientHandle: "api:212001" });
  });

  it("merchant keys (standard flow, subscription key sent) read their own ledger", async () => {
    const c = client(merchant("212001"));
    expect((await c.listLedgers()).map((l) => l.ledgerId)).toEqual(["302101"]);
    const res = await c.getLedgerDate("302101", "funds", CLOSED);
    expect(res.state).toBe("closed");
    expect(res.entries.length).toBeGreaterThan(0);
  });

  it("merchant keys of a sales unit on a joint ledger get NOT_FOUND; a partner reading an ungranted ledger too", async () => {
    const joint = await settle(client(merchant("212003")).getLedgerDate("302103", "funds", CLOSED));
    expect(joint.ok ? null : joint.error).toMatchObject({ code: "NOT_FOUND", status: 404, attempts: 1 });
    expect(await client(merchant("212003")).listLedgers()).toEqual([]);
    const ungranted = await settle(client(partner(TALL_OG_BALANSE)).readFeed("302102", "funds"));
    expect(ungranted.ok ? null : ungranted.error).toMatchObject({ code: "NOT_FOUND", status: 404 });
  });

  it("wrong keys fail with UNAUTHENTICATED on both flows, without retries", async () => {
    for (const creds of [{ ...merchant("212001"), clientSecret: "wrong" }, { ...merchant("212001"), subscriptionKey: "sandbox-sub-212002" }, { ...partner(TALL_OG_BALANSE), clientSecret: "wrong" }]) {
      const r = await settle(client(creds).listLedgers());
      expect(r.ok ? null : r.error).toMatchObject({ code: "UNAUTHENTICATED", status: 401, attempts: 1 });
    }
    const s = await stats();
    expect(count(s, "token")).toBe(3);
    expect(count(s, "ledgers")).toBe(0);
  });
});

describe("paging, tryLater, entry types, GDPR", () => {
  it("a multi-page date yields every generated entry exactly once, in order", async () => {
    const truth = generated("302101", "funds", CLOSED);
    expect(truth.length).toBeGreaterThan(PAGE_SIZE); // really multi-page
    const res = await client(partner(TALL_OG_BALANSE)).getLedgerDate("302101", "funds", CLOSED);
    expect(res.pages).toBe(Math.ceil(truth.length / PAGE_SIZE));
    expect(res.entries.map((e) => `${e.entryType}/${e.pspReference}`)).toEqual(truth.map((e) => `${e.entryType}/${e.pspReference}`));
    expect(new Set(res.entries.map((e) => JSON.stringify(e))).size).toBe(truth.length);
    expect(chainProblems("funds", res.entries.map((e, seq) => ({ ...e, topic: "funds" as const, seq })), null)).toEqual([]);
    expect((await stats()).dates[`302101/funds/${CLOSED}`]).toBe(res.pages);
  });

  it("half-served pages (truncate-page fault) still give every entry once by following cursors", async () => {
    await setFaults([{ kind: "truncate-page", probability: 0.7 }]);
    const truth = generated("302101", "fees", CLOSED);
    const res = await client(partner(TALL_OG_BALANSE)).getLedgerDate("302101", "fees", CLOSED);
    expect((await stats()).faults["truncate-page"]).toBeGreaterThan(0);
    expect(res.pages).toBeGreaterThan(Math.ceil(truth.length / PAGE_SIZE));
    expect(res.entries.map((e) => `${e.entryType}/${e.pspReference}/${e.balanceAfter}`)).toEqual(truth.map((e) => `${e.entryType}/${e.pspReference}/${e.balanceAfter}`));
  });

  it("today's date is returned as state 'open' (tryLater), not as an error; a closed date as 'closed'", async () => {
    const c = client(partner(TALL_OG_BALANSE));
    const today = await c.getLedgerDate("302101", "funds", TODAY);
    expect(today.state).toBe("open");
    expect(today.entries.length).toBe(generated("302101", "funds", TODAY).length);
    const future = await c.getLedgerDate("302101", "funds", "2025-06-25");
    expect(future).toMatchObject({ state: "open", entries: [], pages: 1 });
    expect((await c.getLedgerDate("302101", "funds", CLOSED)).state).toBe("closed");
  });

  it("unknown entry types pass through", async () => {
    const res = await client(partner(TALL_OG_BALANSE)).getLedgerDate("302101", "fees", "2025-04-25");
    const unknown = res.entries.filter((e) => !isKnownEntryType(e.entryType));
    expect(unknown.map((e) => e.entryType)).toContain("instant-payout-fee");
  });

  it("includeGDPRSensitiveData=true is sent on every page and yields payer fields where granted", async () => {
    const urls: URL[] = [];
    const recordingFetch: ReportApiClientOptions["fetch"] = (input, init) => {
      urls.push(new URL(input));
      return fetch(input, init);
    };
    const c = client(partner(KONTO_PARTNER), { fetch: recordingFetch });
    const withPersonal = await c.getLedgerDate("402301", "funds", CLOSED, { includeGDPRSensitiveData: true });
    expect(withPersonal.pages).toBeGreaterThan(1);
    const pageUrls = urls.filter((u) => u.pathname.includes("/dates/"));
    expect(pageUrls).toHaveLength(withPersonal.pages);
    expect(pageUrls.every((u) => u.searchParams.get("includeGDPRSensitiveData") === "true")).toBe(true);
    expect(pageUrls.slice(1).every((u) => u.searchParams.has("cursor"))).toBe(true);
    expect(withPersonal.entries.some((e) => e.name !== null && e.maskedPhoneNo !== null)).toBe(true);
    const without = await c.getLedgerDate("402301", "funds", CLOSED);
    expect(without.entries.every((e) => e.name === null && e.message === null)).toBe(true);
  });

  it("the feed is read to its end, then resumes from the returned cursor with nothing new", async () => {
    const c = client(partner(TALL_OG_BALANSE));
    const all = await c.readFeed("302101", "fees", { maxPages: 10_000 });
    const series = sb.state.ledger("302101")?.fees.entries ?? [];
    expect(all.caughtUp).toBe(true);
    expect(all.entries.map((e) => `${e.entryType}/${e.pspReference}/${e.balanceAfter}`)).toEqual(series.map((e) => `${e.entryType}/${e.pspReference}/${e.balanceAfter}`));
    const again = await c.readFeed("302101", "fees", { cursor: all.cursor });
    expect(again).toEqual({ entries: [], cursor: all.cursor, caughtUp: true, pages: 1 });
    const partial = await c.readFeed("302101", "fees", { maxPages: 2 });
    expect(partial).toMatchObject({ caughtUp: false, pages: 2 });
    expect(partial.entries).toEqual(all.entries.slice(0, 2 * PAGE_SIZE));
  });
});

describe("tokens", () => {
  it("two hundred concurrent reads of one ledger share one token request", async () => {
    await setFaults([{ kind: "latency", routes: "token", count: 1, latencyMs: 150 }]); // a slow token endpoint widens the race
    const cache = new TokenCache();
    const creds = partner(TALL_OG_BALANSE);
    // A client per read, as server actions create them, sharing the process cache.
    // No per-request timeout to speak of: on a busy machine a timed-out (retried) read would add requests to the count.
    const reads = Array.from({ length: 200 }, (_, i) => client(creds, { tokenCache: cache, timeoutMs: 120_000 }).getLedgerDate("302101", i % 2 ? "funds" : "fees", CLOSED));
    const results = await Promise.all(reads);
    expect(results.every((r) => r.state === "closed" && r.entries.length > 0)).toBe(true);
    const s = await stats();
    expect(count(s, "token")).toBe(1);
    expect(count(s, "dates")).toBe(results.reduce((n, r) => n + r.pages, 0));
  });

  it("401 on a read → the token is dropped, one new token is fetched and the request retried once", async () => {
    await setFaults([{ kind: "expire-token", routes: "report", count: 1 }]);
    const c = client(partner(TALL_OG_BALANSE));
    const res = await c.getLedgerDate("302101", "funds", CLOSED);
    let s = await stats();
    expect(count(s, "token")).toBe(2);
    expect(s.byStatus["401"]).toBe(1);
    expect(count(s, "dates")).toBe(res.pages + 1);
    await c.getLedgerDate("302101", "funds", CLOSED); // the new token is kept
    s = await stats();
    expect(count(s, "token")).toBe(2);
  });

  it("a token that is dead on arrival (early expiry) is replaced once", async () => {
    await setFaults([{ kind: "expire-token", routes: "token", count: 1 }]);
    const ledgers = await client(merchant("212001")).listLedgers();
    expect(ledgers).toHaveLength(1);
    const s = await stats();
    expect(count(s, "token")).toBe(2);
    expect(count(s, "ledgers")).toBe(2);
  });

  it("a 401 that persists after the refresh ends in UNAUTHENTICATED, with no further calls", async () => {
    await setFaults([{ kind: "expire-token", routes: "report", count: 5 }]);
    const r = await settle(client(partner(TALL_OG_BALANSE)).listLedgers());
    expect(r.ok ? null : r.error).toMatchObject({ code: "UNAUTHENTICATED", status: 401, attempts: 2 });
    const s = await stats();
    expect(count(s, "token")).toBe(2);
    expect(count(s, "ledgers")).toBe(2);
  });

  it("200 concurrent reads whose shared token expires early cause one refetch, not 200", async () => {
    const cache = new TokenCache();
    const creds = partner(TALL_OG_BALANSE);
    await client(creds, { tokenCache: cache }).listLedgers(); // token #1 cached
    await admin("POST", "/tokens/expire", {}); // upstream kills it before its advertised expiry
    await admin("POST", "/stats/reset");
    const results = await Promise.all(Array.from({ length: 200 }, () => client(creds, { tokenCache: cache }).listLedgers()));
    expect(results.every((r) => r.length === 2)).toBe(true);
    const s = await stats();
    expect(count(s, "token")).toBe(1);
    expect(s.byStatus["401"]).toBe(200);
    expect(count(s, "ledgers")).toBe(400);
  });
});

describe("faults: every read completes or fails with a clear code, with bounded upstream calls", () => {
  it("429 with Retry-After is waited out (injected sleep) and the read succeeds", async () => {
    await setFaults([{ kind: "429", count: 2, retryAfterSeconds: 3 }]);
    const rec = recordingSleep();
    const res = await client(partner(TALL_OG_BALANSE), { sleep: rec.sleep }).getLedgerDate("302101", "funds", CLOSED);
    expect(res.state).toBe("closed");
    expect(rec.delays).toHaveLength(2);
    expect(rec.delays.every((d) => d >= 3000 && d < 3000 + DEFAULT_RETRY_POLICY.baseDelayMs)).toBe(true);
    const s = await stats();
    expect(s.byStatus["429"]).toBe(2);
    expect(count(s, "dates")).toBe(res.pages + 2);
  });

  it("persistent 500 stops after the attempt budget with UPSTREAM_UNAVAILABLE", async () => {
    await setFaults([{ kind: "500", routes: "report", count: 100 }]);
    const rec = recordingSleep();
    const r = await settle(client(partner(TALL_OG_BALANSE), { sleep: rec.sleep, random: () => 0.999 }).getLedgerDate("302101", "funds", CLOSED));
    expect(r.ok ? null : r.error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", status: 500, attempts: MAX_ATTEMPTS, upstreamCode: "10001" });
    expect(count(await stats(), "dates")).toBe(MAX_ATTEMPTS);
    // Exponential backoff with full jitter (random pinned near 1): 250, 500, 1000 ms.
    expect(rec.delays).toEqual([249, 499, 999]);
  });

  it("persistent 429 ends in RATE_LIMITED after the budget; a token endpoint 429 too", async () => {
    await setFaults([{ kind: "429", routes: "token", count: 100, retryAfterSeconds: 1 }]);
    const r = await settle(client(partner(TALL_OG_BALANSE)).listLedgers());
    expect(r.ok ? null : r.error).toMatchObject({ code: "RATE_LIMITED", status: 429, attempts: MAX_ATTEMPTS, retryAfterMs: 1000 });
    const s = await stats();
    expect(count(s, "token")).toBe(MAX_ATTEMPTS);
    expect(count(s, "ledgers")).toBe(0);
  });

  it("dropped connections and cut-off bodies are retried", async () => {
    await setFaults([
      { kind: "drop", count: 2 },
      { kind: "truncate-body", count: 1 },
    ]);
    const res = await client(partner(TALL_OG_BALANSE)).getLedgerDate("302101", "funds", CLOSED);
    expect(res.entries).toHaveLength(generated("302101", "funds", CLOSED).length);
    const s = await stats();
    expect(s.faults).toMatchObject({ drop: 2, "truncate-body": 1 });
  });

  it("latency beyond the per-request timeout is retried, and fails with UPSTREAM_UNAVAILABLE when it never ends", async () => {
    await setFaults([{ kind: "latency", routes: "report", count: 1, latencyMs: 2_000 }]);
    // What the client did, in order, from its own log: the first call timed out and was retried, the second answered.
    const lines: { msg: string; op?: string; attempt?: number; failure?: string; status?: number }[] = [];
    const logger = pino({ level: "debug" }, { write: (chunk: string) => void lines.push(JSON.parse(chunk)) });
    const fast = client(partner(TALL_OG_BALANSE), { timeoutMs: 300, logger });
    expect((await fast.listLedgers()).length).toBe(2);
    const ledgerCalls = lines.filter((l) => l.op === "ledgers" && l.msg.startsWith("report-api request")).map((l) => [l.msg, l.attempt, l.failure?.split(":")[0] ?? l.status]);
    expect(ledgerCalls).toEqual([
      ["report-api request retrying", 1, "timeout"],
      ["report-api request", 2, 200],
    ]);
    expect(count(await stats(), "ledgers")).toBe(2);

    await setFaults([{ kind: "latency", routes: "report", probability: 1, latencyMs: 2_000 }]);
    const r = await settle(client(partner(TALL_OG_BALANSE), { timeoutMs: 100, retry: { maxAttempts: 2 } }).listLedgers());
    expect(r.ok ? null : r.error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", attempts: 2 });
    expect(r.ok ? "" : r.error.message).toMatch(/timed out/);
  });

  it("random mixed faults: 60 reads each settle with data or a known code, within the call budget", async () => {
    const jobs = (c: ReturnType<typeof client>): Promise<unknown>[] => [
      ...["2025-06-10", "2025-06-11", "2025-06-12", "2025-06-13", "2025-06-16", CLOSED].flatMap((d) => [c.getLedgerDate("302101", "funds", d), c.getLedgerDate("302201", "fees", d)]),
      c.listLedgers(),
      c.readFeed("302201", "funds", { maxPages: 8 }),
      c.getLedgerDate("302101", "funds", TODAY),
    ];
    // A clean run first: how many page requests the same reads need without faults.
    const clean = await Promise.all(jobs(client(partner(TALL_OG_BALANSE))).map((p) => settle(p)));
    expect(clean.every((r) => r.ok)).toBe(true);
    const cleanStats = await stats();
    const cleanPages = count(cleanStats, "dates") + count(cleanStats, "feed") + count(cleanStats, "ledgers");

    await admin("POST", "/stats/reset");
    await setFaults([
      { kind: "429", routes: "all", probability: 0.12, retryAfterSeconds: 1 },
      { kind: "500", routes: "all", probability: 0.12 },
      { kind: "drop", routes: "all", probability: 0.08 },
      { kind: "truncate-body", routes: "report", probability: 0.05 },
      { kind: "expire-token", routes: "all", probability: 0.05 },
      { kind: "latency", routes: "all", probability: 0.05, latencyMs: 2500 },
    ]);
    const rounds = 4;
    const cache = new TokenCache();
    const outcomes: Awaited<ReturnType<typeof settle<unknown>>>[] = [];
    for (let i = 0; i < rounds; i++) {
      // The timeout cuts the latency fault's 2.5 s, with room for a loaded machine: at 300 ms, CI's parallel legs
      // made ordinary answers time out and fewer than half the reads came through.
      outcomes.push(...(await Promise.all(jobs(client(partner(TALL_OG_BALANSE), { tokenCache: cache, timeoutMs: 1200 })).map((p) => settle(p)))));
    }
    expect(outcomes).toHaveLength(rounds * clean.length);
    for (const o of outcomes) if (!o.ok) expect(REPORT_API_ERROR_CODES).toContain(o.error.code);
    // Faults really happened, and most reads still came through.
    const s = await stats();
    expect(Object.values(s.faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThan(outcomes.length / 2);

    // Budget: each page costs at most maxAttempts calls, twice if a 401 forced one token refresh; each token
    // fetch at most maxAttempts calls, and there is at most one fetch per 401 plus the first.
    const reportCalls = count(s, "dates") + count(s, "feed") + count(s, "ledgers");
    expect(reportCalls).toBeLessThanOrEqual(rounds * cleanPages * 2 * MAX_ATTEMPTS);
    const unauthorized = s.byStatus["401"] ?? 0;
    expect(count(s, "token")).toBeLessThanOrEqual((1 + unauthorized) * MAX_ATTEMPTS);
  });
});

describe("logging", () => {
  it("pino output across success and failure paths never contains a secret, subscription key or token", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "debug" }, { write: (chunk: string) => void lines.push(chunk) });
    const tokens: string[] = [];
    const sniffingFetch: ReportApiClientOptions["fetch"] = async (input, init) => {
      const res = await fetch(input, init);
      if (input.endsWith("/accesstoken/get") || input.endsWith("/miami/v1/token")) {
        const body = (await res.clone().json().catch(() => ({}))) as { access_token?: string };
        if (body.access_token) tokens.push(body.access_token);
      }
      return res;
    };
    await setFaults([
      { kind: "429", count: 1, retryAfterSeconds: 1 },
      { kind: "500", count: 1 },
      { kind: "expire-token", routes: "report", count: 1 },
      { kind: "drop", count: 1 },
    ]);
    const m = merchant("212001");
    const p = partner(TALL_OG_BALANSE);
    const mc = client(m, { logger, fetch: sniffingFetch });
    const pc = client(p, { logger, fetch: sniffingFetch });
    await mc.listLedgers();
    await mc.getLedgerDate("302101", "funds", CLOSED, { includeGDPRSensitiveData: true });
    await pc.readFeed("302201", "funds", { maxPages: 3 });
    await settle(pc.getLedgerDate("302102", "funds", CLOSED)); // NOT_FOUND
    await settle(client({ ...m, clientSecret: "wrong-secret-value" }, { logger }).listLedgers()); // UNAUTHENTICATED
    await setFaults([{ kind: "500", probability: 1 }]);
    await settle(pc.getLedgerDate("302101", "fees", CLOSED)); // UPSTREAM_UNAVAILABLE

    const out = lines.join("");
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    for (const needle of ["report-api token fetched", "report-api request retrying", "report-api token refused; refreshing once", "report-api call failed", '"code":"NOT_FOUND"', '"code":"UNAUTHENTICATED"', '"code":"UPSTREAM_UNAVAILABLE"']) {
      expect(out).toContain(needle);
    }
    const forbidden = [m.clientSecret, m.kind === "merchant" ? m.subscriptionKey : "", p.clientSecret, "wrong-secret-value", ...tokens];
    for (const value of forbidden) {
      expect(value.length).toBeGreaterThan(5);
      expect(out).not.toContain(value);
    }
    // Token fragments too (a log that printed half a token would still leak it).
    for (const t of tokens) expect(out).not.toContain(t.slice(-40));
  });
});
