import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parse } from "csv-parse/sync";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";

// A1's data layer against real PostgreSQL, in a database of this file's own (the rows are made up here, so the
// expected pages can be computed independently). The session plumbing is replaced for the export route only.
const session = vi.hoisted(() => ({ userId: null as string | null, activeOrg: null as string | null }));
vi.mock("@/lib/server/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "portal-active-org" && session.activeOrg ? { name, value: session.activeOrg } : undefined), set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers(),
}));

const scratch: ScratchDatabase = await createScratchDatabase("overview");
const { db } = await import("@/lib/server/db");
const { listOverviewPage, countOverviewByStatus, iterateOverview } = await import("@/lib/server/admin-access/grant-overview");
const { parseOverviewQuery, encodeCursor, decodeCursor } = await import("@/lib/admin-access/overview-query");
const { GET: exportOverview } = await import("@/app/api/admin/access/export/route");
const { GET: searchOrgsRoute } = await import("@/app/api/admin/organisations/route");
const { searchOrganisations } = await import("@/lib/server/admin-orgs/search-organisations");
const { grantDisplayStatus } = await import("@/lib/grants/grant-status");
const { shiftLedgerDate, todayPortalDate } = await import("@/lib/dates");
type Query = import("@/lib/admin-access/overview-query").OverviewQuery;
type Sort = import("@/lib/admin-access/overview-query").OverviewSort;

const today = todayPortalDate();
interface G { id: string; merchantId: string; partnerId: string; ledgerId: string; status: "active" | "pending_approval" | "revoked" | "expired" | "declined"; validUntil: string | null; includesPersonalData: boolean; createdAt: Date; lastUsedAt: Date | null }
const grants: G[] = [];
const ids = { merchants: [] as { id: string; orgNo: string }[], partners: [] as { id: string; orgNo: string }[], ledgers: [] as { id: string; merchantId: string; msns: string[] }[] };

beforeAll(async () => {
  for (let m = 0; m < 4; m++) {
    const merchant = await db.merchant.create({ data: { slug: `m${m}`, name: `Merchant ${m}`, country: "NO", orgNo: `90000000${m}` }, select: { id: true, orgNo: true } });
    ids.merchants.push(merchant);
    for (let l = 0; l < 2; l++) {
      const ledger = await db.ledger.create({ data: { externalId: `70${m}${l}`, merchantId: merchant.id, currency: "NOK" }, select: { id: true } });
      const msns = l === 0 ? [`5${m}${l}01`, `5${m}${l}02`] : [`5${m}${l}01`];
      for (const msn of msns) await db.salesUnit.create({ data: { merchantId: merchant.id, msn, name: `Shop ${msn}`, channel: "api", recipientHandle: `api:${msn}`, ledgerId: ledger.id } });
      ids.ledgers.push({ id: ledger.id, merchantId: merchant.id, msns });
    }
  }
  for (let p = 0; p < 3; p++) {
    ids.partners.push(await db.accountingPartner.create({ data: { slug: `p${p}`, name: `Partner ${p}`, country: "NO", orgNo: `80000000${p}`, status: p === 2 ? "suspended" : "approved" }, select: { id: true, orgNo: true } }));
  }
  // Few distinct timestamps and end dates, so sort keys tie often and the id must break the ties.
  const created = [new Date("2026-11-01T10:00:00.000Z"), new Date("2026-11-02T10:00:00.000Z"), new Date("2026-11-03T10:00:00.000Z")];
  const ends = [null, shiftLedgerDate(today, -5), shiftLedgerDate(today, 3), shiftLedgerDate(today, 10), shiftLedgerDate(today, 40)];
  const used = [null, new Date("2026-12-01T08:00:00.000Z"), new Date("2026-12-02T08:00:00.000Z")];
  const liveStatuses = ["active", "active", "pending_approval"] as const;
  const endedStatuses = ["revoked", "expired", "declined"] as const;
  let n = 0;
  for (const partner of ids.partners) {
    for (const ledger of ids.ledgers) {
      for (const status of [liveStatuses[n % 3]!, endedStatuses[n % 3]!]) {
        n += 1;
        const g = await db.ledgerGrant.create({
          data: {
            merchantId: ledger.merchantId, partnerId: partner.id, ledgerId: ledger.id, status,
            validUntil: ends[n % 5] ? new Date(`${ends[n % 5]}T00:00:00.000Z`) : null,
            includesPersonalData: n % 4 === 0, createdAt: created[n % 3]!, lastUsedAt: used[n % 3] ?? null,
            ...(status === "revoked" ? { revokedAt: new Date() } : {}),
          },
          select: { id: true },
        });
        grants.push({ id: g.id, merchantId: ledger.merchantId, partnerId: partner.id, ledgerId: ledger.id, status, validUntil: ends[n % 5] ?? null, includesPersonalData: n % 4 === 0, createdAt: created[n % 3]!, lastUsedAt: used[n % 3] ?? null });
      }
    }
  }
  const admin = await db.user.create({ data: { email: "ingrid@example.test", name: "Ingrid", isPlatformAdmin: true }, select: { id: true } });
  Object.assign(session, { userId: admin.id, activeOrg: "admin" });
});

afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

const display = (g: G) => grantDisplayStatus({ status: g.status, validUntil: g.validUntil }, today);
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
function expectedOrder(rows: G[], sort: Sort): string[] {
  const key = (g: G): string | number =>
    sort === "newest" ? g.createdAt.getTime() : sort === "ending" ? (g.validUntil ?? "9999-99-99") : (g.lastUsedAt?.getTime() ?? -Infinity);
  const dir = sort === "ending" ? 1 : -1;
  return [...rows].sort((a, b) => dir * (cmp(key(a), key(b)) || cmp(a.id, b.id))).map((g) => g.id);
}

async function allPages(q: Omit<Query, "after">): Promise<string[]> {
  const seen: string[] = [];
  let after: Query["after"];
  for (let i = 0; i < 100; i++) {
    const page = await listOverviewPage({ ...q, ...(after ? { after } : {}) }, { today });
    expect(page.rows.length).toBeLessThanOrEqual(q.size);
    seen.push(...page.rows.map((r) => r.id));
    if (!page.next) return seen;
    // The cursor goes through the URL: encode and decode it like a link does.
    after = decodeCursor(encodeCursor(page.next));
  }
  throw new Error("paging did not end");
}

describe("access overview data layer (A1)", () => {
  it("pages by keyset through every grant exactly once, in order, for each sort (ties broken by id)", async () => {
    for (const sort of ["newest", "ending", "lastUsed"] as const) {
      for (const size of [1, 4, 7, 200]) {
        expect(await allPages({ filters: {}, sort, size })).toEqual(expectedOrder(grants, sort));
      }
    }
  });

  it("filters by partner, merchant, status, personal data, ending within N days and search, and counts follow", async () => {
    const [p0, p1] = ids.partners;
    const m1 = ids.merchants[1]!;
    const cases: { q: Query["filters"]; keep: (g: G) => boolean }[] = [
      { q: { partnerId: p0!.id }, keep: (g) => g.partnerId === p0!.id },
      { q: { merchantId: m1.id }, keep: (g) => g.merchantId === m1.id },
      { q: { personalData: true, partnerId: p1!.id }, keep: (g) => g.includesPersonalData && g.partnerId === p1!.id },
      { q: { status: "expiring_soon" }, keep: (g) => display(g) === "expiring_soon" },
      { q: { status: "expired" }, keep: (g) => display(g) === "expired" },
      { q: { status: "active" }, keep: (g) => display(g) === "active" },
      { q: { status: "revoked" }, keep: (g) => display(g) === "revoked" },
      { q: { expiringWithinDays: 5 }, keep: (g) => g.status === "active" && g.validUntil !== null && g.validUntil >= today && g.validUntil <= shiftLedgerDate(today, 5) },
      { q: { q: m1.orgNo }, keep: (g) => g.merchantId === m1.id },
      { q: { q: p1!.orgNo }, keep: (g) => g.partnerId === p1!.id },
      // An MSN finds the grants on its sales unit's ledger.
      { q: { q: ids.ledgers[3]!.msns[0]! }, keep: (g) => g.ledgerId === ids.ledgers[3]!.id },
      { q: { q: "000000000" }, keep: () => false },
    ];
    for (const c of cases) {
      const expected = grants.filter(c.keep);
      expect(await allPages({ filters: c.q, sort: "newest", size: 5 })).toEqual(expectedOrder(expected, "newest"));
      // Counts by status follow every filter but the status itself.
      const counts = await countOverviewByStatus(c.q, { today });
      // (The status cases filter by status alone, so their counts are over every grant.)
      const base = c.q.status ? grants : expected;
      expect(counts.total).toBe(base.length);
      for (const s of ["active", "expiring_soon", "pending_approval", "expired", "revoked", "declined"] as const) {
        expect(counts[s]).toBe(base.filter((g) => display(g) === s).length);
      }
    }
  });

  it("filters to grants out of sync with the Report API (an open reconciliation finding), and marks them", async () => {
    const [p0, p1] = ids.partners;
    const notReadable = grants.find((g) => g.partnerId === p0!.id && g.status === "active")!;
    const ledger = ids.ledgers.find((l) => l.id !== notReadable.ledgerId)!;
    // A granted-here-but-not-readable finding names its grant; a readable-but-not-granted one names partner and ledger.
    await db.reconciliationFinding.create({ data: { kind: "portal_only", partnerId: p0!.id, ledgerExternalId: "x", ledgerId: notReadable.ledgerId, merchantId: notReadable.merchantId, grantId: notReadable.id } });
    await db.reconciliationFinding.create({ data: { kind: "upstream_only", partnerId: p1!.id, ledgerExternalId: "y", ledgerId: ledger.id, merchantId: ledger.merchantId } });
    // A resolved finding is history: it marks nothing.
    await db.reconciliationFinding.create({ data: { kind: "portal_only", partnerId: p1!.id, ledgerExternalId: "z", ledgerId: notReadable.ledgerId, resolvedAt: new Date() } });
    try {
      const keep = (g: G) => g.id === notReadable.id || (g.partnerId === p1!.id && g.ledgerId === ledger.id);
      const rows = [];
      let after: Query["after"];
      do {
        const page = await listOverviewPage({ filters: { outOfSync: true }, sort: "newest", size: 3, ...(after ? { after } : {}) }, { today });
        rows.push(...page.rows);
        after = page.next ?? undefined;
      } while (after);
      expect(rows.map((r) => r.id)).toEqual(expectedOrder(grants.filter(keep), "newest"));
      expect(rows.every((r) => r.outOfSync)).toBe(true);
      expect((await countOverviewByStatus({ outOfSync: true }, { today })).total).toBe(grants.filter(keep).length);
      const all = await listOverviewPage({ filters: {}, sort: "newest", size: 200 }, { today });
      expect(all.rows.filter((r) => r.outOfSync).map((r) => r.id).sort()).toEqual(grants.filter(keep).map((g) => g.id).sort());
      expect(parseOverviewQuery({ sync: "out" }).filters).toEqual({ outOfSync: true });
    } finally {
      await db.reconciliationFinding.deleteMany({});
    }
  });

  it("reads filters from the URL and drops what does not parse (never an error, never SQL)", () => {
    const p = ids.partners[0]!.id;
    expect(parseOverviewQuery({ partner: p, status: "expiring_soon", personal: "1", expiring: "30", q: "912 345 678", sort: "ending", size: "9999" })).toEqual({
      filters: { partnerId: p, status: "expiring_soon", personalData: true, expiringWithinDays: 30, q: "912345678" }, sort: "ending", size: 200,
    });
    expect(parseOverviewQuery({ partner: "'; DROP TABLE x", status: "nope", expiring: "-1", q: "a'b", sort: "x", after: "!!!", size: "abc" })).toEqual({ filters: {}, sort: "newest", size: 25 });
    expect(decodeCursor(Buffer.from(JSON.stringify({ v: "x", id: "not-a-uuid" })).toString("base64url"))).toBeUndefined();
  });

  it("streams the filtered list as CSV in keyset batches: every matching row once, nothing else", async () => {
    const p1 = ids.partners[1]!;
    const batches: number[] = [];
    for await (const b of iterateOverview({ filters: { partnerId: p1.id }, sort: "newest" }, { batchSize: 3, today })) batches.push(b.length);
    const expected = grants.filter((g) => g.partnerId === p1.id);
    expect(batches.every((n) => n <= 3)).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(expected.length);

    const res = await exportOverview(new Request(`http://localhost/api/admin/access/export?partner=${p1.id}&personal=1`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const records = parse(await res.text(), { columns: true, bom: true }) as Record<string, string>[];
    const want = expected.filter((g) => g.includesPersonalData);
    expect(records.map((r) => r.grantId)).toEqual(expectedOrder(want, "newest"));
    for (const r of records) expect(r).toMatchObject({ partner: "Partner 1", partnerOrgNo: p1.orgNo, personalData: "true" });
    expect(records[0]!.salesUnits).toMatch(/Shop \d+ \(\d+\)/);
  });

  it("refuses the export to anyone but a platform admin (404, no rows)", async () => {
    const user = await db.user.create({ data: { email: "merchant@example.test", name: "M" }, select: { id: true } });
    const saved = { ...session };
    Object.assign(session, { userId: user.id, activeOrg: "admin" });
    expect((await exportOverview(new Request("http://localhost/api/admin/access/export"))).status).toBe(404);
    Object.assign(session, { userId: null, activeOrg: null });
    expect((await exportOverview(new Request("http://localhost/api/admin/access/export"))).status).toBe(404);
    Object.assign(session, saved);
  });

  it("looks a search up once for the page and the counts, and once for a whole export", async () => {
    const m1 = ids.merchants[1]!;
    const spy = vi.spyOn(db.merchant, "findMany");
    try {
      const { resolveOverviewSearch } = await import("@/lib/server/admin-access/grant-overview");
      const search = await resolveOverviewSearch({ q: m1.orgNo });
      expect(spy).toHaveBeenCalledTimes(1);
      const page = await listOverviewPage({ filters: { q: m1.orgNo }, sort: "newest", size: 50 }, { today, ...(search ? { search } : {}) });
      const counts = await countOverviewByStatus({ q: m1.orgNo }, { today, ...(search ? { search } : {}) });
      expect(spy).toHaveBeenCalledTimes(1);
      expect(page.rows.length).toBe(grants.filter((g) => g.merchantId === m1.id).length);
      expect(counts.total).toBe(page.rows.length);
      spy.mockClear();
      let batches = 0;
      for await (const b of iterateOverview({ filters: { q: m1.orgNo }, sort: "newest" }, { batchSize: 2, today })) batches += b.length > 0 ? 1 : 0;
      expect(batches).toBeGreaterThan(2);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("merchant and partner filters searched on the server", () => {
  it("finds organisations by part of the name or the start of the org. number, at most 20, by name", async () => {
    for (let i = 0; i < 25; i++) await db.merchant.create({ data: { slug: `shop-${i}`, name: `Zeta shop ${String(i).padStart(2, "0")}`, country: "NO", orgNo: `91000${String(i).padStart(4, "0")}` } });
    expect((await searchOrganisations("merchant", "merchant 1")).map((m) => m.name)).toEqual(["Merchant 1"]);
    expect((await searchOrganisations("merchant", "900 000 00")).map((m) => m.name)).toEqual(["Merchant 0", "Merchant 1", "Merchant 2", "Merchant 3"]);
    const zeta = await searchOrganisations("merchant", "zeta");
    expect(zeta).toHaveLength(20);
    expect(zeta.map((m) => m.name)).toEqual(Array.from({ length: 20 }, (_, i) => `Zeta shop ${String(i).padStart(2, "0")}`));
    expect(await searchOrganisations("merchant", "%")).toEqual([]);
    expect((await searchOrganisations("partner", "")).map((p) => p.name)).toEqual(["Partner 0", "Partner 1", "Partner 2"]);
    expect((await searchOrganisations("partner", ids.partners[1]!.orgNo))[0]).toEqual({ id: ids.partners[1]!.id, name: "Partner 1", orgNo: ids.partners[1]!.orgNo });
  });

  it("answers platform admins only (404 for anyone else), and 400 for a malformed search", async () => {
    const ok = await searchOrgsRoute(new Request("http://localhost/api/admin/organisations?kind=partner&q=partner%202"));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { results: { name: string }[] }).results.map((r) => r.name)).toEqual(["Partner 2"]);
    expect((await searchOrgsRoute(new Request("http://localhost/api/admin/organisations?kind=ledger&q=x"))).status).toBe(400);
    const user = await db.user.create({ data: { email: "not-admin@example.test", name: "N" }, select: { id: true } });
    const saved = { ...session };
    try {
      Object.assign(session, { userId: user.id, activeOrg: "admin" });
      const refused = await searchOrgsRoute(new Request("http://localhost/api/admin/organisations?kind=merchant&q=merchant"));
      expect(refused.status).toBe(404);
      expect(await refused.text()).not.toContain("Merchant");
    } finally {
      Object.assign(session, saved);
    }
  });
});
