import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { previewGrant } from "@/lib/server/grants";
import { actor, EMAILS, ledgerId, shiftLedgerDate, startGrantTestWorld, todayPortalDate, type GrantTestWorld } from "./support";

// M2 preview: real rows from the Report API sandbox, read with the merchant's own stored (encrypted) keys.
let world: GrantTestWorld;
beforeAll(async () => {
  world = await startGrantTestWorld();
});
afterAll(() => world.stop());

const inDays = (n: number) => shiftLedgerDate(todayPortalDate(), n);
const open = { periodFrom: null, periodTo: null };

describe("previewGrant", () => {
  it("shows real rows of the latest closed date, without personal columns when the grant has none", async () => {
    const kari = await actor(EMAILS.kari);
    const preview = await previewGrant({ ledgerId: await ledgerId("302101"), ...open, includesPersonalData: false }, kari);
    expect(preview.kind).toBe("rows");
    if (preview.kind !== "rows") return;
    expect(preview.columns).toEqual(["time", "entryType", "reference", "pspReference", "amount", "balanceAfter", "recipientHandle"]);
    expect(preview.ledgerDate <= inDays(-1)).toBe(true);
    expect(preview.currency).toBe("NOK");
    expect(preview.rows.length).toBeGreaterThan(0);
    expect(preview.totalRows).toBeGreaterThanOrEqual(preview.rows.length);
    for (const row of preview.rows) {
      expect(Number.isInteger(row.amount)).toBe(true);
      expect(row).not.toHaveProperty("payerName");
    }
  });

  it("adds payer name, masked phone and message only when the grant includes personal data", async () => {
    const kari = await actor(EMAILS.kari);
    const id = await ledgerId("302101");
    const withPd = await previewGrant({ ledgerId: id, ...open, includesPersonalData: true }, kari);
    const without = await previewGrant({ ledgerId: id, ...open, includesPersonalData: false }, kari);
    if (withPd.kind !== "rows" || without.kind !== "rows") throw new Error(`unexpected ${withPd.kind}/${without.kind}`);
    expect(withPd.columns).toEqual(expect.arrayContaining(["payerName", "maskedPhoneNo", "message"]));
    // API (MSN) payments carry no payer details upstream: the columns are there, empty.
    expect(withPd.rows.every((r) => "payerName" in r && r.payerName === null)).toBe(true);
    expect(without.columns).not.toContain("payerName");
    expect(without.rows.every((r) => !("payerName" in r) && !("maskedPhoneNo" in r) && !("message" in r))).toBe(true);
  });

  it("a Vippsnummer / MyShop sales unit has no API keys (as upstream): the columns only, personal ones when asked", async () => {
    const freja = await actor(EMAILS.freja, "hygge-bageri");
    const id = await ledgerId("402301");
    const withPd = await previewGrant({ ledgerId: id, ...open, includesPersonalData: true }, freja);
    const without = await previewGrant({ ledgerId: id, ...open, includesPersonalData: false }, freja);
    expect(withPd).toMatchObject({ kind: "no-keys", columns: expect.arrayContaining(["payerName", "maskedPhoneNo", "message"]) });
    expect(without.kind).toBe("no-keys");
    expect(without.columns).not.toContain("payerName");
  });

  it("stays inside the period: the last closed date on or before its end", async () => {
    const kari = await actor(EMAILS.kari);
    const preview = await previewGrant({ ledgerId: await ledgerId("302102"), periodFrom: inDays(-40), periodTo: inDays(-20), includesPersonalData: false }, kari);
    if (preview.kind !== "rows") throw new Error(preview.kind);
    expect(preview.ledgerDate <= inDays(-20) && preview.ledgerDate >= inDays(-40)).toBe(true);
  });

  it("says plainly when no closed date lies in the period yet", async () => {
    const kari = await actor(EMAILS.kari);
    const preview = await previewGrant({ ledgerId: await ledgerId("302101"), periodFrom: inDays(1), periodTo: null, includesPersonalData: false }, kari);
    expect(preview.kind).toBe("no-closed-date");
  });

  it("a ledger that settles two sales units cannot be read with merchant keys: columns only", async () => {
    const kari = await actor(EMAILS.kari);
    const preview = await previewGrant({ ledgerId: await ledgerId("302103"), ...open, includesPersonalData: true }, kari);
    expect(preview).toEqual({ kind: "shared-ledger", salesUnitCount: 2, columns: ["time", "entryType", "reference", "pspReference", "amount", "balanceAfter", "recipientHandle", "payerName", "maskedPhoneNo", "message"] });
  });

  it("says so when no keys are stored for the sales unit, and when upstream refuses the stored keys", async () => {
    const kari = await actor(EMAILS.kari);
    const unit = await db.salesUnit.findUniqueOrThrow({ where: { msn: "212002" }, select: { id: true } });
    const cred = await db.apiCredential.findUniqueOrThrow({ where: { salesUnitId: unit.id } });
    await db.apiCredential.delete({ where: { id: cred.id } });
    try {
      const preview = await previewGrant({ ledgerId: await ledgerId("302102"), ...open, includesPersonalData: false }, kari);
      expect(preview.kind).toBe("no-keys");
      // Keys that upstream does not accept (another sales unit's client id): a plain "denied", not an error page.
      await db.apiCredential.create({ data: { ...cred, clientId: "demo-msn-212001" } });
      const denied = await previewGrant({ ledgerId: await ledgerId("302102"), ...open, includesPersonalData: true }, kari);
      expect(denied.kind).toBe("keys-denied");
    } finally {
      await db.apiCredential.deleteMany({ where: { salesUnitId: unit.id } });
      await db.apiCredential.create({ data: cred });
    }
  });

  it("another merchant's ledger is NOT_FOUND; a viewer is FORBIDDEN", async () => {
    const nils = await actor(EMAILS.nils, "nordlys-sport");
    await expect(previewGrant({ ledgerId: await ledgerId("302101"), ...open, includesPersonalData: false }, nils)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const vera = await actor(EMAILS.vera);
    await expect(previewGrant({ ledgerId: await ledgerId("302101"), ...open, includesPersonalData: false }, vera)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
