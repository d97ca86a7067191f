import { describe, expect, it, beforeAll } from "vitest";
import { db } from "@/lib/server/db";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { ensureDemoWorld } from "@/tests/support/test-db";

beforeAll(ensureDemoWorld);

async function ids() {
  const fjord = await db.merchant.findUniqueOrThrow({ where: { slug: "fjord-kaffe" }, select: { id: true } });
  const nordlys = await db.merchant.findUniqueOrThrow({ where: { slug: "nordlys-sport" }, select: { id: true } });
  const partner = await db.accountingPartner.findUniqueOrThrow({ where: { slug: "kirjanpito" }, select: { id: true } });
  const webshopLedger = await db.ledger.findUniqueOrThrow({ where: { externalId: "302102" }, select: { id: true } });
  return { fjord: fjord.id, nordlys: nordlys.id, partner: partner.id, ledger: webshopLedger.id };
}

describe("database invariants", () => {
  it("allows one live grant per partner and ledger, however many revoked ones", async () => {
    const { fjord, partner, ledger } = await ids();
    const base = { merchantId: fjord, partnerId: partner, ledgerId: ledger };
    const first = await db.ledgerGrant.create({ data: { ...base, status: "active" } });
    try {
      await expect(db.ledgerGrant.create({ data: { ...base, status: "pending_approval" } })).rejects.toThrow();
      await db.ledgerGrant.update({ where: { id: first.id }, data: { status: "revoked", revokedAt: new Date() } });
      const second = await db.ledgerGrant.create({ data: { ...base, status: "active" } });
      await db.ledgerGrant.delete({ where: { id: second.id } });
    } finally {
      await db.ledgerGrant.deleteMany({ where: { partnerId: partner, ledgerId: ledger } });
    }
  });

  it("refuses a grant whose period ends before it starts", async () => {
    const { fjord, partner, ledger } = await ids();
    await expect(
      db.ledgerGrant.create({
        data: { merchantId: fjord, partnerId: partner, ledgerId: ledger, status: "active", periodFrom: new Date("2026-05-01"), periodTo: new Date("2026-04-01") },
      }),
    ).rejects.toThrow(/LedgerGrant_period_order/);
  });

  it("refuses a grant on another merchant's ledger", async () => {
    const { nordlys, partner, ledger } = await ids();
    await expect(db.ledgerGrant.create({ data: { merchantId: nordlys, partnerId: partner, ledgerId: ledger, status: "active" } })).rejects.toThrow();
  });

  it("refuses to store an API secret that is not ciphertext", async () => {
    const { partner } = await ids();
    await expect(
      db.apiCredential.create({ data: { kind: "partner", partnerId: partner, clientId: "x", clientSecretEnc: "plain-secret" } }),
    ).rejects.toThrow(/ApiCredential_secret_is_ciphertext/);
  });

  it("keeps the audit trail append-only", async () => {
    const event = await db.auditEvent.findFirstOrThrow({ select: { id: true } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
  });

  it("detects a changed event when verifying the chain", async () => {
    const verdict = await db
      .$transaction(async (tx) => {
        // Simulate an attacker with table-owner rights: trigger off, one row edited, then verify.
        await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`);
        const first = await tx.auditEvent.findFirstOrThrow({ orderBy: { id: "asc" } });
        await tx.auditEvent.update({ where: { id: first.id }, data: { actorLabel: "someone else" } });
        const v = await verifyAuditChain(tx);
        throw Object.assign(new Error("rollback"), { verdict: v });
      })
      .catch((e: { verdict?: unknown }) => e.verdict);
    expect(verdict).toMatchObject({ ok: false, reason: "content does not match its hash" });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("keeps the chain intact under concurrent writers", async () => {
    const before = await db.auditEvent.count();
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.$transaction((tx) => appendAuditEvent(tx, { actorUserId: null, actorLabel: "test", action: "test.concurrent", merchantId: null, partnerId: null, targetType: "Test", targetId: String(i) })),
      ),
    );
    expect(await db.auditEvent.count()).toBe(before + 12);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
