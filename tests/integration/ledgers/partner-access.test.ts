import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import { getPartnerLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { addDays } from "@/lib/ledgers/range";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { listLedgerEntries } from "@/lib/server/ledgers/list-ledger-entries";
import { ensureDemoWorld, partnerContextFor } from "@/tests/support/test-db";
import { dateReads, forgetCachedDates, sandboxStats, startLedgerSandbox } from "./sandbox-support";

// P1/P2 on the data layer: a partner reads a ledger only through an active grant (and, for an accountant, an
// assignment), within the grant's period and personal-data choice, checked before any upstream call.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startLedgerSandbox();
  await ensureDemoWorld();
});
afterAll(async () => {
  await sandbox?.stop();
});

const per = () => partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
const anne = () => partnerContextFor("anne@tallbalanse.example", "tall-og-balanse");
const mads = () => partnerContextFor("mads@kontopartner.example", "konto-partner");

async function grantOf(partnerSlug: string, ledgerId: string) {
  return db.ledgerGrant.findFirstOrThrow({ where: { partner: { slug: partnerSlug }, ledger: { externalId: ledgerId }, status: "active" } });
}

/** Runs `fn` with the grant changed, and puts it back whatever happens. */
async function withGrant<T>(partnerSlug: string, ledgerId: string, change: Parameters<typeof db.ledgerGrant.update>[0]["data"], fn: () => Promise<T>): Promise<T> {
  const grant = await grantOf(partnerSlug, ledgerId);
  await db.ledgerGrant.update({ where: { id: grant.id }, data: change });
  try {
    return await fn();
  } finally {
    const restore = Object.fromEntries(Object.keys(change).map((k) => [k, grant[k as keyof typeof grant]]));
    await db.ledgerGrant.update({ where: { id: grant.id }, data: restore });
  }
}

describe("who may read which ledger", () => {
  it("lets the owner read the granted ledger and refuses the same merchant's other ledger", async () => {
    expect((await getPartnerLedgerAccess(await per(), "302101"))?.ledger.merchantName).toBe("Fjord Kaffe AS");
    expect(await getPartnerLedgerAccess(await per(), "302102")).toBeNull();
  });

  it("refuses another partner's client, unknown and malformed ledger ids", async () => {
    expect(await getPartnerLedgerAccess(await mads(), "302101")).toBeNull();
    expect(await getPartnerLedgerAccess(await per(), "402301")).toBeNull();
    expect(await getPartnerLedgerAccess(await per(), "999999")).toBeNull();
    expect(await getPartnerLedgerAccess(await per(), "302101' OR 1=1 --")).toBeNull();
    expect(await getPartnerLedgerAccess(await per(), "x".repeat(65))).toBeNull();
  });

  it("limits an accountant to the clients assigned to them", async () => {
    expect(await getPartnerLedgerAccess(await anne(), "302101")).not.toBeNull();
    // Nordlys Sport granted Tall & Balanse 302201, but Anne is assigned Fjord Kaffe only.
    expect(await getPartnerLedgerAccess(await per(), "302201")).not.toBeNull();
    expect(await getPartnerLedgerAccess(await anne(), "302201")).toBeNull();
  });

  it("refuses a suspended partner, even with a session that still says approved", async () => {
    const ctx = await per();
    await db.accountingPartner.update({ where: { id: ctx.partnerId }, data: { status: "suspended" } });
    try {
      expect(await getPartnerLedgerAccess(ctx, "302101")).toBeNull();
      expect(await getPartnerLedgerAccess({ ...ctx, partnerStatus: "suspended" }, "302101")).toBeNull();
    } finally {
      await db.accountingPartner.update({ where: { id: ctx.partnerId }, data: { status: "approved" } });
    }
  });

  it("refuses a revoked grant and one past its end date", async () => {
    await withGrant("tall-og-balanse", "302101", { status: "revoked", revokedAt: new Date() }, async () => {
      expect(await getPartnerLedgerAccess(await per(), "302101")).toBeNull();
    });
    const yesterday = addDays(todayPortalDate(), -1);
    await withGrant("tall-og-balanse", "302101", { validUntil: ledgerDateToDb(yesterday) }, async () => {
      expect(await getPartnerLedgerAccess(await per(), "302101")).toBeNull();
    });
    await withGrant("tall-og-balanse", "302101", { validUntil: ledgerDateToDb(todayPortalDate()) }, async () => {
      expect(await getPartnerLedgerAccess(await per(), "302101")).not.toBeNull();
    });
  });
});

describe("the grant's period", () => {
  it("neither fetches nor shows dates outside periodFrom..periodTo", async () => {
    const today = todayPortalDate();
    const from = addDays(today, -25);
    const to = addDays(today, -22);
    await forgetCachedDates("302101", [from, addDays(from, 1), addDays(from, 2), to]);
    await withGrant("tall-og-balanse", "302101", { periodFrom: ledgerDateToDb(from), periodTo: ledgerDateToDb(to) }, async () => {
      const access = (await getPartnerLedgerAccess(await per(), "302101"))!;
      const view = await readLedgerRange(access, { from: addDays(today, -30), to: addDays(today, -15) });
      expect(view.shown).toEqual({ from, to });
      expect(view.days.map((d) => d.date)).toEqual([from, addDays(from, 1), addDays(from, 2), to]);
      const stats = await sandboxStats(sandbox);
      for (let i = 15; i <= 30; i++) {
        const date = addDays(today, -i);
        const inside = date >= from && date <= to;
        expect(dateReads(stats, "302101", "funds", date), date).toBe(inside ? 1 : 0);
        expect(dateReads(stats, "302101", "fees", date), date).toBe(inside ? 1 : 0);
      }
      const page = await listLedgerEntries(access, { from: addDays(today, -30), to: addDays(today, -15) }, { topic: "funds", limit: 200 });
      expect(page.entries.every((e) => e.ledgerDate >= from && e.ledgerDate <= to)).toBe(true);
      // Entirely outside: nothing is read at all.
      const outside = await readLedgerRange(access, { from: addDays(today, -10), to: addDays(today, -8) });
      expect(outside.shown).toBeNull();
      expect(outside.days).toEqual([]);
    });
  });
});

describe("personal data", () => {
  it("requests the GDPR fields only when the grant includes them, and strips them for readers who may not see them", async () => {
    const date = addDays(todayPortalDate(), -6);
    const where = { ledger: { externalId: "402301" }, ledgerDate: ledgerDateToDb(date), topic: "funds" as const };
    await forgetCachedDates("402301", [date]);

    // Cached by a reader without personal data: upstream was not asked for it, so nothing personal is stored.
    await withGrant("konto-partner", "402301", { includesPersonalData: false }, async () => {
      const access = (await getPartnerLedgerAccess(await mads(), "402301"))!;
      expect(access.personalData).toBe(false);
      await readLedgerRange(access, { from: date, to: date });
    });
    expect((await db.ledgerDay.findFirstOrThrow({ where })).hasPersonalData).toBe(false);
    expect(await db.ledgerEntry.count({ where: { ...where, payerName: { not: null } } })).toBe(0);
    expect(dateReads(await sandboxStats(sandbox), "402301", "funds", date)).toBe(1);

    // A reader entitled to personal data needs that date again, with the fields: one more upstream read.
    const entitled = (await getPartnerLedgerAccess(await mads(), "402301"))!;
    expect(entitled.personalData).toBe(true);
    await readLedgerRange(entitled, { from: date, to: date });
    expect(dateReads(await sandboxStats(sandbox), "402301", "funds", date)).toBe(2);
    expect((await db.ledgerDay.findFirstOrThrow({ where })).hasPersonalData).toBe(true);
    expect(await db.ledgerEntry.count({ where: { ...where, payerName: { not: null } } })).toBeGreaterThan(0);
    const withNames = await listLedgerEntries(entitled, { from: date, to: date }, { topic: "funds", limit: 200 });
    expect(withNames.entries.some((e) => e.personal?.name)).toBe(true);

    // Not entitled again: served from the cache (no upstream read) with the fields stripped, not even as null.
    await withGrant("konto-partner", "402301", { includesPersonalData: false }, async () => {
      const access = (await getPartnerLedgerAccess(await mads(), "402301"))!;
      const page = await listLedgerEntries(access, { from: date, to: date }, { topic: "funds", limit: 200 });
      expect(page.entries.length).toBeGreaterThan(0);
      expect(page.entries.every((e) => !("personal" in e))).toBe(true);
      expect(JSON.stringify(page)).not.toMatch(/maskedPhoneNo|xxxx \d{4}/);
    });
    expect(dateReads(await sandboxStats(sandbox), "402301", "funds", date)).toBe(2);
  });
});

describe("the access log", () => {
  it("records each partner read (user, partner, merchant, ledger, grant, dates) and the grant's last use", async () => {
    const ctx = await per();
    const date = addDays(todayPortalDate(), -2);
    const grant = await grantOf("tall-og-balanse", "302101");
    const startedAt = new Date();
    const access = (await getPartnerLedgerAccess(ctx, "302101"))!;
    await readLedgerRange(access, { from: date, to: date });
    // Paging within the same range is part of that read: no second row.
    await listLedgerEntries(access, { from: date, to: date }, { topic: "fees" });
    const events = await db.ledgerAccessEvent.findMany({ where: { grantId: grant.id, at: { gte: startedAt } }, orderBy: { id: "asc" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "read", userId: ctx.user.id, partnerId: ctx.partnerId, merchantId: grant.merchantId, ledgerId: grant.ledgerId });
    expect(dbDateToLedgerDate(events[0]!.fromDate)).toBe(date);
    expect(dbDateToLedgerDate(events[0]!.toDate)).toBe(date);
    const used = await db.ledgerGrant.findUniqueOrThrow({ where: { id: grant.id }, select: { lastUsedAt: true } });
    expect(used.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(startedAt.getTime());
    // Reading the range again (opening the page again) is a new read; entries of a range nobody read lately too.
    await readLedgerRange(access, { from: date, to: date });
    await listLedgerEntries(access, { from: addDays(date, -1), to: date }, { topic: "funds" });
    const after = await db.ledgerAccessEvent.findMany({ where: { grantId: grant.id, at: { gte: startedAt } }, orderBy: { id: "asc" } });
    expect(after.map((e) => [dbDateToLedgerDate(e.fromDate), dbDateToLedgerDate(e.toDate)])).toEqual([[date, date], [date, date], [addDays(date, -1), date]]);
  });
});
