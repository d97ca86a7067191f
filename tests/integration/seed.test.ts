import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { decryptSecret } from "@/lib/server/crypto/secret-box";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { seedDemoWorld } from "@/lib/server/seed/seed-demo-world";
import { GRANTS, MERCHANTS, PARTNERS, USERS } from "@/lib/demo-world/world";
import { TEST_KEY, ensureDemoWorld } from "@/tests/support/test-db";

describe("demo world seed", () => {
  it("creates the shared world once; a second run changes nothing", async () => {
    await ensureDemoWorld();
    const counts = async () => ({
      merchants: await db.merchant.count(),
      salesUnits: await db.salesUnit.count(),
      ledgers: await db.ledger.count(),
      partners: await db.accountingPartner.count(),
      users: await db.user.count(),
      grants: await db.ledgerGrant.count(),
      audit: await db.auditEvent.count(),
    });
    const before = await counts();
    const again = await seedDemoWorld(db, { encryptionKey: TEST_KEY, withDemoKeys: true });
    expect(again.grantsCreated).toBe(0);
    expect(await counts()).toEqual(before);
    expect(before.merchants).toBeGreaterThanOrEqual(MERCHANTS.length);
    expect(before.partners).toBeGreaterThanOrEqual(PARTNERS.length);
    expect(before.users).toBeGreaterThanOrEqual(USERS.length);
  });

  it("links every sales unit to the ledger the world says settles it", async () => {
    await ensureDemoWorld();
    for (const m of MERCHANTS) {
      for (const l of m.ledgers) {
        const ledger = await db.ledger.findUniqueOrThrow({ where: { externalId: l.ledgerId }, select: { currency: true, salesUnits: { select: { msn: true } } } });
        expect(ledger.currency).toBe(l.currency);
        expect(ledger.salesUnits.map((s) => s.msn).sort()).toEqual([...l.salesUnitMsns].sort());
      }
    }
  });

  it("writes an audit event for each seeded grant, in a chain that verifies", async () => {
    await ensureDemoWorld();
    const created = await db.auditEvent.count({ where: { action: "grant.created", actorLabel: "demo seed" } });
    expect(created).toBeGreaterThanOrEqual(GRANTS.length);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("stores the demo keys encrypted: the column holds no plaintext, and decrypts only for its own row", async () => {
    await ensureDemoWorld();
    const partner = PARTNERS.find((p) => p.keys)!;
    const cred = await db.apiCredential.findFirstOrThrow({ where: { partner: { slug: partner.slug } } });
    expect(cred.clientSecretEnc).not.toContain(partner.keys!.clientSecret);
    expect(decryptSecret(cred.clientSecretEnc, TEST_KEY, `partner:${cred.partnerId}:clientSecret`)).toBe(partner.keys!.clientSecret);
    expect(() => decryptSecret(cred.clientSecretEnc, TEST_KEY, `partner:someone-else:clientSecret`)).toThrow();
  });
});
