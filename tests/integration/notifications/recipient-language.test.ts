import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { ensureDemoWorld } from "@/tests/support/test-db";
import { revokedNotice } from "@/lib/server/grants/grant-notices";
import { notifyPartnerUsers } from "@/lib/server/notifications";

// Each person is told in their own language (User.locale): in the bell and in the e-mail, frame included.
describe("notifications in the recipient's language", () => {
  let partnerId = "";
  let owners: { id: string; email: string }[] = [];

  beforeAll(async () => {
    await ensureDemoWorld();
    const partner = await db.accountingPartner.findUniqueOrThrow({ where: { slug: "tall-og-balanse" }, select: { id: true } });
    partnerId = partner.id;
    owners = (await db.partnerMembership.findMany({ where: { partnerId, role: "owner" }, select: { user: { select: { id: true, email: true } } } })).map((m) => m.user);
    expect(owners.length).toBeGreaterThanOrEqual(1);
    await db.user.update({ where: { id: owners[0]!.id }, data: { locale: "nb" } });
  });
  afterAll(async () => {
    await db.user.updateMany({ where: { id: { in: owners.map((o) => o.id) } }, data: { locale: null } });
  });

  it("writes Norwegian for a person who chose Norwegian and English for one who chose nothing", async () => {
    const since = new Date();
    await db.$transaction((tx) => notifyPartnerUsers(tx, partnerId, revokedNotice({ merchantId: "x", merchant: "Fjord Kaffe AS", partner: "Tall & Balanse AS" }, "302101")));
    const nb = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: owners[0]!.email, createdAt: { gte: since } } });
    expect(nb.subject).toBe("Fjord Kaffe AS har avsluttet tilgangen din til oppgjørsoversikt 302101");
    expect(nb.body).toContain("Åpne i Ledger Access: /partner/clients");
    expect(nb.body).toContain("Du får denne e-posten fordi du bruker Ledger Access.");
    const bell = await db.notification.findFirstOrThrow({ where: { userId: owners[0]!.id, createdAt: { gte: since } } });
    expect(bell.title).toBe(nb.subject);
    for (const other of owners.slice(1)) {
      const en = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: other.email, createdAt: { gte: since } } });
      expect(en.subject).toBe("Fjord Kaffe AS ended your access to ledger 302101");
    }
  });
});
