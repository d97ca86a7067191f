import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor, PAGE_SIZE_MAX, type ListQuery } from "@/lib/paging/keyset";
import { isLive } from "@/lib/grants/grant-status";

/**
 * Issue 14, must show: the partner's clients page at 5,000 grants costs what it costs at 50. A scratch database
 * (so the demo world the other files share stays small) gets the demo world plus synthetic merchants, each
 * with one ledger, granted by generate_series (bench/synthetic-world.ts): 5,000 to Tall & Balanse and 50 to
 * Konto Partner. Every statement and every row PostgreSQL returns is counted at the pg pool.
 */
const { createScratchDatabase } = await import("@/tests/support/scratch-database");
const scratch = await createScratchDatabase("lists");
const { installCountingDb } = await import("@/tests/support/counting-db");
const counting = installCountingDb(scratch.url);
const { db } = await import("@/lib/server/db");
const { seedDemoWorld } = await import("@/lib/server/seed/seed-demo-world");
const { insertSyntheticWorld } = await import("@/bench/synthetic-world");
const { partnerContextFor, TEST_KEY } = await import("@/tests/support/test-db");
const { listClientsPage, getClient, LEDGERS_PER_CLIENT } = await import("@/lib/server/partner-clients/list-clients");
const { listPartnerOverviewPage, getSalesUnitForMerchant, listOverviewFilterOptions, LIVE_GRANTS_PER_UNIT } = await import("@/lib/server/merchant-partners/list-partner-overview");
const { listPartnerStaffPage } = await import("@/lib/server/partner-staff/list-partner-staff");
const { listInbox } = await import("@/lib/server/notifications/inbox");
const { merchantContextFor } = await import("@/tests/support/test-db");
const { countMerchantRequests } = await import("@/lib/server/access-requests/count-requests");
const { listRenewals, RENEWALS_LIST_MAX } = await import("@/lib/server/renewals/list-renewals");
const { listPartnerPeopleForMerchantPage } = await import("@/lib/server/partner-staff/list-partner-people-for-merchant");

type Ctx = Awaited<ReturnType<typeof partnerContextFor>>;
const first = (size = 25, q = ""): ListQuery => ({ q, cursor: null, direction: "next", size });

let per: Ctx; // Tall & Balanse owner: 2 demo + 5,000 synthetic clients
let mads: Ctx; // Konto Partner owner: 1 demo + 50 synthetic clients
let anne: Ctx; // Tall & Balanse accountant assigned Fjord Kaffe only
let kari: Awaited<ReturnType<typeof merchantContextFor>>; // Fjord Kaffe admin: 200 synthetic partners on ledger 302103
let nils: Awaited<ReturnType<typeof merchantContextFor>>; // Nordlys Sport admin: the demo world's size
const cursorOf = (c: string) => JSON.parse(Buffer.from(c, "base64url").toString()) as string[];

async function measure<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number; rows: number }> {
  counting.stats.queries = 0;
  counting.stats.rows = 0;
  const result = await fn();
  return { result, queries: counting.stats.queries, rows: counting.stats.rows };
}

/** Every client of a partner in the order the list promises (name, then id), straight from SQL. */
async function expectedOrder(partnerSlug: string): Promise<string[]> {
  const c = new pg.Client({ connectionString: scratch.url });
  await c.connect();
  const r = await c.query<{ id: string }>(
    `SELECT m.id FROM "Merchant" m WHERE EXISTS (SELECT 1 FROM "LedgerGrant" g JOIN "AccountingPartner" p ON p.id = g."partnerId"
       WHERE g."merchantId" = m.id AND p.slug = $1 AND g.status = 'active' AND (g."validUntil" IS NULL OR g."validUntil" >= CURRENT_DATE))
     ORDER BY m.name, m.id`, [partnerSlug]);
  await c.end();
  return r.rows.map((x) => x.id);
}

async function walk(ctx: Ctx, size: number): Promise<{ forward: string[]; pages: string[][] }> {
  const pages: string[][] = [];
  let query: ListQuery = first(size);
  for (;;) {
    const page = await listClientsPage(ctx, query);
    pages.push(page.items.map((c) => c.merchantId));
    if (!page.nextCursor) break;
    query = { q: "", cursor: JSON.parse(Buffer.from(page.nextCursor, "base64url").toString()) as string[], direction: "next", size };
  }
  return { forward: pages.flat(), pages };
}

beforeAll(async () => {
  await seedDemoWorld(db, { encryptionKey: TEST_KEY, withDemoKeys: false });
  const c = new pg.Client({ connectionString: scratch.url });
  await c.connect();
  await insertSyntheticWorld(c, {
    merchants: 5_000,
    partners: 200,
    firms: [{ slug: "tall-og-balanse", grants: 5_000 }, { slug: "konto-partner", grants: 50 }],
    otherGrants: 0,
    merchantGrants: { merchantSlug: "fjord-kaffe", ledgerExternalId: "302103", grants: 200 },
    partnerStaff: { partnerSlug: "tall-og-balanse", staff: 300 },
    merchantRequests: { merchantSlug: "fjord-kaffe", requests: 2_000 },
  });
  // 150 of the 200 synthetic grants on Fjord Kaffe's ledger 302103 end within ten days (renewal candidates).
  await c.query(`UPDATE "LedgerGrant" g SET "validUntil" = CURRENT_DATE + 5 FROM "AccountingPartner" p
    WHERE p.id = g."partnerId" AND p.slug BETWEEN 'syn-p-0001' AND 'syn-p-0150'`);
  // 60 notifications for Kari at one and the same instant (ties on the sort key), 1,000 for Per.
  await c.query(`INSERT INTO "Notification" ("userId", kind, title, body, "createdAt")
    SELECT u.id, 'test', 'Tied ' || n, 'same instant', '2026-12-01T10:00:00Z' FROM generate_series(1, 60) n CROSS JOIN "User" u WHERE u.email = 'kari@fjordkaffe.example'`);
  await c.query(`INSERT INTO "Notification" ("userId", kind, title, body, "createdAt")
    SELECT u.id, 'test', 'Notice ' || n, 'body', now() - (n || ' minutes')::interval FROM generate_series(1, 1000) n CROSS JOIN "User" u WHERE u.email = 'per@tallbalanse.example'`);
  // Ties across page boundaries: 30 of Konto Partner's clients share one name (only the id orders them).
  await c.query(`UPDATE "Merchant" SET name = 'Samme Navn AS' WHERE slug BETWEEN 'syn-m-00011' AND 'syn-m-00040'`);
  await c.end();
  [per, mads, anne] = await Promise.all([
    partnerContextFor("per@tallbalanse.example", "tall-og-balanse"),
    partnerContextFor("mads@kontopartner.example", "konto-partner"),
    partnerContextFor("anne@tallbalanse.example", "tall-og-balanse"),
  ]);
  [kari, nils] = await Promise.all([merchantContextFor("kari@fjordkaffe.example", "fjord-kaffe"), merchantContextFor("nils@nordlys.example", "nordlys-sport")]);
}, 120_000);

afterAll(async () => {
  await counting.client.$disconnect();
  await counting.pool.end();
  await scratch.drop();
});

describe("the clients page's data call at 5,000 grants", () => {
  it("returns one page, with the stat cards counted in SQL", async () => {
    const page = await listClientsPage(per, first());
    expect(page.items).toHaveLength(25);
    expect(page.summary).toEqual({ clients: 5_002, ledgers: 5_002, withPersonalData: 1_000 });
    expect(page.total).toBe(5_002);
    expect(page.prevCursor).toBeNull();
    expect(page.nextCursor).not.toBeNull();
  });

  it("sends the same number of statements and reads back the same rows at 50 and at 5,000 clients", async () => {
    const small = await measure(() => listClientsPage(mads, first()));
    const large = await measure(() => listClientsPage(per, first()));
    expect(small.result.summary.clients).toBe(51);
    expect(large.result.summary.clients).toBe(5_002);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(3);
    // Rows back: the page's merchants (+1 probe), one summary row, their ledgers — never the 5,000.
    expect(large.rows).toBe(small.rows);
    expect(large.rows).toBeLessThanOrEqual(26 + 1 + 25 * LEDGERS_PER_CLIENT);
    // A deep page costs what the first does.
    const deepCursor = encodeCursor([large.result.items[24]!.merchantName, large.result.items[24]!.merchantId]);
    const deep = await measure(() => listClientsPage(per, { q: "", cursor: JSON.parse(Buffer.from(deepCursor, "base64url").toString()) as string[], direction: "next", size: 25 }));
    expect(deep.queries).toBe(large.queries);
    expect(deep.rows).toBe(large.rows);
  });

  it("caps the page size whatever is asked for", async () => {
    const { parseListQuery } = await import("@/lib/paging/keyset");
    const query = parseListQuery({ size: "100000" }, 2);
    const page = await listClientsPage(per, query);
    expect(page.items).toHaveLength(PAGE_SIZE_MAX);
  });

  it("walks every client exactly once, in (name, id) order, forwards and backwards", async () => {
    const expected = await expectedOrder("tall-og-balanse");
    const { forward, pages } = await walk(per, 100);
    expect(forward).toEqual(expected);
    expect(pages.every((p) => p.length <= 100)).toBe(true);
    // Backwards from the third page gives the second and then the first.
    const p3 = await listClientsPage(per, { q: "", cursor: null, direction: "next", size: 100 });
    const p2 = await listClientsPage(per, { ...first(100), cursor: JSON.parse(Buffer.from(p3.nextCursor!, "base64url").toString()) as string[] });
    const back = await listClientsPage(per, { ...first(100), cursor: JSON.parse(Buffer.from(p2.prevCursor!, "base64url").toString()) as string[], direction: "prev" });
    expect(back.items.map((c) => c.merchantId)).toEqual(pages[0]);
    expect(back.prevCursor).toBeNull();
  });

  it("keeps ties on the name in a stable order across pages (the id breaks them)", async () => {
    const expected = await expectedOrder("konto-partner");
    const { forward } = await walk(mads, 7);
    expect(forward).toEqual(expected);
    expect(new Set(forward).size).toBe(51);
    // And backwards through the whole list, page by page, ends where the forward walk began.
    let page = await listClientsPage(mads, { q: "", cursor: [String.fromCodePoint(0x10ffff), "ffffffff-ffff-ffff-ffff-ffffffffffff"], direction: "prev", size: 7 });
    const backwards: string[][] = [page.items.map((c) => c.merchantId)];
    while (page.prevCursor) {
      page = await listClientsPage(mads, { q: "", cursor: JSON.parse(Buffer.from(page.prevCursor, "base64url").toString()) as string[], direction: "prev", size: 7 });
      backwards.unshift(page.items.map((c) => c.merchantId));
    }
    expect(backwards.flat()).toEqual(expected);
  });

  it("searches on the server by name, org. number and MSN, and counts the matches in SQL", async () => {
    const byName = await listClientsPage(per, first(25, "kaffe 00050"));
    expect(byName.items.map((c) => c.merchantName)).toEqual(["Synthetic Kaffe 00050 AS"]);
    expect(byName.total).toBe(1);
    expect(byName.summary.clients).toBe(5_002); // the stat cards stay the firm's totals
    expect((await listClientsPage(per, first(25, "700004999"))).items.map((c) => c.orgNo)).toEqual(["700004999"]);
    const byMsn = await listClientsPage(per, first(25, "8001234"));
    expect(byMsn.items.map((c) => c.ledgers.map((l) => l.salesUnits[0]?.msn))).toEqual([["8001234"]]);
    const many = await listClientsPage(per, first(25, "Kaffe"));
    expect(many.total).toBe(498); // 500 synthetic "Kaffe" merchants, 3 of them renamed above, + Fjord Kaffe
    expect(many.items).toHaveLength(25);
    expect((await listClientsPage(per, first(25, "%"))).total).toBe(0); // pattern characters are text
    expect((await listClientsPage(mads, first(25, "kaffe 00050"))).total).toBe(1);
    expect((await listClientsPage(mads, first(25, "kaffe 00150"))).total).toBe(0); // not Konto Partner's client
  });

  it("keeps the tenant and the accountant's scope at size", async () => {
    const page = await listClientsPage(anne, first());
    expect(page.items.map((c) => c.merchantName)).toEqual(["Fjord Kaffe AS"]);
    expect(page.summary.clients).toBe(1);
    expect(await listClientsPage({ ...per, partnerStatus: "suspended" }, first())).toMatchObject({ items: [], total: 0 });
    const other = (await listClientsPage(per, first(25, "Synthetic Kaffe 04000"))).items[0]!;
    expect(await getClient(per, other.merchantId)).toMatchObject({ merchantName: "Synthetic Kaffe 04000 AS" });
    expect(await getClient(mads, other.merchantId)).toBeNull(); // Konto Partner has only the first 50
  });
});

describe("the other lists at size", () => {
  it("merchant overview: a sales unit's partners are bounded, the stat cards count all 200 in SQL, the statements do not grow", async () => {
    const small = await measure(() => listPartnerOverviewPage(nils, {}, first()));
    const large = await measure(() => listPartnerOverviewPage(kari, {}, first()));
    expect(large.queries).toBe(small.queries);
    const bryggen = large.result.items.find((u) => u.msn === "212003")!;
    expect(bryggen.grants.length).toBeLessThanOrEqual(LIVE_GRANTS_PER_UNIT);
    expect(bryggen.moreLive).toBe(200 - LIVE_GRANTS_PER_UNIT);
    expect(large.result.summary.partnersWithAccess).toBe(201); // the 200 synthetic partners + Tall & Balanse
    expect(large.result.summary.salesUnits).toBe(4);
    expect(large.rows).toBeLessThan(100);
    // The sales unit's own page lists every partner of its ledger.
    expect((await getSalesUnitForMerchant(kari, bryggen.id))!.grants).toHaveLength(200);
    // Ended grants are counted on the overview, not listed (decision 051): the count is what each sales unit's own
    // page lists. Three of Bryggen's grants end for the check (revoked just now), and are restored after it.
    const ending = bryggen.grants.slice(0, 3).map((g) => g.id);
    await db.ledgerGrant.updateMany({ where: { id: { in: ending } }, data: { status: "revoked", revokedAt: new Date() } });
    try {
      const after = await listPartnerOverviewPage(kari, {}, first());
      let endedSeen = 0;
      for (const unit of after.items) {
        expect(unit.grants.every((g) => isLive(g.status))).toBe(true);
        const full = (await getSalesUnitForMerchant(kari, unit.id))!;
        const ended = full.grants.filter((g) => !isLive(g.status)).length;
        expect(unit.moreEnded, unit.msn).toBe(ended);
        endedSeen += ended;
      }
      expect(endedSeen).toBeGreaterThanOrEqual(3);
    } finally {
      await db.ledgerGrant.updateMany({ where: { id: { in: ending } }, data: { status: "active", revokedAt: null } });
    }
    const options = await listOverviewFilterOptions(kari);
    expect(options.partners.length).toBeLessThanOrEqual(100);
  });

  it("merchant overview: keyset paging of sales units with search by name and MSN", async () => {
    const p1 = await listPartnerOverviewPage(kari, {}, first(2));
    const p2 = await listPartnerOverviewPage(kari, {}, { ...first(2), cursor: cursorOf(p1.nextCursor!) });
    expect([...p1.items, ...p2.items].map((u) => u.msn).sort()).toEqual(["212001", "212002", "212003", "212004"]);
    expect(p2.nextCursor).toBeNull();
    const back = await listPartnerOverviewPage(kari, {}, { ...first(2), cursor: cursorOf(p2.prevCursor!), direction: "prev" });
    expect(back.items.map((u) => u.id)).toEqual(p1.items.map((u) => u.id));
    expect((await listPartnerOverviewPage(kari, {}, first(25, "Kiosk"))).items.map((u) => u.msn)).toEqual(["212004"]);
    expect((await listPartnerOverviewPage(kari, {}, first(25, "21200"))).total).toBe(4);
    expect((await listPartnerOverviewPage(nils, {}, first(25, "Kiosk"))).total).toBe(0);
  });

  it("partner staff: 301 people in pages of 25, searched, counted in SQL; dialog clients bounded", async () => {
    const page = await listPartnerStaffPage(per, first());
    expect(page.items).toHaveLength(25);
    expect(page.items[0]).toMatchObject({ role: "owner", email: "per@tallbalanse.example" });
    expect(page.summary).toEqual({ people: 302, accountants: 301, clients: 5_002 });
    expect(page.clients).toHaveLength(100);
    const seen: string[] = [];
    let query = first(50);
    for (;;) {
      const p = await listPartnerStaffPage(per, query);
      seen.push(...p.items.map((m) => m.membershipId));
      if (!p.nextCursor) break;
      query = { ...first(50), cursor: cursorOf(p.nextCursor) };
    }
    expect(new Set(seen).size).toBe(302);
    const found = await listPartnerStaffPage(per, first(25, "accountant 0042"));
    expect(found.items.map((m) => m.email)).toEqual(["syn-user-0042@synthetic.example"]);
    expect(found.total).toBe(1);
  });

  it("notifications: keyset pages through ties on the timestamp, forwards and backwards; a deep page costs the first's statements", async () => {
    const ids: string[] = [];
    let cursor: string[] | null = null;
    const pages: string[][] = [];
    for (;;) {
      const inbox = await listInbox(kari.user.id, { take: 7, cursor });
      pages.push(inbox.items.map((n) => n.id));
      ids.push(...inbox.items.map((n) => n.id));
      if (!inbox.nextCursor) break;
      cursor = cursorOf(inbox.nextCursor);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const total = (await listInbox(kari.user.id, { take: 1 })).total;
    expect(ids).toHaveLength(total);
    const second = await listInbox(kari.user.id, { take: 7, cursor: cursorOf((await listInbox(kari.user.id, { take: 7 })).nextCursor!) });
    const back = await listInbox(kari.user.id, { take: 7, cursor: cursorOf(second.prevCursor!), direction: "prev" });
    expect(back.items.map((n) => n.id)).toEqual(pages[0]);
    expect(back.prevCursor).toBeNull();
    const firstPage = await measure(() => listInbox(per.user.id, { take: 20 }));
    const mid = await listInbox(per.user.id, { take: 500 });
    expect(mid.items).toHaveLength(100); // capped
    const deep = await measure(() => listInbox(per.user.id, { take: 20, cursor: cursorOf(mid.nextCursor!) }));
    expect(deep.queries).toBe(firstPage.queries);
    expect(deep.rows).toBe(firstPage.rows);
  });

  it("requests and renewals: tab and stat counts from SQL, renewal lists bounded", async () => {
    const counts = await countMerchantRequests(kari);
    expect(counts).toMatchObject({ open: 2_000, ending: 150 });
    // Requests by org. number name no sales unit: a manager sees them too; another merchant sees none.
    const mona = await merchantContextFor("mona@fjordkaffe.example", "fjord-kaffe");
    expect((await countMerchantRequests(mona)).open).toBe(2_000);
    expect((await countMerchantRequests(nils)).open).toBe(0);
    const renewals = await listRenewals(kari);
    expect(renewals.ending).toHaveLength(RENEWALS_LIST_MAX);
    expect(renewals.moreEnding).toBe(50);
    expect(renewals.totals).toMatchObject({ ending: 150, ending14: 150 });
  });

  it("merchant 'who can see': 201 partners in keyset pages, searched, counted in SQL; statements as at demo size", async () => {
    const small = await measure(() => listPartnerPeopleForMerchantPage(nils, first()));
    const large = await measure(() => listPartnerPeopleForMerchantPage(kari, first()));
    expect(large.queries).toBe(small.queries);
    expect(large.result.items).toHaveLength(25);
    expect(large.result.summary.partners).toBe(201); // 200 synthetic partners + Tall & Balanse
    const seen: string[] = [];
    let query = first(40);
    for (;;) {
      const p = await listPartnerPeopleForMerchantPage(kari, query);
      seen.push(...p.items.map((x) => x.partnerId));
      if (!p.nextCursor) break;
      query = { ...first(40), cursor: cursorOf(p.nextCursor) };
    }
    expect(new Set(seen).size).toBe(201);
    const found = await listPartnerPeopleForMerchantPage(kari, first(25, "Regnskap 0042"));
    expect(found.items.map((x) => x.name)).toEqual(["Synthetic Regnskap 0042 AS"]);
    const tb = (await listPartnerPeopleForMerchantPage(kari, first(25, "Tall"))).items[0]!;
    expect(tb.people.map((x) => x.email).sort()).toEqual(["anne@tallbalanse.example", "per@tallbalanse.example"]);
  });
});
