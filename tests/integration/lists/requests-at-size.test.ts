import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import type { KeysetPage, ListQuery } from "@/lib/paging/keyset";

/**
 * Issue 14, the remaining lists: requests (merchant and partner), approvals, renewals, the access log and a
 * sales unit's partners are keyset pages, searched and counted in SQL, and a page's statements and rows do not
 * grow with the data behind it. A scratch database holds the demo world plus, for Fjord Kaffe, 2,000 open
 * requests, 200 grants waiting for approval, 200 ending soon, 200 partners on one ledger and 3,000 access-log
 * events; 2,000 requests from Tall & Balanse. Nordlys Sport (demo size) is the small side of each comparison.
 */
const { createScratchDatabase } = await import("@/tests/support/scratch-database");
const scratch = await createScratchDatabase("requests");
const { installCountingDb } = await import("@/tests/support/counting-db");
const counting = installCountingDb(scratch.url);
const { db } = await import("@/lib/server/db");
const { seedDemoWorld } = await import("@/lib/server/seed/seed-demo-world");
const { insertSyntheticWorld } = await import("@/bench/synthetic-world");
const { partnerContextFor, merchantContextFor, TEST_KEY } = await import("@/tests/support/test-db");
const { listMerchantRequestsPage, listPartnerRequestsPage, OPEN_REQUESTS_PAGE_SIZE } = await import("@/lib/server/access-requests/list-requests-page");
const { listPendingApprovalsPage } = await import("@/lib/server/grants/queries");
const { listRenewalsPage } = await import("@/lib/server/renewals/list-renewals");
const { listAccessEventsPage, getAccessLogSummary } = await import("@/lib/server/access-log/list-access-events");
const { getSalesUnitPage } = await import("@/lib/server/merchant-partners/list-partner-overview");

type MerchantCtx = Awaited<ReturnType<typeof merchantContextFor>>;
let kari: MerchantCtx; // Fjord Kaffe admin: everything at size
let nils: MerchantCtx; // Nordlys Sport admin: the demo world's size
let per: Awaited<ReturnType<typeof partnerContextFor>>; // Tall & Balanse owner: 2,000 requests
let mads: Awaited<ReturnType<typeof partnerContextFor>>; // Konto Partner owner: none

const first = (size = 25, q = ""): ListQuery => ({ q, cursor: null, direction: "next", size });
const cursorOf = (c: string) => JSON.parse(Buffer.from(c, "base64url").toString()) as string[];
const next = (q: ListQuery, p: KeysetPage<unknown>): ListQuery => ({ ...q, cursor: cursorOf(p.nextCursor!), direction: "next" });
const prev = (q: ListQuery, p: KeysetPage<unknown>): ListQuery => ({ ...q, cursor: cursorOf(p.prevCursor!), direction: "prev" });

async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number; rows: number }> {
  counting.stats.queries = 0;
  counting.stats.rows = 0;
  const result = await fn();
  return { result, queries: counting.stats.queries, rows: counting.stats.rows };
}

/** Walks a list to its end and back to its start; every row seen once each way, in mirror order. */
async function walk<T>(read: (q: ListQuery) => Promise<KeysetPage<T>>, id: (x: T) => string, size: number): Promise<string[]> {
  const forward: string[][] = [];
  let q = first(size);
  let page = await read(q);
  forward.push(page.items.map(id));
  while (page.nextCursor) {
    q = next(q, page);
    page = await read(q);
    forward.push(page.items.map(id));
  }
  const backward: string[][] = [page.items.map(id)];
  while (page.prevCursor) {
    q = prev(q, page);
    page = await read(q);
    backward.unshift(page.items.map(id));
  }
  expect(backward).toEqual(forward);
  const all = forward.flat();
  expect(new Set(all).size).toBe(all.length);
  return all;
}

beforeAll(async () => {
  await seedDemoWorld(db, { encryptionKey: TEST_KEY, withDemoKeys: false });
  const c = new pg.Client({ connectionString: scratch.url });
  await c.connect();
  await insertSyntheticWorld(c, {
    merchants: 2_000,
    partners: 200,
    firms: [],
    otherGrants: 0,
    merchantGrants: { merchantSlug: "fjord-kaffe", ledgerExternalId: "302103", grants: 200 },
    merchantRequests: { merchantSlug: "fjord-kaffe", requests: 2_000 },
    partnerRequests: { partnerSlug: "tall-og-balanse", requests: 2_000 },
    pendingApprovals: { merchantSlug: "fjord-kaffe", ledgerExternalId: "302102", grants: 200 },
    endingGrants: { merchantSlug: "fjord-kaffe", ledgerExternalId: "302101", grants: 200 },
    accessEvents: { merchantSlug: "fjord-kaffe", ledgerExternalId: "302103", events: 3_000 },
  });
  // Ties on the sort key across page boundaries: 30 of the open requests expire at one and the same instant.
  await c.query(`UPDATE "AccessRequest" SET "expiresAt" = now() + interval '20 days'
    WHERE id IN (SELECT id FROM "AccessRequest" WHERE purpose LIKE 'Synthetic request %' ORDER BY "createdAt" LIMIT 30)`);
  // The small side of each comparison: a few requests of the same kind for Nordlys Sport and Konto Partner.
  await c.query(`INSERT INTO "AccessRequest" ("partnerId", "merchantId", "requestedOrgNo", purpose, status, "expiresAt", "createdAt")
    SELECT p.id, m.id, m."orgNo", 'Small request ' || n, 'pending', now() + interval '30 days', now() - (n || ' minutes')::interval
    FROM generate_series(1, 3) n JOIN "AccountingPartner" p ON p.slug = 'syn-p-' || lpad(n::text, 4, '0') CROSS JOIN "Merchant" m WHERE m.slug = 'nordlys-sport'`);
  await c.query(`INSERT INTO "AccessRequest" ("partnerId", "merchantId", "requestedOrgNo", purpose, status, "expiresAt", "createdAt", "decidedAt")
    SELECT p.id, m.id, m."orgNo", 'Small submission ' || n, (CASE WHEN n % 2 = 0 THEN 'pending' ELSE 'declined' END)::"AccessRequestStatus",
           now() + interval '30 days', now() - (n || ' minutes')::interval, CASE WHEN n % 2 = 1 THEN now() END
    FROM generate_series(1, 3) n JOIN "Merchant" m ON m.slug = 'syn-m-' || lpad(n::text, 5, '0') CROSS JOIN "AccountingPartner" p WHERE p.slug = 'konto-partner'`);
  await c.end();
  [kari, nils] = await Promise.all([merchantContextFor("kari@fjordkaffe.example", "fjord-kaffe"), merchantContextFor("nils@nordlys.example", "nordlys-sport")]);
  [per, mads] = await Promise.all([partnerContextFor("per@tallbalanse.example", "tall-og-balanse"), partnerContextFor("mads@kontopartner.example", "konto-partner")]);
}, 120_000);

afterAll(async () => {
  await counting.client.$disconnect();
  await counting.pool.end();
  await scratch.drop();
});

const requestQueries = (open = first(OPEN_REQUESTS_PAGE_SIZE), history = first()) => ({ open, history });

describe("the merchant's requests at 2,000 open requests", () => {
  it("is one page of open requests and one of the history, counted in SQL; statements and rows as at demo size", async () => {
    const small = await measure(() => listMerchantRequestsPage(nils, requestQueries()));
    const large = await measure(() => listMerchantRequestsPage(kari, requestQueries()));
    expect(large.result.open.items).toHaveLength(OPEN_REQUESTS_PAGE_SIZE);
    expect(large.result.open.total).toBe(2_000);
    expect(large.result.open.items.every((r) => r.status === "pending" && r.ledgerChoices.length > 0)).toBe(true);
    // Soonest to expire first.
    const expires = large.result.open.items.map((r) => r.expiresAt);
    expect([...expires].sort()).toEqual(expires);
    expect(large.queries).toBe(small.queries);
    // Rows back: a page's worth (ten requests, their partners' live grants, the merchant's few ledgers), not thousands.
    expect(large.rows).toBeLessThan(100);
  });

  it("walks every open request once, through ties on the expiry, forwards and backwards", async () => {
    const ids = await walk((q) => listMerchantRequestsPage(kari, requestQueries(q)).then((p) => p.open), (r) => r.id, 97);
    expect(ids).toHaveLength(2_000);
  }, 60_000);

  it("searches by partner name and org. number on the server; another merchant sees none of them", async () => {
    const byName = await listMerchantRequestsPage(kari, requestQueries(first(10, "regnskap 0042")));
    expect(byName.open.total).toBe(10); // requests n ≡ 42 (mod 200)
    expect(byName.open.items.every((r) => r.partner.name === "Synthetic Regnskap 0042 AS")).toBe(true);
    const byOrgNo = await listMerchantRequestsPage(kari, requestQueries(first(10, "600000042")));
    expect(byOrgNo.open.total).toBe(10);
    expect((await listMerchantRequestsPage(nils, requestQueries(first(10, "Regnskap 0042")))).open.total).toBe(0);
  });

  it("a cursor that is not ours starts at page one", async () => {
    const bad = await listMerchantRequestsPage(kari, requestQueries({ ...first(OPEN_REQUESTS_PAGE_SIZE), cursor: ["not a date", "x"] }));
    const one = await listMerchantRequestsPage(kari, requestQueries());
    expect(bad.open.items.map((r) => r.id)).toEqual(one.open.items.map((r) => r.id));
  });
});

describe("the partner's requests at 2,000 submissions", () => {
  it("is one page of submissions, newest first, with the stat cards counted in SQL", async () => {
    const small = await measure(() => listPartnerRequestsPage(mads, first()));
    const large = await measure(() => listPartnerRequestsPage(per, first()));
    expect(large.result.items).toHaveLength(25);
    expect(large.result.total).toBe(2_000);
    expect(large.result.counts).toEqual({ open: 1_000, approved: 0, closed: 1_000 });
    const created = large.result.items.map((r) => r.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect(large.queries).toBe(small.queries);
    // A page of 25 submissions and their related rows (partner, merchant, grants), not 2,000.
    expect(large.rows).toBeLessThan(150);
  });

  it("walks every submission once and searches what the partner typed", async () => {
    const ids = await walk((q) => listPartnerRequestsPage(per, q), (r) => r.id, 100);
    expect(ids).toHaveLength(2_000);
    const found = await listPartnerRequestsPage(per, first(25, "700000042"));
    expect(found.items.map((r) => r.requestedOrgNo)).toEqual(["700000042"]);
    expect((await listPartnerRequestsPage(per, first(25, "submission 1999"))).total).toBe(1);
  }, 60_000);
});

describe("approvals, renewals, the access log and a sales unit at size", () => {
  it("approvals: 200 waiting in keyset pages, searched, counted in SQL", async () => {
    const page = await listPendingApprovalsPage(kari, first());
    expect(page.items).toHaveLength(25);
    expect(page.total).toBe(200);
    const ids = await walk((q) => listPendingApprovalsPage(kari, q), (a) => a.id, 30);
    expect(ids).toHaveLength(200);
    const found = await listPendingApprovalsPage(kari, first(25, "Regnskap 0007"));
    expect(found.items.map((a) => a.partner.name)).toEqual(["Synthetic Regnskap 0007 AS"]);
    expect((await listPendingApprovalsPage(nils, first())).total).toBe(0);
    // A page's four-eyes reasons are read for the page, not per row: 25 rows cost the statements of one (each
    // row asked "does this partner hold every ledger?" with two statements of its own before).
    const one = await measure(() => listPendingApprovalsPage(kari, first(1)));
    const full = await measure(() => listPendingApprovalsPage(kari, first(25)));
    expect(full.result.items).toHaveLength(25);
    expect(full.queries).toBe(one.queries);
    expect(full.queries).toBeLessThanOrEqual(8);
  }, 60_000);

  it("renewals: 200 ending in keyset pages, soonest first, searched; statements as at demo size", async () => {
    const queries = { ending: first(), lapsed: first() };
    const small = await measure(() => listRenewalsPage(nils, queries));
    const large = await measure(() => listRenewalsPage(kari, queries));
    expect(large.queries).toBe(small.queries);
    expect(large.result.ending.items).toHaveLength(25);
    expect(large.result.totals.ending).toBe(200);
    const ends = large.result.ending.items.map((g) => g.validUntil);
    expect([...ends].sort()).toEqual(ends);
    const ids = await walk((q) => listRenewalsPage(kari, { ending: q, lapsed: first() }).then((p) => p.ending), (g) => g.grantId, 45);
    expect(ids).toHaveLength(200);
    expect((await listRenewalsPage(kari, { ending: first(25, "Regnskap 0011"), lapsed: first() })).ending.total).toBe(1);
  }, 60_000);

  it("access log: 3,000 events in keyset pages, newest first; a deep page costs the first's statements and rows", async () => {
    const filters = { page: 1 };
    const p1 = await measure(() => listAccessEventsPage(kari, filters, first(50)));
    expect(p1.result.items).toHaveLength(50);
    expect(p1.result.total).toBe(3_000);
    let q = first(50);
    let page = p1.result;
    for (let i = 0; i < 30; i++) {
      q = next(q, page);
      page = await listAccessEventsPage(kari, filters, q);
    }
    const deep = await measure(() => listAccessEventsPage(kari, filters, next(q, page)));
    expect(deep.queries).toBe(p1.queries);
    expect(deep.rows).toBe(p1.rows);
    const ids = await walk((x) => listAccessEventsPage(kari, filters, x), (e) => e.id, 400);
    expect(ids).toHaveLength(3_000);
    const summary = await getAccessLogSummary(kari);
    expect(summary.partners.length).toBeLessThanOrEqual(100);
  }, 60_000);

  it("a sales unit's page: 200 partners in keyset pages, searched by partner; 404 for another merchant's unit", async () => {
    const unit = await db.salesUnit.findFirstOrThrow({ where: { ledger: { externalId: "302103" } }, select: { id: true } });
    const page = await getSalesUnitPage(kari, unit.id, first());
    expect(page!.grants.items).toHaveLength(25);
    expect(page!.grants.total).toBe(200);
    const ids = await walk((q) => getSalesUnitPage(kari, unit.id, q).then((p) => p!.grants), (g) => g.id, 60);
    expect(ids).toHaveLength(200);
    expect((await getSalesUnitPage(kari, unit.id, first(25, "Regnskap 0150")))!.grants.items.map((g) => g.partnerName)).toEqual(["Synthetic Regnskap 0150 AS"]);
    expect(await getSalesUnitPage(nils, unit.id, first())).toBeNull();
  }, 60_000);
});
