import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { ensureDemoWorld, partnerContextFor } from "@/tests/support/test-db";
import { endedPartnerAccess } from "@/lib/server/ledgers/access/ended-partner-access";

// A partner whose access was revoked is told so (and when) instead of "does not exist"; nobody else learns anything.
describe("a ledger whose access ended", () => {
  let grant: { id: string; status: "active" | "pending_approval" | "revoked" | "expired" | "declined"; revokedAt: Date | null; ledger: { externalId: string }; merchantId: string };

  beforeAll(async () => {
    await ensureDemoWorld();
    grant = await db.ledgerGrant.findFirstOrThrow({
      where: { status: "active", partner: { slug: "tall-og-balanse" }, merchant: { slug: "fjord-kaffe" } },
      select: { id: true, status: true, revokedAt: true, merchantId: true, ledger: { select: { externalId: true } } },
    });
    await db.ledgerGrant.update({ where: { id: grant.id }, data: { status: "revoked", revokedAt: new Date("2026-03-04T10:00:00Z") } });
  });
  afterAll(async () => {
    await db.ledgerGrant.update({ where: { id: grant.id }, data: { status: grant.status, revokedAt: grant.revokedAt } });
  });

  it("tells the firm's owner and the assigned accountant that it ended, and on which day", async () => {
    const owner = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
    expect(await endedPartnerAccess(owner, grant.ledger.externalId)).toEqual({ merchantName: "Fjord Kaffe AS", ledgerExternalId: grant.ledger.externalId, how: "revoked", endedOn: "2026-03-04" });
    const anne = await partnerContextFor("anne@tallbalanse.example", "tall-og-balanse");
    expect(await endedPartnerAccess(anne, grant.ledger.externalId)).toMatchObject({ how: "revoked" });
  });

  it("says nothing to another firm, to an accountant not assigned to the client, or for a ledger never granted", async () => {
    const mads = await partnerContextFor("mads@kontopartner.example", "konto-partner");
    expect(await endedPartnerAccess(mads, grant.ledger.externalId)).toBeNull();
    const anne = await partnerContextFor("anne@tallbalanse.example", "tall-og-balanse");
    expect(await endedPartnerAccess({ ...anne, clientScope: [] }, grant.ledger.externalId)).toBeNull();
    const owner = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
    expect(await endedPartnerAccess(owner, "999999")).toBeNull();
    expect(await endedPartnerAccess(owner, "'; drop")).toBeNull();
  });
});
