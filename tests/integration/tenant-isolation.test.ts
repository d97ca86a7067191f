import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getSalesUnitForMerchant, listPartnerOverview } from "@/lib/server/merchant-partners/list-partner-overview";
import { getClient, listClients } from "@/lib/server/partner-clients/list-clients";
import { ensureDemoWorld, merchantContextFor, merchantIdBySlug, partnerContextFor } from "@/tests/support/test-db";

beforeAll(ensureDemoWorld);

describe("merchant side (M1 data layer)", () => {
  it("lists exactly the merchant's own sales units, with ledgers and live partners", async () => {
    const kari = await merchantContextFor("kari@fjordkaffe.example", "fjord-kaffe");
    const units = await listPartnerOverview(kari);
    expect(units.map((u) => u.msn).sort()).toEqual(["212001", "212002", "212003", "212004"]);
    const gruner = units.find((u) => u.msn === "212001");
    expect(gruner?.grants.map((g) => [g.partnerName, g.status])).toEqual([["Tall & Balanse Regnskap AS", "active"]]);
    expect(units.find((u) => u.msn === "212003")?.ledger?.salesUnitCount).toBe(2);
  });

  it("limits a manager to their named sales units", async () => {
    const mona = await merchantContextFor("mona@fjordkaffe.example", "fjord-kaffe");
    expect((await listPartnerOverview(mona)).map((u) => u.msn).sort()).toEqual(["212001", "212002"]);
    const bryggen = await db.salesUnit.findUniqueOrThrow({ where: { msn: "212003" }, select: { id: true } });
    expect(await getSalesUnitForMerchant(mona, bryggen.id)).toBeNull();
  });

  it("answers null (404) for another merchant's sales unit and for malformed ids", async () => {
    const nils = await merchantContextFor("nils@nordlys.example", "nordlys-sport");
    const fjordUnit = await db.salesUnit.findUniqueOrThrow({ where: { msn: "212001" }, select: { id: true } });
    expect(await getSalesUnitForMerchant(nils, fjordUnit.id)).toBeNull();
    expect(await getSalesUnitForMerchant(nils, "not-a-uuid")).toBeNull();
    const own = await db.salesUnit.findUniqueOrThrow({ where: { msn: "223001" }, select: { id: true } });
    expect((await getSalesUnitForMerchant(nils, own.id))?.msn).toBe("223001");
  });
});

describe("partner side (P1 data layer)", () => {
  it("shows an owner every client that granted the partner a ledger, and only the granted ledgers", async () => {
    const per = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
    const clients = await listClients(per);
    expect(clients.map((c) => c.merchantName)).toEqual(["Fjord Kaffe AS", "Nordlys Sport AS"]);
    expect(clients[0]?.ledgers.map((l) => l.ledgerExternalId)).toEqual(["302101"]);
  });

  it("answers null (404) for a merchant that granted this partner nothing", async () => {
    const per = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
    expect(await getClient(per, await merchantIdBySlug("hygge-bageri"))).toBeNull();
    expect(await getClient(per, "'; drop table x; --")).toBeNull();
  });

  it("shows an accountant only the clients assigned to them", async () => {
    const anne = await partnerContextFor("anne@tallbalanse.example", "tall-og-balanse");
    expect((await listClients(anne)).map((c) => c.merchantName)).toEqual(["Fjord Kaffe AS"]);
    expect(await getClient(anne, await merchantIdBySlug("nordlys-sport"))).toBeNull();
  });

  it("shows nothing once a grant is revoked", async () => {
    const mads = await partnerContextFor("mads@kontopartner.example", "konto-partner");
    const grant = await db.ledgerGrant.findFirstOrThrow({ where: { partnerId: mads.partnerId, status: "active" } });
    expect((await listClients(mads)).map((c) => c.merchantName)).toEqual(["Hygge Bageri ApS"]);
    await db.ledgerGrant.update({ where: { id: grant.id }, data: { status: "revoked", revokedAt: new Date() } });
    try {
      expect(await listClients(mads)).toEqual([]);
    } finally {
      await db.ledgerGrant.update({ where: { id: grant.id }, data: { status: "active", revokedAt: null } });
    }
  });

  it("shows a suspended partner nothing, even with active grants", async () => {
    const per = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
    expect(await listClients({ ...per, partnerStatus: "suspended" })).toEqual([]);
  });
});
