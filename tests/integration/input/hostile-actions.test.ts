import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hostileInput, hostileString, HOSTILE_MARKUP, type Pools } from "./hostile-arbitraries";

/**
 * Hostile input to every server action: each exported action, called through the real wrapper as a signed-in
 * person of the persona it serves, with wrong types, huge strings, NUL and other control characters, unicode,
 * other tenants' ids, SQL and HTML fragments and prototype-pollution keys. Whatever comes in: a result object
 * (never a throw, never "INTERNAL", the 500 of an action), no write when the answer is an error, and no markup
 * echoed back in a message. A new action module export that is not listed here fails the suite.
 */
vi.mock("@/lib/server/auth/auth", async () => (await import("@/tests/support/action-session")).authMock);
vi.mock("next/headers", async () => (await import("@/tests/support/action-session")).headersMock);
vi.mock("next/cache", async () => (await import("@/tests/support/action-session")).cacheMock);

const { db } = await import("@/lib/server/db");
const { ensureDemoWorld } = await import("@/tests/support/test-db");
const { signInForActions, signOutForActions } = await import("@/tests/support/action-session");

type Persona = "merchant" | "partner" | "user" | "admin" | "anonymous";
interface Spec {
  as: Persona;
  /** The fields of its input schema, so that generated objects get past the first checks and reach deeper. */
  keys: string[];
}

/** Every action module, by path under lib/server, and how each of its exports is called. */
const SUITE: Record<string, Record<string, Spec>> = {
  "grants/actions.ts": {
    grantAccessAction: { as: "merchant", keys: ["partnerId", "ledgerIds", "periodFrom", "periodTo", "includesPersonalData", "validUntil", "consentAccepted"] },
    changeGrantAction: { as: "merchant", keys: ["grantId", "periodFrom", "periodTo", "includesPersonalData", "validUntil"] },
    revokeGrantAction: { as: "merchant", keys: ["grantId"] },
    approveGrantAction: { as: "merchant", keys: ["grantId"] },
    declineGrantAction: { as: "merchant", keys: ["grantId", "reason"] },
    previewGrantAction: { as: "merchant", keys: ["ledgerId", "periodFrom", "periodTo", "includesPersonalData"] },
    searchPartnersAction: { as: "merchant", keys: ["query"] },
  },
  "access-requests/actions.ts": {
    createAccessRequestAction: { as: "partner", keys: ["by", "msns", "orgNo", "periodFrom", "periodTo", "includesPersonalData", "purpose"] },
    withdrawAccessRequestAction: { as: "partner", keys: ["requestId"] },
    approveAccessRequestAction: { as: "merchant", keys: ["requestId", "ledgerIds", "periodFrom", "periodTo", "includesPersonalData", "validUntil"] },
    declineAccessRequestAction: { as: "merchant", keys: ["requestId", "reason"] },
  },
  "credentials/actions.ts": {
    storeSalesUnitKeysAction: { as: "merchant", keys: ["msn", "clientId", "clientSecret", "subscriptionKey"] },
    testSalesUnitConnectionAction: { as: "merchant", keys: ["msn"] },
    storePartnerKeysAction: { as: "partner", keys: ["clientId", "clientSecret"] },
    testPartnerConnectionAction: { as: "partner", keys: [] },
  },
  "ledgers/actions/partner-ledger-actions.ts": {
    readPartnerLedgerRangeAction: { as: "partner", keys: ["ledgerId", "from", "to"] },
    readPartnerLedgerEntriesAction: { as: "partner", keys: ["ledgerId", "from", "to", "topic", "search", "after"] },
    syncPartnerLedgerAction: { as: "partner", keys: ["ledgerId", "jobId"] },
    partnerLedgerSyncStatusAction: { as: "partner", keys: ["ledgerId", "jobId"] },
  },
  "ledgers/actions/merchant-ledger-actions.ts": {
    readMerchantLedgerRangeAction: { as: "merchant", keys: ["msn", "from", "to"] },
    readMerchantLedgerEntriesAction: { as: "merchant", keys: ["msn", "from", "to", "topic", "search", "after"] },
    syncMerchantLedgerAction: { as: "merchant", keys: ["msn", "jobId"] },
    merchantLedgerSyncStatusAction: { as: "merchant", keys: ["msn", "jobId"] },
  },
  "exports/actions.ts": {
    preparePartnerLedgerExportAction: { as: "partner", keys: ["ledgerId", "from", "to", "format", "topics", "purpose", "columns", "tz", "includeOpen"] },
    prepareMerchantLedgerExportAction: { as: "merchant", keys: ["msn", "from", "to", "format", "topics", "purpose", "columns", "tz", "includeOpen"] },
  },
  "renewals/renewal-actions.ts": { renewGrantAction: { as: "merchant", keys: ["grantId", "length"] } },
  "notifications/inbox-actions.ts": {
    listMyNotificationsAction: { as: "user", keys: ["limit"] },
    countMyUnreadNotificationsAction: { as: "user", keys: [] },
    markNotificationsReadAction: { as: "user", keys: ["ids", "all"] },
  },
  "journal/journal-actions.ts": { saveJournalAccountsAction: { as: "partner", keys: ["merchantId", "accounts"] } },
  "partner-staff/actions.ts": { setClientAssignmentsAction: { as: "partner", keys: ["membershipId", "merchantIds"] } },
  "admin-audit/actions.ts": { verifyAuditChainAction: { as: "admin", keys: [] } },
  "admin-partners/actions.ts": {
    approvePartnerAction: { as: "admin", keys: ["partnerId"] },
    suspendPartnerAction: { as: "admin", keys: ["partnerId", "reason"] },
    reactivatePartnerAction: { as: "admin", keys: ["partnerId"] },
  },
  "reconciliation/actions.ts": { checkReconciliationNowAction: { as: "admin", keys: [] } },
  "session/actions.ts": {
    demoSignInAction: { as: "anonymous", keys: ["email"] },
    selectOrganisationAction: { as: "user", keys: ["key"] },
    switchOrganisationAction: { as: "user", keys: [] },
    signOutAction: { as: "user", keys: [] },
  },
  "session/locale-actions.ts": { setLocaleAction: { as: "user", keys: ["locale"] } },
  "session/sign-in-with-oidc.ts": { signInWithOidcAction: { as: "anonymous", keys: [] } },
};

const SERVER_DIR = path.resolve("lib/server");
function actionModules(dir = SERVER_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return actionModules(full);
    return e.name.endsWith(".ts") && /^["']use server["']/.test(readFileSync(full, "utf8").trimStart()) ? [path.relative(SERVER_DIR, full)] : [];
  });
}

// Twelve runs per action keep the suite near 20 s; FC_RUNS=200 searches harder (and FC_SEED replays a failure).
const NUM_RUNS = Number(process.env.FC_RUNS ?? 12);
let pools: Pools;
const started = new Date();
let savedCredentials: Awaited<ReturnType<typeof db.apiCredential.findMany>> = [];
let savedPartners: { id: string; status: "pending" | "approved" | "suspended"; approvedAt: Date | null }[] = [];

beforeAll(async () => {
  await ensureDemoWorld();
  savedCredentials = await db.apiCredential.findMany();
  savedPartners = await db.accountingPartner.findMany({ select: { id: true, status: true, approvedAt: true } });
  const [fjord, tb] = await Promise.all([
    db.merchant.findUniqueOrThrow({ where: { slug: "fjord-kaffe" }, select: { id: true } }),
    db.accountingPartner.findUniqueOrThrow({ where: { slug: "tall-og-balanse" }, select: { id: true } }),
  ]);
  // Ids of things that belong to someone else: the signed-in merchant (Kari, Fjord Kaffe) and partner (Per,
  // Tall & Balanse) must get "not found" for each of them.
  const [ledgers, units, grants, partners, memberships, notifications, merchants] = await Promise.all([
    db.ledger.findMany({ where: { merchantId: { not: fjord.id }, grants: { none: { partnerId: tb.id } } }, select: { id: true, externalId: true } }),
    db.salesUnit.findMany({ where: { merchantId: { not: fjord.id } }, select: { id: true, msn: true } }),
    db.ledgerGrant.findMany({ where: { merchantId: { not: fjord.id } }, select: { id: true } }),
    db.accountingPartner.findMany({ where: { id: { not: tb.id } }, select: { id: true, orgNo: true } }),
    db.partnerMembership.findMany({ where: { partnerId: { not: tb.id } }, select: { id: true } }),
    db.notification.findMany({ where: { user: { email: { not: "kari@fjordkaffe.example" } } }, select: { id: true }, take: 20 }),
    db.merchant.findMany({ where: { id: { not: fjord.id } }, select: { id: true, orgNo: true } }),
  ]);
  pools = {
    ids: [...ledgers, ...units, ...grants, ...partners, ...memberships, ...notifications, ...merchants].map((r) => r.id),
    ledgerRefs: ledgers.map((l) => l.externalId),
    msns: units.map((u) => u.msn),
    orgNos: [...partners, ...merchants].map((p) => p.orgNo),
  };
});

afterAll(async () => {
  signOutForActions();
  // A generated input can be valid (a partner key set of printable characters, a request to a real number):
  // undo what those wrote so later suites see the seeded world.
  await db.accessRequest.deleteMany({ where: { createdAt: { gte: started } } });
  await db.apiCredential.deleteMany({ where: { id: { notIn: savedCredentials.map((c) => c.id) } } });
  for (const c of savedCredentials) await db.apiCredential.update({ where: { id: c.id }, data: { ...c, id: undefined } });
  // A generated partner id can be a real one with a valid reason: put every partner's status back.
  for (const p of savedPartners) await db.accountingPartner.update({ where: { id: p.id }, data: { status: p.status, approvedAt: p.approvedAt } });
});

async function signIn(as: Persona): Promise<void> {
  if (as === "anonymous") return signOutForActions();
  if (as === "merchant" || as === "user") await signInForActions("kari@fjordkaffe.example", { merchant: "fjord-kaffe" });
  else if (as === "partner") await signInForActions("per@tallbalanse.example", { partner: "tall-og-balanse" });
  else await signInForActions("admin@portal.example", "admin");
}

/** Everything an invalid call must leave alone, in one round trip. */
async function fingerprint(): Promise<string> {
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT (SELECT count(*) FROM "AuditEvent") AS audit,
           (SELECT string_agg("id"::text || "status"::text, ',' ORDER BY "id") FROM "AccessRequest") AS requests,
           (SELECT string_agg("id"::text || "status"::text || "updatedAt"::text, ',' ORDER BY "id") FROM "LedgerGrant") AS grants,
           (SELECT count(*) FROM "Notification") AS notifications,
           (SELECT count(*) FROM "Notification" WHERE "readAt" IS NOT NULL) AS read,
           (SELECT count(*) FROM "OutboxEmail") AS mails,
           (SELECT string_agg("id"::text || "updatedAt"::text, ',' ORDER BY "id") FROM "ApiCredential") AS credentials,
           (SELECT count(*) FROM "PartnerClientAssignment") AS assignments,
           (SELECT count(*) FROM "LedgerAccessEvent") AS reads,
           (SELECT count(*) FROM "LedgerDay") AS days,
           (SELECT count(*) FROM "Session") AS sessions,
           (SELECT string_agg("id"::text || "status"::text, ',' ORDER BY "id") FROM "AccountingPartner") AS partners`;
  return JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
}

/** Every text of an error result: its message and its field messages. */
function errorTexts(result: unknown): string[] {
  if (typeof result !== "object" || result === null || !("error" in result)) return [];
  const error = (result as { error: { message?: unknown; fields?: Record<string, unknown> } }).error;
  return [error.message, ...Object.values(error.fields ?? {})].filter((t): t is string => typeof t === "string");
}

type ActionFn = (input?: unknown) => Promise<unknown>;

describe("every server action survives hostile input", () => {
  const modules = actionModules();

  it("lists every action module and every export of each", async () => {
    expect(modules.sort()).toEqual(Object.keys(SUITE).sort());
    for (const file of modules) {
      const mod = (await import(`@/lib/server/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
      const exported = Object.entries(mod).filter(([, v]) => typeof v === "function").map(([k]) => k).sort();
      expect({ file, exported }).toEqual({ file, exported: Object.keys(SUITE[file] ?? {}).sort() });
    }
  });

  for (const [file, actions] of Object.entries(SUITE)) {
    for (const [name, spec] of Object.entries(actions)) {
      it(`${file} ${name}`, async () => {
        const mod = (await import(`@/lib/server/${file.replace(/\.ts$/, "")}`)) as Record<string, ActionFn>;
        const action = mod[name]!;
        await signIn(spec.as);
        const input = name === "switchOrganisationAction" ? hostileString(pools) : hostileInput(spec.keys, pools);
        await fc.assert(
          fc.asyncProperty(input, async (raw) => {
            const before = await fingerprint();
            let result: unknown;
            try {
              result = await action(raw);
            } catch (err) {
              throw new Error(`${name} threw: ${err instanceof Error ? err.message : String(err)}`);
            }
            // The session helpers return nothing; every other action returns a result object.
            if (result === undefined) expect(["switchOrganisationAction", "signOutAction", "signInWithOidcAction"]).toContain(name);
            else {
              expect(result).toMatchObject({ ok: expect.any(Boolean) });
              const failed = result as { ok: boolean; error?: { code: string } };
              if (!failed.ok) {
                expect(failed.error?.code).not.toBe("INTERNAL");
                expect(await fingerprint()).toBe(before);
              }
            }
            for (const text of errorTexts(result)) {
              expect(text).not.toMatch(/<[a-z!/?]/i);
              for (const markup of HOSTILE_MARKUP) expect(text).not.toContain(markup);
            }
            expect(({} as Record<string, unknown>).polluted).toBeUndefined();
          }),
          { numRuns: NUM_RUNS, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31) },
        );
      });
    }
  }
});

/** Route handlers and why each is covered (or not) here. */
const ROUTES: Record<string, string> = {
  "(merchant)/merchant/access-log/export/route.ts": "hostile query strings below",
  "api/admin/audit/export/route.ts": "hostile query strings below (the audit filters), and called as each persona",
  "api/admin/access/export/route.ts": "hostile query strings below, as the platform admin",
  "api/admin/organisations/route.ts": "hostile query strings below (the merchant and partner filters' search), as the platform admin",
  "api/health/route.ts": "no input; called below",
  "(partner)/partner/journal/route.ts": "hostile query strings below",
  "(partner)/partner/ledgers/[ledgerId]/export/route.ts": "hostile ledger ids and query strings below",
  "(merchant)/merchant/ledger/[msn]/export/route.ts": "hostile sales units and query strings below",
  "(partner)/partner/exports/[receiptId]/route.ts": "hostile receipt ids below",
  "(merchant)/merchant/exports/[receiptId]/route.ts": "hostile receipt ids below",
  "api/auth/[...nextauth]/route.ts": "Auth.js' own handlers, replaced by the session mock here; covered by the sign-in browser tests",
};

function routeFiles(dir = path.resolve("app")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(full);
    return e.name === "route.ts" ? [path.relative(path.resolve("app"), full)] : [];
  });
}

describe("route handlers survive hostile query strings", () => {
  it("lists every route handler", () => {
    expect(routeFiles().sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it("the access log export answers below 500 and echoes no markup", async () => {
    const { GET } = await import("@/app/(merchant)/merchant/access-log/export/route");
    const { NextRequest } = await import("next/server");
    await signIn("merchant");
    const keys = ["partner", "ledger", "action", "from", "to", "page", "__proto__", "constructor"];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...keys), hostileString(pools)), { maxLength: 6 }), async (pairs) => {
        const query = new URLSearchParams();
        for (const [k, v] of pairs) query.append(k, v.slice(0, 4000));
        const res = await GET(new NextRequest(`http://localhost/merchant/access-log/export?${query.toString()}`));
        expect(res.status).toBeLessThan(500);
        const body = await res.text();
        for (const markup of HOSTILE_MARKUP) expect(body).not.toContain(markup);
      }),
      { numRuns: 15 },
    );
  });

  it("the voucher journal answers below 500 and echoes no markup", async () => {
    const { GET } = await import("@/app/(partner)/partner/journal/route");
    const { NextRequest } = await import("next/server");
    await signIn("partner");
    const keys = ["ledger", "from", "to", "__proto__", "constructor"];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...keys), hostileString(pools)), { maxLength: 6 }), async (pairs) => {
        const query = new URLSearchParams();
        for (const [k, v] of pairs) query.append(k, v.slice(0, 4000));
        const res = await GET(new NextRequest(`http://localhost/partner/journal?${query.toString()}`));
        expect(res.status).toBeLessThan(500);
        const body = await res.text();
        for (const markup of HOSTILE_MARKUP) expect(body).not.toContain(markup);
      }),
      { numRuns: 15 },
    );
  });

  it("the ledger exports answer below 500 for hostile ids and options, and echo no markup", async () => {
    const partner = await import("@/app/(partner)/partner/ledgers/[ledgerId]/export/route");
    const merchant = await import("@/app/(merchant)/merchant/ledger/[msn]/export/route");
    const again = await import("@/app/(partner)/partner/exports/[receiptId]/route");
    const merchantAgain = await import("@/app/(merchant)/merchant/exports/[receiptId]/route");
    const { NextRequest } = await import("next/server");
    const keys = ["from", "to", "format", "topics", "purpose", "columns", "tz", "includeOpen", "__proto__"];
    const check = async (res: Response) => {
      expect(res.status).toBeLessThan(500);
      const body = await res.text();
      for (const markup of HOSTILE_MARKUP) expect(body).not.toContain(markup);
    };
    await fc.assert(
      fc.asyncProperty(hostileString(pools), fc.array(fc.tuple(fc.constantFrom(...keys), hostileString(pools)), { maxLength: 6 }), async (id, pairs) => {
        const query = new URLSearchParams();
        for (const [k, v] of pairs) query.append(k, v.slice(0, 4000));
        const req = () => new NextRequest(`http://localhost/export?${query.toString()}`);
        await signIn("partner");
        await check(await partner.GET(req(), { params: Promise.resolve({ ledgerId: id.slice(0, 4000) }) }));
        await check(await again.GET(req(), { params: Promise.resolve({ receiptId: id.slice(0, 4000) }) }));
        await signIn("merchant");
        await check(await merchant.GET(req(), { params: Promise.resolve({ msn: id.slice(0, 4000) }) }));
        await check(await merchantAgain.GET(req(), { params: Promise.resolve({ receiptId: id.slice(0, 4000) }) }));
      }),
      { numRuns: 15 },
    );
  });

  it("the organisation search answers below 500 and echoes no markup", async () => {
    const { GET } = await import("@/app/api/admin/organisations/route");
    await signIn("admin");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom("kind", "q", "__proto__"), fc.oneof(fc.constantFrom("merchant", "partner"), hostileString(pools))), { maxLength: 4 }), async (pairs) => {
        const query = new URLSearchParams();
        for (const [k, v] of pairs) query.append(k, v.slice(0, 4000));
        const res = await GET(new Request(`http://localhost/api/admin/organisations?${query.toString()}`));
        expect(res.status).toBeLessThan(500);
        const body = await res.text();
        for (const markup of HOSTILE_MARKUP) expect(body).not.toContain(markup);
      }),
      { numRuns: 20 },
    );
  });

  it("the access overview export answers below 500 and echoes no markup", async () => {
    const { GET } = await import("@/app/api/admin/access/export/route");
    await signIn("admin");
    const keys = ["merchant", "partner", "status", "expiring", "personal", "q", "sort", "after", "size", "__proto__"];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...keys), hostileString(pools)), { maxLength: 6 }), async (pairs) => {
        const query = new URLSearchParams();
        for (const [k, v] of pairs) query.append(k, v.slice(0, 4000));
        const res = await GET(new Request(`http://localhost/api/admin/access/export?${query.toString()}`));
        expect(res.status).toBeLessThan(500);
        const body = await res.text();
        for (const markup of HOSTILE_MARKUP) expect(body).not.toContain(markup);
      }),
      { numRuns: 10 },
    );
  });

  it("the audit export answers below 500 to hostile filters and echoes no markup", async () => {
    const audit = await import("@/app/api/admin/audit/export/route");
    await signIn("admin");
    const keys = ["actor", "type", "merchant", "partner", "from", "to", "before", "__proto__", "constructor"];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...keys), hostileString(pools)), { maxLength: 6 }), async (pairs) => {
        const query = new URLSearchParams();
        for (const [k, v] of pairs) query.append(k, v.slice(0, 4000));
        const res = await audit.GET(new Request(`http://localhost/api/admin/audit/export?${query.toString()}`));
        expect(res.status).toBeLessThan(500);
        const body = await res.text();
        for (const markup of HOSTILE_MARKUP) expect(body).not.toContain(markup);
      }),
      { numRuns: 10 },
    );
  });

  it("the audit export and the health check answer below 500 whoever asks", async () => {
    const audit = await import("@/app/api/admin/audit/export/route");
    const health = await import("@/app/api/health/route");
    for (const as of ["admin", "merchant", "anonymous"] as const) {
      await signIn(as);
      const res = await audit.GET();
      expect(res.status).toBeLessThan(500);
      await res.text();
      expect((await health.GET()).status).toBeLessThan(500);
    }
  });
});
