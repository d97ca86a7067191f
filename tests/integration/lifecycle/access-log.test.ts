import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { listAccessEvents, getAccessLogSummary } from "@/lib/server/access-log/list-access-events";
import { parse } from "csv-parse/sync";
import { streamAccessLogCsv } from "@/lib/server/access-log/access-log-csv";
import { ACCESS_LOG_PAGE_SIZE, parseAccessLogFilters } from "@/lib/lifecycle/access-log-filters";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { makeGrant, resetWorld, startLifecycleWorld, type LifecycleWorld } from "./world";

// The access log reads LedgerAccessEvent rows, which the partner ledger reads and exports write (the ledger
// feature). Here they are inserted directly, as those reads would, so every filter has something to find.
let w: LifecycleWorld;
const now = new Date("2026-03-20T12:00:00Z");

beforeAll(async () => {
  w = await startLifecycleWorld();
  const g1 = await makeGrant(w, { ledger: w.merchant.ledgers.l1 });
  const g3 = await makeGrant(w, { ledger: w.merchant.ledgers.l3 });
  const g4 = await makeGrant(w, { ledger: w.other.ledger, merchantId: w.other.id });
  const event = (at: string, o: { userId: string; partnerId: string; merchantId?: string; ledgerId: string; grantId: string; action: "read" | "export"; rows?: number }) =>
    db.ledgerAccessEvent.create({
      data: {
        at: new Date(at),
        userId: o.userId,
        partnerId: o.partnerId,
        merchantId: o.merchantId ?? w.merchant.id,
        ledgerId: o.ledgerId,
        grantId: o.grantId,
        action: o.action,
        fromDate: new Date("2026-02-01"),
        toDate: new Date("2026-02-28"),
        ...(o.action === "export" ? { format: "csv" as const, rowCount: o.rows ?? 10 } : {}),
      },
    });
  // 60 reads by the owner on l1 in March, one export by the accountant on l3 (late evening Oslo on 10 March),
  // one read by the rival firm (granted nothing here, but it must never show), and one on the other merchant.
  for (let i = 0; i < 60; i++) {
    await event(`2026-03-${String(1 + (i % 9)).padStart(2, "0")}T08:${String(i % 60).padStart(2, "0")}:00Z`, { userId: w.people.owner.id, partnerId: w.partner.id, ledgerId: w.merchant.ledgers.l1.id, grantId: g1, action: "read" });
  }
  await event("2026-03-10T22:30:00Z", { userId: w.people.accountant.id, partnerId: w.partner.id, ledgerId: w.merchant.ledgers.l3.id, grantId: g3, action: "export", rows: 1234 });
  await event("2026-03-12T09:00:00Z", { userId: w.people.rivalOwner.id, partnerId: w.rival.id, ledgerId: w.merchant.ledgers.l1.id, grantId: g1, action: "read" });
  await event("2026-03-12T09:00:00Z", { userId: w.people.owner.id, partnerId: w.partner.id, merchantId: w.other.id, ledgerId: w.other.ledger.id, grantId: g4, action: "read" });
});
afterAll(async () => {
  await resetWorld(w);
  await w.stop();
});

const filters = (q: Record<string, string>) => parseAccessLogFilters(q).filters;

describe("the access log (M7)", () => {
  it("pages the merchant's own events, newest first", async () => {
    const first = await listAccessEvents(w.ctx.admin, filters({}));
    expect(first.total).toBe(62);
    expect(first.pageCount).toBe(Math.ceil(62 / ACCESS_LOG_PAGE_SIZE));
    expect(first.rows).toHaveLength(ACCESS_LOG_PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({ action: "read", partner: { name: w.rival.name }, at: "2026-03-12T09:00:00.000Z" });
    expect(first.rows[1]).toMatchObject({
      action: "export", format: "csv", rowCount: 1234, fromDate: "2026-02-01", toDate: "2026-02-28",
      person: { name: w.people.accountant.name, email: w.people.accountant.email },
      ledger: { externalId: w.merchant.ledgers.l3.externalId },
    });
    // Every page full but the last, and every event on exactly one page.
    const rest = [];
    for (let page = 2; page <= first.pageCount; page++) {
      const { rows } = await listAccessEvents(w.ctx.admin, filters({ page: String(page) }));
      expect(rows).toHaveLength(page < first.pageCount ? ACCESS_LOG_PAGE_SIZE : 62 - (first.pageCount - 1) * ACCESS_LOG_PAGE_SIZE);
      rest.push(...rows);
    }
    const ids = new Set([...first.rows, ...rest].map((r) => r.id));
    expect(ids.size).toBe(62);
  });

  it("filters by partner, ledger, action and the merchant's calendar days", async () => {
    expect((await listAccessEvents(w.ctx.admin, filters({ partner: w.rival.id }))).total).toBe(1);
    expect((await listAccessEvents(w.ctx.admin, filters({ ledger: w.merchant.ledgers.l3.id }))).total).toBe(1);
    expect((await listAccessEvents(w.ctx.admin, filters({ action: "export" }))).rows.map((r) => r.rowCount)).toEqual([1234]);
    // 22:30 UTC on 10 March is 23:30 in Oslo: still the 10th.
    expect((await listAccessEvents(w.ctx.admin, filters({ from: "2026-03-10", to: "2026-03-10" }))).rows.map((r) => r.action)).toEqual(["export"]);
    expect((await listAccessEvents(w.ctx.admin, filters({ from: "2026-03-11" }))).total).toBe(1);
    expect((await listAccessEvents(w.ctx.admin, filters({ to: "2026-03-01" }))).total).toBe(7);
    expect((await listAccessEvents(w.ctx.admin, filters({ partner: w.partner.id, action: "read", from: "2026-03-02", to: "2026-03-02" }))).total).toBe(7);
  });

  it("never shows another merchant's events; a foreign partner or ledger id matches nothing", async () => {
    const theirs = await listAccessEvents(w.ctx.otherAdmin, filters({}));
    expect(theirs.rows.map((r) => r.ledger.externalId)).toEqual([w.other.ledger.externalId]);
    expect((await listAccessEvents(w.ctx.otherAdmin, filters({ ledger: w.merchant.ledgers.l1.id }))).total).toBe(0);
    expect((await listAccessEvents(w.ctx.admin, filters({ ledger: w.other.ledger.id }))).total).toBe(0);
    const summary = await getAccessLogSummary(w.ctx.otherAdmin, now);
    expect(summary.ledgers.map((l) => l.externalId)).toEqual([w.other.ledger.externalId]);
    expect(summary.partners.map((p) => p.name)).toEqual([w.partner.name]);
  });

  it("limits a manager to the ledgers of their sales units; viewers may read it", async () => {
    const manager: MerchantContext = { ...w.ctx.manager, salesUnitScope: [w.merchant.units.c.id] };
    const page = await listAccessEvents(manager, filters({}));
    expect(page.rows.map((r) => r.ledger.externalId)).toEqual([w.merchant.ledgers.l3.externalId]);
    expect((await listAccessEvents(manager, filters({ ledger: w.merchant.ledgers.l1.id }))).total).toBe(0);
    expect((await listAccessEvents(w.ctx.viewer, filters({}))).total).toBe(62);
  });

  it("summarises the last 30 days for the stat cards", async () => {
    const s = await getAccessLogSummary(w.ctx.admin, now);
    expect(s).toMatchObject({ eventsLast30Days: 62, exportsLast30Days: 1, peopleLast30Days: 3 });
    // The filter offers the partners granted something here. Every real event comes from a grant, so that is every
    // partner the log can hold; the rival's event above is made by hand without one (it is still listed, and the
    // partner filter by its id finds it), and the menu no longer reads the whole log to find such partners.
    expect(s.partners.map((p) => p.name)).toEqual([w.partner.name]);
    expect(s.ledgers).toHaveLength(3);
  });

  it("exports the filtered log as CSV (RFC 4180, formula-safe), with the same tenant rules", async () => {
    const bytes = Buffer.from(await new Response(streamAccessLogCsv(w.ctx.admin, filters({ action: "export" }))).arrayBuffer());
    // A UTF-8 byte order mark first, so spreadsheet programs read "ø" and "å" (Response.text() would hide it).
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]).toBe('"Time (UTC)","Person","E-mail","Partner","Partner org. no.","Ledger","Currency","Sales units","Action","From ledger date","To ledger date","Format","Rows"');
    const rows = parse(text.slice(1)) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(w.people.accountant.name);
    expect(rows[1]!.slice(-5)).toEqual(["export", "2026-02-01", "2026-02-28", "csv", "1234"]);
    const all = await new Response(streamAccessLogCsv(w.ctx.admin, filters({}))).text();
    expect(all.trim().split("\r\n")).toHaveLength(63);
    const other = await new Response(streamAccessLogCsv(w.ctx.otherAdmin, filters({}))).text();
    expect(other).not.toContain(w.merchant.ledgers.l1.externalId);
  });

  it("says which filters it did not understand instead of guessing", () => {
    expect(parseAccessLogFilters({ partner: "x", ledger: "'; drop", action: "delete", from: "2026-02-30", to: "soon", page: "-1" })).toEqual({
      filters: { page: 1 },
      ignored: ["partner", "ledger", "action", "from", "to", "page"],
    });
    expect(parseAccessLogFilters({ from: "2026-03-10", to: "2026-03-01" }).ignored).toEqual(["to"]);
  });
});
