import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { grantLedgerAccess, revokeGrant } from "@/lib/server/grants";
import { getSalesUnitForMerchant, listOverviewFilterOptions, listPartnerOverview } from "@/lib/server/merchant-partners/list-partner-overview";
import { getGrantDetail, listGrantHistory, listLedgersForGrantForm } from "@/lib/server/grants/queries";
import { searchPartnerDirectory } from "@/lib/server/partner-directory/search-partners";
import { actor, EMAILS, ledgerId, partnerId, resetGrants, shiftLedgerDate, startGrantTestWorld, todayPortalDate, type GrantTestWorld } from "./support";

let world: GrantTestWorld;
beforeAll(async () => {
  world = await startGrantTestWorld();
});
afterEach(() => resetGrants());
afterAll(() => world.stop());

const plain = { periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: shiftLedgerDate(todayPortalDate(), 30) };
const adminHeaders = () => ({ "content-type": "application/json", "x-sandbox-admin-secret": process.env.SANDBOX_ADMIN_SECRET ?? "" });

describe("M1 overview", () => {
  it("filters by partner and by sales unit; ids of other tenants or malformed ids match nothing", async () => {
    const kari = await actor(EMAILS.kari);
    const konto = await partnerId("konto-partner");
    await grantLedgerAccess({ partnerId: konto, ledgerIds: [await ledgerId("302103")], ...plain }, kari);
    const byPartner = await listPartnerOverview(kari, { partnerId: konto });
    // 302103 settles two sales units: both rows, each with only Konto Partner's grant.
    expect(byPartner.map((u) => u.msn)).toEqual(["212003", "212004"]);
    expect(byPartner.flatMap((u) => u.grants.map((g) => g.partnerName))).toEqual(["Konto Partner ApS", "Konto Partner ApS"]);

    const grunerlokka = byPartner[0]!.id;
    const bySalesUnit = await listPartnerOverview(kari, { salesUnitId: grunerlokka });
    expect(bySalesUnit.map((u) => u.msn)).toEqual(["212003"]);

    const nils = await actor(EMAILS.nils, "nordlys-sport");
    expect(await listPartnerOverview(nils, { salesUnitId: grunerlokka })).toEqual([]);
    expect(await listPartnerOverview(kari, { partnerId: "not-a-uuid" })).toEqual([]);

    const options = await listOverviewFilterOptions(kari);
    expect(options.partners.map((p) => p.name)).toEqual(["Konto Partner ApS", "Tall & Balanse Regnskap AS"]);
    expect(options.salesUnits).toHaveLength(4);
  });

  it("a manager's filters and form offer only their sales units and ledgers", async () => {
    const mona = await actor(EMAILS.mona);
    expect((await listOverviewFilterOptions(mona)).salesUnits.map((u) => u.msn).sort()).toEqual(["212001", "212002"]);
    expect((await listLedgersForGrantForm(mona)).map((l) => [l.externalId, l.access])).toEqual([["302101", "grantable"], ["302102", "grantable"]]);
    expect((await listLedgersForGrantForm(await actor(EMAILS.vera))).map((l) => l.access)).toEqual(["visible", "visible", "visible"]);
  });

  it("marks a grant out of sync while upstream differs, and not once it matches", async () => {
    const kari = await actor(EMAILS.kari);
    const konto = await partnerId("konto-partner");
    const [grant] = await grantLedgerAccess({ partnerId: konto, ledgerIds: [await ledgerId("302102")], ...plain }, kari);
    const flag = async () => (await listPartnerOverview(kari)).flatMap((u) => u.grants).find((g) => g.id === grant!.id)?.outOfSync;
    expect(await flag()).toBe(false);
    await fetch(`${world.sandbox.url}/sandbox/admin/grants/41234567`, { method: "PUT", headers: adminHeaders(), body: JSON.stringify({ ledgers: [{ ledgerId: "402301", includesPersonalData: true }] }) });
    expect(await flag()).toBe(true);
    await fetch(`${world.sandbox.url}/sandbox/admin/grants/41234567`, { method: "PUT", headers: adminHeaders(), body: JSON.stringify({ ledgers: [{ ledgerId: "402301", includesPersonalData: true }, { ledgerId: "302102", includesPersonalData: false }] }) });
    expect(await flag()).toBe(false);
    // Revoked here but still readable upstream: the revoked grant is the one out of sync. The overview lists only
    // live grants (decision 051); the sales unit's page lists the ended ones, with the flag.
    const unit = (await listPartnerOverview(kari)).find((u) => u.grants.some((g) => g.id === grant!.id))!;
    await revokeGrant({ grantId: grant!.id }, kari);
    await fetch(`${world.sandbox.url}/sandbox/admin/grants/41234567`, { method: "PUT", headers: adminHeaders(), body: JSON.stringify({ ledgers: [{ ledgerId: "302102", includesPersonalData: false }] }) });
    expect(await flag()).toBeUndefined();
    expect((await getSalesUnitForMerchant(kari, unit.id))!.grants.find((g) => g.id === grant!.id)).toMatchObject({ status: "revoked", outOfSync: true });
  });
});

describe("grant page data", () => {
  it("says what the user may do, and 404s for other tenants and out-of-scope managers", async () => {
    const kari = await actor(EMAILS.kari);
    const [pending] = await grantLedgerAccess({ partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId("302103")], ...plain, includesPersonalData: true }, kari);
    expect((await getGrantDetail(kari, pending!.id))?.can).toEqual({ change: true, revoke: true, approve: false, decline: false });
    expect((await getGrantDetail(await actor(EMAILS.ola), pending!.id))?.can).toEqual({ change: true, revoke: true, approve: true, decline: true });
    expect((await getGrantDetail(await actor(EMAILS.vera), pending!.id))?.can).toEqual({ change: false, revoke: false, approve: false, decline: false });
    expect(await getGrantDetail(await actor(EMAILS.mona), pending!.id)).toBeNull();
    expect(await getGrantDetail(await actor(EMAILS.nils, "nordlys-sport"), pending!.id)).toBeNull();
    expect(await listGrantHistory(await actor(EMAILS.nils, "nordlys-sport"), pending!.id)).toEqual([]);
    const history = await listGrantHistory(kari, pending!.id);
    expect(history.map((h) => [h.action, h.actorLabel])).toEqual([["grant.created", "Kari Nordmann <kari@fjordkaffe.example>"]]);
    expect((await getGrantDetail(kari, pending!.id))?.fourEyesReasons).toEqual(["personal_data"]);
  });

  it("the directory says which of this merchant's ledgers a partner already reads (and only this merchant's)", async () => {
    const kari = await actor(EMAILS.kari);
    const [tb] = await searchPartnerDirectory(kari, "tall");
    expect(tb?.liveLedgerIds).toEqual([await ledgerId("302101")]);
    const nils = await actor(EMAILS.nils, "nordlys-sport");
    const [tbForNils] = await searchPartnerDirectory(nils, "Tall & Balanse");
    expect(tbForNils?.liveLedgerIds).toEqual([await ledgerId("302201")]);
    expect(await searchPartnerDirectory(kari, "Regnskapshjelpen")).toEqual([]);
  });
});
