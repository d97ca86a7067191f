/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in these tests are checked against the official OpenAPI schemas at run time (see test-support/openapi.ts) and asserted field by field */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../calendar";
import { encodeCursor } from "../paging";
import type { RunningSandbox } from "../server";
import { admin, call, chainBreaks, keys, readDate, start, TODAY, type Entry, type Keys } from "../test-support/client";

const PAGE = 20;
const YESTERDAY = addDays(TODAY, -1); // a Tuesday: a payout date
const SATURDAY = "2025-06-14";
const ENTRY_KEYS = ["amount", "balanceAfter", "balanceBefore", "currency", "entryType", "ledgerDate", "pspReference", "recipientHandle", "reference", "time"];
const GDPR_KEYS = ["maskedPhoneNo", "message", "name"];
const INITIAL_TALL = [
  { ledgerId: "302101", includesPersonalData: false },
  { ledgerId: "302201", includesPersonalData: false },
];

let sb: RunningSandbox;
let k: Keys;
let merchant212001: Record<string, string>;
let partnerTall: Record<string, string>;
beforeAll(async () => {
  sb = await start({ pageSize: PAGE, ledgerPageSize: 1 });
  k = keys(sb.url);
  merchant212001 = await k.merchant("212001");
  partnerTall = await k.partner("987654321");
});
afterAll(() => sb.stop());

/** Every ledger a key lists, following cursors; also returns the pages. */
async function listLedgers(headers: Record<string, string>, query = ""): Promise<{ pages: any[]; ids: string[] }> {
  const pages: any[] = [];
  let path = `/settlement/v1/ledgers${query}`;
  for (;;) {
    const res = await call(sb.url, path, { headers });
    expect(res.status).toBe(200);
    pages.push(res.body);
    if (res.body.cursor === "") break;
    path = `/settlement/v1/ledgers?cursor=${encodeURIComponent(res.body.cursor)}`;
  }
  return { pages, ids: pages.flatMap((p) => p.items.map((l: any) => l.ledgerId)) };
}

const datePath = (ledgerId: string, topic: string, date: string, query = "") => `/report/v2/ledgers/${ledgerId}/${topic}/dates/${date}${query}`;

describe("GET /settlement/v1/ledgers", () => {
  it("gives merchant keys the one ledger of their MSN, with salesUnits, and cursor '' at the end", async () => {
    const { pages, ids } = await listLedgers(merchant212001);
    expect(ids).toEqual(["302101"]);
    expect(pages.at(-1).cursor).toBe("");
    expect(pages[0].items[0]).toEqual({
      ledgerId: "302101",
      currency: "NOK",
      payoutBankAccount: { scheme: "BBAN:NO", id: "86011117947" },
      owner: { scheme: "business:NO:ORG", id: "912345678" },
      settlesForRecipientHandles: ["api:212001"],
      salesUnits: [{ name: "Fjord Kaffe Grünerløkka", recipientHandle: "api:212001", businessIdentifier: { scheme: "business:NO:ORG", id: "912345678" } }],
    });
  });

  it("pages a partner's ledgers with a cursor and ends with cursor ''", async () => {
    const { pages, ids } = await listLedgers(partnerTall);
    expect(ids).toEqual(["302101", "302201"]);
    expect(pages).toHaveLength(2); // ledgerPageSize 1
    expect(pages[0].cursor).not.toBe("");
    expect(JSON.parse(Buffer.from(pages[0].cursor, "base64").toString())).toEqual({ afterLedgerId: "302101", settlesForRecipientHandles: null });
  });

  it("filters on settlesForRecipientHandles", async () => {
    expect((await listLedgers(partnerTall, "?settlesForRecipientHandles=api%3A223001")).ids).toEqual(["302201"]);
    expect((await listLedgers(partnerTall, "?settlesForRecipientHandles=api%3A212003")).ids).toEqual([]);
  });

  it("hides a ledger that settles two sales units from the merchant keys of either (single-MSN rule)", async () => {
    for (const msn of ["212003", "212004"]) {
      const res = await call(sb.url, "/settlement/v1/ledgers", { headers: await k.merchant(msn) });
      expect(res.body).toEqual({ cursor: "", items: [] });
    }
  });

  it("answers 400 for a cursor it did not issue", async () => {
    const res = await call(sb.url, "/settlement/v1/ledgers?cursor=bm90LWEtY3Vyc29y", { headers: partnerTall });
    expect(res.status).toBe(400);
    expect(res.body.errorMessage).toMatch(/cursor/);
  });
});

describe("GET /report/v2/ledgers/{ledgerId}/{topic}/dates/{ledgerDate}", () => {
  it("pages a closed date (≤ page size, cursor only with hasMore) and loses or repeats nothing", async () => {
    const { pages, items } = await readDate(sb.url, merchant212001, "302101", "funds", YESTERDAY);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      expect(p.items.length).toBeLessThanOrEqual(PAGE);
      expect(p.tryLater).toBe(false);
      expect("cursor" in p).toBe(p.hasMore);
    }
    expect(pages.at(-1).hasMore).toBe(false);
    // Exactly the generated date, in order: nothing lost, nothing repeated.
    const ledger = sb.state.ledger("302101")!;
    const range = ledger.funds.ranges.get(YESTERDAY)!;
    expect(items.map((e) => e.pspReference + e.entryType)).toEqual(ledger.funds.entries.slice(range.start, range.end).map((e) => e.pspReference + e.entryType));
    expect(new Set(items.map((e) => `${e.pspReference}|${e.entryType}`)).size).toBe(items.length);
    expect(chainBreaks(items)).toEqual([]);
  });

  it("serves entries with exactly the documented fields, integer money and UTC times with microseconds", async () => {
    const { items } = await readDate(sb.url, merchant212001, "302101", "funds", YESTERDAY);
    for (const e of items) {
      expect(Object.keys(e).sort()).toEqual(ENTRY_KEYS);
      expect(e.ledgerDate).toBe(YESTERDAY);
      expect(e.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      expect(e.currency).toBe("NOK");
      for (const n of [e.amount, e.balanceBefore, e.balanceAfter]) expect(Number.isInteger(n)).toBe(true);
    }
    const captures = items.filter((e) => e.entryType === "capture");
    expect(captures.length).toBeGreaterThan(10);
    for (const c of captures) {
      expect(c.amount).toBeGreaterThan(0);
      expect(c.pspReference).toMatch(/^\d{10}$/);
      expect(c.reference).toMatch(/^fjord-kaffe-212001-order[a-z0-9]{9}$/);
      expect(c.recipientHandle).toBe("api:212001");
    }
  });

  it("ends a payout date with payout-scheduled draining funds to 0, after fees-retained mirrored on fees", async () => {
    const funds = (await readDate(sb.url, merchant212001, "302101", "funds", YESTERDAY)).items;
    const fees = (await readDate(sb.url, merchant212001, "302101", "fees", YESTERDAY)).items;
    const payout = funds.at(-1)!;
    expect(payout.entryType).toBe("payout-scheduled");
    expect(payout.balanceAfter).toBe(0);
    expect(payout.amount).toBeLessThan(0);
    expect(payout.recipientHandle).toBeNull();
    expect(payout.pspReference).toMatch(/^302101-\d{7}$/);
    expect(payout.reference).toMatch(/^Utb\. \d{7} Vippsnr 212001$/);
    const retainedFunds = funds.find((e) => e.entryType === "fees-retained")!;
    const retainedFees = fees.find((e) => e.entryType === "fees-retained")!;
    expect(retainedFunds.amount).toBeLessThan(0);
    expect(retainedFees.amount).toBe(-retainedFunds.amount);
    expect(retainedFees.recipientHandle).toBeNull();
    expect(retainedFees.reference).toBe("");
    // Net settlement: the fees balance is back to zero after retention.
    expect(fees.at(-1)!.balanceAfter).toBe(0);
    expect(fees.filter((e) => e.entryType === "capture-fee").every((e) => e.amount < 0)).toBe(true);
  });

  it("has no payout on a Saturday, and balances chain from one date to the next", async () => {
    const sat = (await readDate(sb.url, merchant212001, "302101", "funds", SATURDAY)).items;
    expect(sat.some((e) => e.entryType === "payout-scheduled")).toBe(false);
    const sun = (await readDate(sb.url, merchant212001, "302101", "funds", addDays(SATURDAY, 1))).items;
    expect(sun[0]!.balanceBefore).toBe(sat.at(-1)!.balanceAfter);
    const feesSat = (await readDate(sb.url, merchant212001, "302101", "fees", SATURDAY)).items;
    const feesSun = (await readDate(sb.url, merchant212001, "302101", "fees", addDays(SATURDAY, 1))).items;
    expect(feesSun[0]!.balanceBefore).toBe(feesSat.at(-1)!.balanceAfter);
  });

  it("says tryLater on today's open date (with this morning's entries), on future dates, and not on closed ones", async () => {
    const today = await readDate(sb.url, merchant212001, "302101", "funds", TODAY);
    expect(today.pages.every((p) => p.tryLater === true)).toBe(true);
    expect(today.items.length).toBeGreaterThan(0);
    expect(today.items.every((e) => e.ledgerDate === TODAY && e.entryType !== "payout-scheduled")).toBe(true);
    // Oslo is UTC+2 in June: the morning ends at 10:00Z.
    expect(today.items.every((e) => e.time < `${TODAY}T10:00:00`)).toBe(true);
    const future = await call(sb.url, datePath("302101", "funds", addDays(TODAY, 3)), { headers: merchant212001 });
    expect(future.body).toEqual({ hasMore: false, tryLater: true, items: [] });
    const old = await call(sb.url, datePath("302101", "funds", "2020-01-01"), { headers: merchant212001 });
    expect(old.body).toEqual({ hasMore: false, tryLater: false, items: [] });
  });

  it("serves a gross-settled ledger with monthly fees-invoiced and no fees-retained", async () => {
    const firstOfMonth = (await readDate(sb.url, partnerTall, "302201", "fees", "2025-06-01")).items;
    const invoiced = firstOfMonth.find((e) => e.entryType === "fees-invoiced")!;
    expect(invoiced.amount).toBeGreaterThan(0);
    expect(invoiced.balanceAfter).toBe(0);
    expect(firstOfMonth.some((e) => e.entryType === "service-fee" && e.amount < 0)).toBe(true);
    const funds = (await readDate(sb.url, partnerTall, "302201", "funds", YESTERDAY)).items;
    expect(funds.some((e) => e.entryType === "fees-retained")).toBe(false);
    expect(funds.at(-1)!.entryType).toBe("payout-scheduled");
  });

  it("answers 404 on a ledger the token may not read: ungranted, single-MSN rule, or unknown", async () => {
    const cases: [Record<string, string>, string][] = [
      [partnerTall, "302102"],
      [await k.merchant("212003"), "302103"],
      [merchant212001, "302102"],
      [partnerTall, "999999"],
    ];
    for (const [headers, ledgerId] of cases) {
      for (const path of [datePath(ledgerId, "funds", YESTERDAY), `/report/v2/ledgers/${ledgerId}/fees/feed`]) {
        const res = await call(sb.url, path, { headers });
        expect(res.status, `${ledgerId} ${path}`).toBe(404);
        expect(res.headers.get("content-type")).toMatch(/json/);
        expect(res.body.detail).toBe("No such ledgerId");
      }
    }
  });

  it("answers 400 naming the field for bad dates, topics, cursors and flags", async () => {
    const bad: [string, string][] = [
      [datePath("302101", "funds", "2024-13-45"), "ledgerDate"],
      [datePath("302101", "funds", "2024-02-30"), "ledgerDate"],
      [datePath("302101", "funds", "20240101"), "ledgerDate"],
      [datePath("302101", "funds", "yesterday"), "ledgerDate"],
      [datePath("302101", "payouts", YESTERDAY), "topic"],
      [datePath("302101", "funds", YESTERDAY, "?cursor=garbage!"), "cursor"],
      [datePath("302101", "funds", YESTERDAY, `?cursor=${encodeURIComponent(Buffer.from("{}").toString("base64"))}`), "cursor"],
      [datePath("302101", "funds", YESTERDAY, `?cursor=${encodeURIComponent(encodeCursor({ k: "date", l: "302101", t: "funds", d: SATURDAY, i: 5 }))}`), "cursor"],
      [datePath("302101", "funds", YESTERDAY, `?cursor=${encodeURIComponent(encodeCursor({ k: "date", l: "302101", t: "funds", d: YESTERDAY, i: 99_999 }))}`), "cursor"],
      [datePath("302101", "funds", YESTERDAY, `?cursor=${encodeURIComponent(encodeCursor({ k: "feed", l: "302101", t: "funds", d: YESTERDAY, i: 0 }))}`), "cursor"],
      [datePath("302101", "funds", YESTERDAY, "?includeGDPRSensitiveData=yes"), "includeGDPRSensitiveData"],
      ["/report/v2/ledgers/302101/fees/feed?cursor=%25%25%25", "cursor"],
    ];
    for (const [path, field] of bad) {
      const res = await call(sb.url, path, { headers: merchant212001 });
      expect(res.status, path).toBe(400);
      expect(res.body.errorCode).toBe(10002);
      expect(res.body.errorMessage).toContain(field);
    }
  });

  it("checks the token before the input: a bad date without a token is 401", async () => {
    const res = await call(sb.url, datePath("302101", "funds", "2024-13-45"));
    expect(res.status).toBe(401);
  });
});

describe("GDPR-sensitive fields", () => {
  const hasGdpr = (e: Entry) => GDPR_KEYS.every((key) => key in e);

  it("adds name, maskedPhoneNo and message on VM-number payments when asked and the grant allows it", async () => {
    const konto = await k.partner("41234567"); // granted 402301 with personal data
    const asked = (await readDate(sb.url, konto, "402301", "funds", YESTERDAY, "includeGDPRSensitiveData=true")).items;
    const payments = asked.filter((e) => e.entryType === "capture" || e.entryType === "refund");
    expect(payments.length).toBeGreaterThan(0);
    for (const e of payments) {
      expect(hasGdpr(e)).toBe(true);
      expect(e.maskedPhoneNo).toMatch(/^xxxx \d{4}$/);
      expect(e.name).toMatch(/^\S+ \S+$/);
      expect(typeof e.message).toBe("string");
      expect(e.recipientHandle).toBe("DK:90601");
    }
    // Not on entries that are no payment.
    for (const e of asked.filter((x) => x.recipientHandle === null)) expect(GDPR_KEYS.some((key) => key in e)).toBe(false);
    const notAsked = (await readDate(sb.url, konto, "402301", "funds", YESTERDAY)).items;
    expect(notAsked.some((e) => GDPR_KEYS.some((key) => key in e))).toBe(false);
    expect(notAsked.map((e) => e.pspReference)).toEqual(asked.map((e) => e.pspReference));
  });

  it("never adds them to API (MSN) payments", async () => {
    const items = (await readDate(sb.url, merchant212001, "302101", "funds", YESTERDAY, "includeGDPRSensitiveData=true")).items;
    expect(items.some((e) => GDPR_KEYS.some((key) => key in e))).toBe(false);
  });

  it("gives them to a partner only when its grant includes personal data (VM units have no merchant keys)", async () => {
    const partnerKonto = await k.partner("41234567"); // granted 402301 (DK:90601, a MobilePay-nummer) with personal data
    const withData = (await readDate(sb.url, partnerKonto, "402301", "funds", YESTERDAY, "includeGDPRSensitiveData=true")).items;
    expect(withData.filter((e) => e.entryType === "capture").every(hasGdpr)).toBe(true);

    await admin(sb.url, "PUT", "/grants/41234567", { ledgers: [{ ledgerId: "402301", includesPersonalData: false }] });
    const without = (await readDate(sb.url, partnerKonto, "402301", "funds", YESTERDAY, "includeGDPRSensitiveData=true")).items;
    expect(without.length).toBeGreaterThan(0);
    expect(without.some((e) => GDPR_KEYS.some((key) => key in e))).toBe(false);
    await admin(sb.url, "PUT", "/grants/41234567", { ledgers: [{ ledgerId: "402301", includesPersonalData: true }] });

    // The joint ledger settles two API sales units: both appear on its entries, neither with personal data.
    await admin(sb.url, "PUT", "/grants/987654321", { ledgers: [...INITIAL_TALL, { ledgerId: "302103", includesPersonalData: true }] });
    const joint = (await readDate(sb.url, partnerTall, "302103", "funds", YESTERDAY, "includeGDPRSensitiveData=true")).items;
    expect(new Set(joint.map((e) => e.recipientHandle).filter(Boolean))).toEqual(new Set(["api:212003", "api:212004"]));
    expect(joint.some((e) => GDPR_KEYS.some((key) => key in e))).toBe(false);
    await admin(sb.url, "PUT", "/grants/987654321", { ledgers: INITIAL_TALL });
  });
});

describe("routes", () => {
  it("answers unknown routes with 404 JSON and the removed v1 endpoint with 410", async () => {
    const unknown = await call(sb.url, "/report/v3/whatever", { headers: merchant212001 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.status).toBe(404);
    const post = await call(sb.url, "/settlement/v1/ledgers", { method: "POST", headers: merchant212001 });
    expect(post.status).toBe(404);
    const v1 = await call(sb.url, "/report/v1/ledgertransactions?ledgerId=302101", { headers: merchant212001 });
    expect(v1.status).toBe(410);
  });
});
