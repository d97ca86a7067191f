import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import pg from "pg";
import type { RunningSandbox } from "@/sandbox/server";

/**
 * Rate limits (decision 016) against the real PostgreSQL store: the numbers hold across app instances (two
 * limiters on two pools stand for two instances), a refused call says when to try again, and it does no upstream
 * work. The actions run through the real wrapper; only the session lookup and Next's request APIs are replaced.
 */
const request = vi.hoisted(() => ({ forwardedFor: "203.0.113.7" }));
vi.mock("@/lib/server/authz/contexts", async () => (await import("../lifecycle/session")).sessionMocks.contexts);
vi.mock("@/lib/server/authz/current-user", async () => (await import("../lifecycle/session")).sessionMocks.currentUser);
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `10.9.9.9, ${request.forwardedFor}` }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("@/lib/server/auth/auth", () => ({ auth: async () => null, signOut: async () => undefined }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { addDays } = await import("@/lib/ledgers/range");
const { todayPortalDate } = await import("@/lib/dates");
const { createRateLimiters } = await import("@/lib/server/rate-limit/rate-limiter");
const { rateLimitMessage } = await import("@/lib/server/rate-limit/enforce-rate-limit");
const { RATE_LIMITS } = await import("@/lib/server/rate-limit/limits");
const { readPartnerLedgerRangeAction, syncPartnerLedgerAction } = await import("@/lib/server/ledgers/actions/partner-ledger-actions");
const { previewGrantAction } = await import("@/lib/server/grants/actions");
const { readLedgerRange } = await import("@/lib/server/ledgers/read-ledger-range");
const { getPartnerLedgerAccess } = await import("@/lib/server/ledgers/access/ledger-access");
const { demoSignInAction } = await import("@/lib/server/session/actions");
const { asMerchant, asPartner } = await import("../lifecycle/session");
const { ensureDemoWorld, merchantContextFor, partnerContextFor } = await import("@/tests/support/test-db");
const { forgetCachedDates, sandboxStats, startLedgerSandbox, upstreamCalls } = await import("../ledgers/sandbox-support");
const { db } = await import("@/lib/server/db");

let sandbox: RunningSandbox;
/** Two pools: the store as two app instances see it. */
const pools: pg.Pool[] = [];
const pool = () => {
  const p = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  pools.push(p);
  return p;
};

beforeAll(async () => {
  sandbox = await startLedgerSandbox();
  await ensureDemoWorld();
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await sandbox?.stop();
});
// Each test starts with no calls counted (the table is the library's store, not the portal's data).
beforeEach(async () => {
  await db.$executeRawUnsafe(`DELETE FROM "rate_limit"."counters"`);
});

const per = () => partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
const anne = () => partnerContextFor("anne@tallbalanse.example", "tall-og-balanse");
const mads = () => partnerContextFor("mads@kontopartner.example", "konto-partner");
/** Another app instance spends a person's (or their organisation's) whole upstream budget. */
async function spendUpstream(subject: { user?: string; tenant?: string }) {
  const other = createRateLimiters(pool());
  expect((await other.consume("upstream", subject, 10_000)).allowed).toBe(false);
}

describe("rate limits stored in PostgreSQL", () => {
  it("hold across two app instances: the calls of both count against one budget", async () => {
    const limits = { ...RATE_LIMITS, upstream: [{ by: ["user"], points: 3, durationSeconds: 60 }] } as const;
    const a = createRateLimiters(pool(), limits);
    const b = createRateLimiters(pool(), limits);
    const subject = { user: "user-across-instances" };
    expect(await a.consume("upstream", subject)).toEqual({ allowed: true });
    expect(await b.consume("upstream", subject)).toEqual({ allowed: true });
    expect(await a.consume("upstream", subject)).toEqual({ allowed: true });
    const refused = await b.consume("upstream", subject);
    expect(refused.allowed).toBe(false);
    expect(refused).toMatchObject({ allowed: false, retryAfterSeconds: expect.any(Number) });
    const wait = refused.allowed ? 0 : refused.retryAfterSeconds;
    expect(wait > 0 && wait <= 60, `wait ${wait}s`).toBe(true);
    expect((await a.consume("upstream", subject)).allowed).toBe(false);
    // Someone else has a budget of their own.
    expect(await b.consume("upstream", { user: "someone-else" })).toEqual({ allowed: true });
    // No e-mail or IP address in clear in the store.
    const keys = await db.$queryRawUnsafe<{ key: string }[]>(`SELECT key FROM "rate_limit"."counters"`);
    expect(keys.map((k) => k.key).join(" ")).not.toContain("user-across-instances");
  });

  it("says when to try again, in seconds or whole minutes", () => {
    expect(rateLimitMessage("upstream", 42)).toMatch(/ledger data in a short time.*Please try again in 42 seconds\.$/);
    expect(rateLimitMessage("signIn", 1)).toBe("Too many sign-in attempts. Please try again in 1 second.");
    expect(rateLimitMessage("export", 540)).toBe("Too many exports in a short time. Please try again in 9 minutes.");
  });
});

describe("actions under the upstream limit", () => {
  const dates = [addDays(todayPortalDate(), -20), addDays(todayPortalDate(), -19)];

  it("refuses a ledger read over the limit with RATE_LIMITED and the wait, before any upstream call", async () => {
    const ctx = await per();
    asPartner(ctx);
    await forgetCachedDates("302101", dates);
    await spendUpstream({ user: ctx.user.id });
    const before = upstreamCalls(await sandboxStats(sandbox));
    const refused = await readPartnerLedgerRangeAction({ ledgerId: "302101", from: dates[0], to: dates[1] });
    expect(refused).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", message: expect.stringMatching(/Please try again in \d+ seconds?\./) } });
    if (!refused.ok) expect(refused.error.retryAfterSeconds).toBeGreaterThan(0);
    const sync = await syncPartnerLedgerAction({ ledgerId: "302101" });
    expect(sync).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect(upstreamCalls(await sandboxStats(sandbox))).toBe(before);

    // The same read with budget left does call upstream for those dates: the refusal is what saved the calls.
    await db.$executeRawUnsafe(`DELETE FROM "rate_limit"."counters"`);
    const allowed = await readPartnerLedgerRangeAction({ ledgerId: "302101", from: dates[0], to: dates[1] });
    expect(allowed.ok).toBe(true);
    expect(upstreamCalls(await sandboxStats(sandbox))).toBeGreaterThan(before);
  });

  it("counts per organisation too: a colleague is refused once the firm's budget is spent, another firm is not", async () => {
    const perCtx = await per();
    await spendUpstream({ tenant: `partner:${perCtx.partnerId}` });
    asPartner(await anne());
    expect(await readPartnerLedgerRangeAction({ ledgerId: "302101", from: dates[0], to: dates[0] })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    asPartner(await mads());
    expect((await readPartnerLedgerRangeAction({ ledgerId: "402301", from: dates[0], to: dates[0] })).ok).toBe(true);
  });

  it("limits the page's own read too: missing dates show 'slow down', cached ones still show, nothing goes upstream", async () => {
    const ctx = await per();
    const access = await getPartnerLedgerAccess(ctx, "302101");
    if (!access) throw new Error("Per reads 302101 in the demo world");
    const [cachedDate, missingDate] = dates as [string, string];
    await forgetCachedDates("302101", dates);
    await readLedgerRange(access, { from: cachedDate, to: cachedDate });
    await forgetCachedDates("302101", [missingDate]);
    await spendUpstream({ user: ctx.user.id });
    const before = upstreamCalls(await sandboxStats(sandbox));
    const view = await readLedgerRange(access, { from: cachedDate, to: missingDate });
    expect(upstreamCalls(await sandboxStats(sandbox))).toBe(before);
    expect(view.problem).toBe("RATE_LIMITED");
    expect(view.days.find((d) => d.date === cachedDate)?.state).toBe("closed");
    expect(view.days.find((d) => d.date === missingDate)?.state).toBe("unavailable");
  });

  it("refuses the grant preview over the limit without reading upstream", async () => {
    const kari = await merchantContextFor("kari@fjordkaffe.example", "fjord-kaffe");
    asMerchant(kari);
    const ledger = await db.ledger.findFirstOrThrow({ where: { externalId: "302101" }, select: { id: true } });
    await spendUpstream({ user: kari.user.id });
    const before = upstreamCalls(await sandboxStats(sandbox));
    const refused = await previewGrantAction({ ledgerId: ledger.id, periodFrom: null, periodTo: null, includesPersonalData: false });
    expect(refused).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect(upstreamCalls(await sandboxStats(sandbox))).toBe(before);
  });
});

describe("sign-in under its limit", () => {
  it("refuses the demo sign-in per IP address and e-mail, and not for another address", async () => {
    const email = "per@tallbalanse.example";
    const other = createRateLimiters(pool());
    const [bucket] = RATE_LIMITS.signIn;
    expect((await other.consume("signIn", { ip: request.forwardedFor, email }, bucket.points + 1)).allowed).toBe(false);
    expect(await demoSignInAction({ email })).toMatchObject({ ok: false, error: { code: "RATE_LIMITED", message: expect.stringMatching(/^Too many sign-in attempts\. Please try again in 10 minutes\.$/) } });
    // The IP address is the one the nearest proxy saw (the last X-Forwarded-For entry), not what the client claimed.
    request.forwardedFor = "198.51.100.20";
    const elsewhere = await demoSignInAction({ email });
    // Demo sign-in is off in this configuration, so it goes on to say "not found" instead.
    expect(elsewhere).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});
