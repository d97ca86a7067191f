/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in these tests are checked against the official OpenAPI schemas at run time (see test-support/openapi.ts) and asserted field by field */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../calendar";
import type { RunningSandbox } from "../server";
import { ADMIN_SECRET, admin, call, keys, readDate, start, TODAY, type Keys } from "../test-support/client";

let sb: RunningSandbox;
let k: Keys;
beforeAll(async () => {
  sb = await start({ pageSize: 20 });
  k = keys(sb.url);
});
afterEach(async () => {
  await admin(sb.url, "POST", "/reset");
});
afterAll(() => sb.stop());

const YESTERDAY = addDays(TODAY, -1);
const ledgerIds = async (headers: Record<string, string>) => (await call(sb.url, "/settlement/v1/ledgers", { headers })).body.items.map((l: any) => l.ledgerId);
const readStatus = async (headers: Record<string, string>, ledgerId: string) => (await call(sb.url, `/report/v2/ledgers/${ledgerId}/funds/dates/${YESTERDAY}`, { headers })).status;

describe("GET /sandbox/credentials", () => {
  it("lists the demo keys in the contract's shape, with the joint ledger's sales-unit count", async () => {
    const { status, body } = await call(sb.url, "/sandbox/credentials");
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["merchants", "partners"]);
    for (const m of body.merchants) expect(Object.keys(m).sort()).toEqual(["clientId", "clientSecret", "ledgerId", "ledgerSalesUnitCount", "msn", "subscriptionKey"]);
    for (const p of body.partners) {
      const keys = ["clientId", "clientSecret", "grantedLedgerIds", "name", "orgNo", "status", ...(p.status === "suspended" ? ["note"] : [])];
      expect(Object.keys(p).sort()).toEqual(keys.sort());
    }
    expect(body.merchants.find((m: any) => m.msn === "212003")).toMatchObject({ ledgerId: "302103", ledgerSalesUnitCount: 2 });
    expect(body.merchants.find((m: any) => m.msn === "212004")).toMatchObject({ ledgerId: "302103", ledgerSalesUnitCount: 2 });
    // A MobilePay-nummer (MyShop) sales unit has no API keys upstream, so none are handed out here.
    expect(body.merchants.find((m: any) => m.msn === "234001")).toBeUndefined();
    expect(body.merchants.find((m: any) => m.msn === "212001")).toMatchObject({ ledgerId: "302101", ledgerSalesUnitCount: 1, clientId: "demo-msn-212001" });
    expect(body.partners.find((p: any) => p.orgNo === "987654321")).toMatchObject({ name: "Tall & Balanse Regnskap AS", grantedLedgerIds: ["302101", "302201"] });
    // The pending partner never got keys, so it is not listed.
    expect(body.partners.some((p: any) => p.orgNo === "976543210")).toBe(false);
  });
});

describe("admin authentication", () => {
  it("refuses /sandbox/admin/* without the right x-sandbox-admin-secret", async () => {
    for (const headers of [{}, { "x-sandbox-admin-secret": "wrong" }] as Record<string, string>[]) {
      const res = await call(sb.url, "/sandbox/admin/grants", { headers });
      expect(res.status).toBe(401);
    }
    expect((await call(sb.url, "/sandbox/admin/grants", { headers: { "x-sandbox-admin-secret": ADMIN_SECRET } })).status).toBe(200);
  });
});

describe("grants pushed from the portal", () => {
  it("take effect at once for a token already issued, and are idempotent", async () => {
    const partner = await k.partner("987654321");
    expect(await ledgerIds(partner)).toEqual(["302101", "302201"]);
    expect(await readStatus(partner, "302102")).toBe(404);

    const body = { ledgers: [{ ledgerId: "302101", includesPersonalData: false }, { ledgerId: "302102", includesPersonalData: false }] };
    const first = await admin(sb.url, "PUT", "/grants/987654321", body);
    const second = await admin(sb.url, "PUT", "/grants/987654321", body);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(first.body).toEqual({ partnerOrgNo: "987654321", ledgers: body.ledgers });

    expect(await ledgerIds(partner)).toEqual(["302101", "302102"]);
    expect(await readStatus(partner, "302102")).toBe(200);
    expect(await readStatus(partner, "302201")).toBe(404);
    const creds = (await call(sb.url, "/sandbox/credentials")).body;
    expect(creds.partners.find((p: any) => p.orgNo === "987654321").grantedLedgerIds).toEqual(["302101", "302102"]);
    const all = (await admin(sb.url, "GET", "/grants")).body.partners;
    expect(all.find((p: any) => p.partnerOrgNo === "987654321").ledgers).toEqual(body.ledgers);

    await admin(sb.url, "PUT", "/grants/987654321", { ledgers: [] });
    expect(await ledgerIds(partner)).toEqual([]);
    expect(await readStatus(partner, "302101")).toBe(404);
  });

  it("reject bad bodies and unknown ledgers with 400, and store grants of partners the world does not know", async () => {
    expect((await admin(sb.url, "PUT", "/grants/987654321", { ledgers: [{ ledgerId: "302101" }] })).status).toBe(400);
    const unknownLedger = await admin(sb.url, "PUT", "/grants/987654321", { ledgers: [{ ledgerId: "999999", includesPersonalData: false }] });
    expect(unknownLedger.status).toBe(400);
    expect(unknownLedger.body.errorMessage).toContain("ledgerId");
    // A partner approved in the portal only: stored, listed, but it has no keys to use them with.
    const newcomer = await admin(sb.url, "PUT", "/grants/999888777", { ledgers: [{ ledgerId: "302101", includesPersonalData: false }] });
    expect(newcomer.status).toBe(200);
    expect((await admin(sb.url, "GET", "/grants")).body.partners.find((p: any) => p.partnerOrgNo === "999888777")).toEqual({ partnerOrgNo: "999888777", name: null, status: null, ledgers: [{ ledgerId: "302101", includesPersonalData: false }] });
    expect((await call(sb.url, "/sandbox/credentials")).body.partners.some((p: any) => p.orgNo === "999888777")).toBe(false);
    expect((await admin(sb.url, "PUT", "/grants/not%20an%20org", { ledgers: [] })).status).toBe(400);
    const notJson = await call(sb.url, "/sandbox/admin/grants/987654321", { method: "PUT", headers: { "x-sandbox-admin-secret": ADMIN_SECRET }, body: "{nope" });
    expect(notJson.status).toBe(400);
    // Nothing changed.
    expect((await call(sb.url, "/sandbox/credentials")).body.partners.find((p: any) => p.orgNo === "987654321").grantedLedgerIds).toEqual(["302101", "302201"]);
  });
});

describe("drift switch", () => {
  it("lets a partner key read a ledger it was not granted, or hides one it was", async () => {
    const partner = await k.partner("987654321");
    const res = await admin(sb.url, "PUT", "/drift", { partnerOrgNo: "987654321", extraLedgerIds: ["302102"], missingLedgerIds: ["302201"] });
    expect(res.body).toEqual({ partnerOrgNo: "987654321", extraLedgerIds: ["302102"], missingLedgerIds: ["302201"] });
    expect(await ledgerIds(partner)).toEqual(["302101", "302102"]);
    expect(await readStatus(partner, "302102")).toBe(200);
    expect(await readStatus(partner, "302201")).toBe(404);
    // The portal's view (grants) is unchanged: that difference is what reconciliation must find.
    expect((await call(sb.url, "/sandbox/credentials")).body.partners.find((p: any) => p.orgNo === "987654321").grantedLedgerIds).toEqual(["302101", "302201"]);
    expect((await admin(sb.url, "GET", "/drift")).body.drift).toEqual([{ partnerOrgNo: "987654321", extraLedgerIds: ["302102"], missingLedgerIds: ["302201"] }]);
  });
});

describe("partner status", () => {
  it("a suspended partner's tokens stop working at once and no new ones are issued", async () => {
    const partner = await k.partner("987654321");
    await admin(sb.url, "PUT", "/partners/987654321/status", { status: "suspended" });
    expect((await call(sb.url, "/settlement/v1/ledgers", { headers: partner })).status).toBe(401);
    await expect(k.partner("987654321")).rejects.toThrow(/401/);
    // /sandbox/credentials still lists the keys, marked as suspended.
    expect((await call(sb.url, "/sandbox/credentials")).body.partners.find((p: any) => p.orgNo === "987654321")).toMatchObject({ status: "suspended", note: expect.stringMatching(/suspended/) });
    await admin(sb.url, "PUT", "/partners/987654321/status", { status: "approved" });
    expect((await call(sb.url, "/settlement/v1/ledgers", { headers: partner })).status).toBe(200);
    expect((await call(sb.url, "/sandbox/credentials")).body.partners.find((p: any) => p.orgNo === "987654321")).toMatchObject({ status: "approved" });
  });
});

describe("tokens", () => {
  it("POST /sandbox/admin/tokens/expire ends a client's tokens, not others'", async () => {
    const a = await k.merchant("212001");
    const b = await k.merchant("212002");
    const res = await admin(sb.url, "POST", "/tokens/expire", { clientId: "demo-msn-212001" });
    expect(res.body.expired).toBeGreaterThanOrEqual(1);
    expect((await call(sb.url, "/settlement/v1/ledgers", { headers: a })).status).toBe(401);
    expect((await call(sb.url, "/settlement/v1/ledgers", { headers: b })).status).toBe(200);
  });
});

describe("request counting", () => {
  it("counts every request per kind, client, ledger, date and topic; and resets", async () => {
    const m = await k.merchant("212001");
    await admin(sb.url, "POST", "/stats/reset");
    const { pages } = await readDate(sb.url, m, "302101", "funds", YESTERDAY);
    await readDate(sb.url, m, "302101", "fees", YESTERDAY);
    await call(sb.url, "/report/v2/ledgers/302101/fees/feed", { headers: m });
    await call(sb.url, "/settlement/v1/ledgers", { headers: m });
    await call(sb.url, "/report/v2/ledgers/302101/funds/dates/2024-13-45", { headers: m });

    const s = (await call(sb.url, "/sandbox/stats")).body;
    const key = `302101/funds/${YESTERDAY}`;
    expect(pages.length).toBeGreaterThan(1);
    expect(s.dates[key]).toBe(pages.length);
    expect(s.dateFirstPages[key]).toBe(1); // "this date was fetched once"
    expect(s.dateFirstPages[`302101/fees/${YESTERDAY}`]).toBe(1);
    expect(s.feeds["302101/fees"]).toBe(1);
    expect(s.byKind.ledgers).toBe(1);
    expect(s.byKind.dates).toBeGreaterThanOrEqual(pages.length + 2);
    expect(s.byClientId["demo-msn-212001"]).toBe(s.byKind.dates + s.byKind.feed + s.byKind.ledgers);
    expect(s.byStatus["400"]).toBe(1);

    // Reading the same date again shows up as a second fetch.
    await readDate(sb.url, m, "302101", "funds", YESTERDAY);
    expect((await call(sb.url, "/sandbox/stats")).body.dateFirstPages[key]).toBe(2);

    await admin(sb.url, "POST", "/stats/reset");
    const after = (await call(sb.url, "/sandbox/stats")).body;
    expect(after.dates).toEqual({});
    expect(after.total).toBe(1); // this very request
  });
});
