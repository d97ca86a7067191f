import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { encryptSecret } from "@/lib/server/crypto/secret-box";
import { ledgerDateToDb, shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { GRANTS, MERCHANTS, PARTNERS, USERS } from "@/lib/demo-world/world";

export interface SeedOptions {
  encryptionKey: Buffer;
  /** Store the demo Report API keys (only accepted by the sandbox). Off against the real API. */
  withDemoKeys: boolean;
  now?: Date;
}

export interface SeedSummary {
  merchants: number;
  partners: number;
  users: number;
  grantsCreated: number;
}

/**
 * Creates the demo world (lib/demo-world/world.ts) in the portal's database, the same world the sandbox
 * serves. Idempotent: rows are upserted by their natural keys, and a grant is only created when no grant
 * for that partner and ledger exists yet, so a second start keeps whatever people changed since.
 */
export async function seedDemoWorld(db: PrismaClient, opts: SeedOptions): Promise<SeedSummary> {
  // Grant periods and end dates are agreements in the portal's calendar, not one ledger's date.
  const today = todayPortalDate(opts.now);
  const merchantIds = new Map<string, string>();
  const partnerIds = new Map<string, string>();
  const salesUnitIds = new Map<string, string>();
  const ledgerIds = new Map<string, string>();

  for (const m of MERCHANTS) {
    const merchant = await db.merchant.upsert({
      where: { slug: m.slug },
      update: { name: m.name, orgNo: m.orgNo, country: m.country },
      create: { slug: m.slug, name: m.name, orgNo: m.orgNo, country: m.country },
      select: { id: true },
    });
    merchantIds.set(m.slug, merchant.id);
    for (const l of m.ledgers) {
      const ledger = await db.ledger.upsert({
        where: { externalId: l.ledgerId },
        update: { currency: l.currency },
        create: {
          externalId: l.ledgerId,
          merchantId: merchant.id,
          currency: l.currency,
          payoutAccountMask: `••••${l.payoutBankAccount.id.slice(-4)}`,
        },
        select: { id: true },
      });
      ledgerIds.set(l.ledgerId, ledger.id);
    }
    for (const su of m.salesUnits) {
      const ledger = m.ledgers.find((l) => l.salesUnitMsns.includes(su.msn));
      const ledgerId = ledger ? ledgerIds.get(ledger.ledgerId) ?? null : null;
      const row = await db.salesUnit.upsert({
        where: { msn: su.msn },
        update: { name: su.name, ledgerId, channel: su.channel, recipientHandle: su.recipientHandle },
        create: { merchantId: merchant.id, msn: su.msn, name: su.name, channel: su.channel, recipientHandle: su.recipientHandle, ledgerId },
        select: { id: true },
      });
      salesUnitIds.set(su.msn, row.id);
      // VM (Vippsnummer / MyShop) units have no API keys upstream, so the demo stores none for them (and drops
      // the demo keys an older demo world gave them; keys someone stored by hand are left alone).
      if (opts.withDemoKeys && !su.keys) {
        await db.apiCredential.deleteMany({ where: { salesUnitId: row.id, clientId: `demo-msn-${su.msn}` } });
      }
      if (opts.withDemoKeys && su.keys) {
        await db.apiCredential.upsert({
          where: { salesUnitId: row.id },
          update: {},
          create: {
            kind: "merchant",
            merchantId: merchant.id,
            salesUnitId: row.id,
            msn: su.msn,
            clientId: su.keys.clientId,
            clientSecretEnc: encryptSecret(su.keys.clientSecret, opts.encryptionKey, `sales-unit:${row.id}:clientSecret`),
            subscriptionKeyEnc: encryptSecret(su.keys.subscriptionKey, opts.encryptionKey, `sales-unit:${row.id}:subscriptionKey`),
          },
        });
      }
    }
  }

  for (const p of PARTNERS) {
    const partner = await db.accountingPartner.upsert({
      where: { slug: p.slug },
      update: {},
      create: {
        slug: p.slug,
        name: p.name,
        orgNo: p.orgNo,
        country: p.country,
        status: p.status,
        approvedAt: p.status === "pending" ? null : new Date(),
      },
      select: { id: true },
    });
    partnerIds.set(p.slug, partner.id);
    if (opts.withDemoKeys && p.keys) {
      await db.apiCredential.upsert({
        where: { partnerId: partner.id },
        update: {},
        create: {
          kind: "partner",
          partnerId: partner.id,
          clientId: p.keys.clientId,
          clientSecretEnc: encryptSecret(p.keys.clientSecret, opts.encryptionKey, `partner:${partner.id}:clientSecret`),
        },
      });
    }
  }

  for (const u of USERS) {
    const user = await db.user.upsert({
      where: { email: u.email },
      update: { name: u.name, isPlatformAdmin: u.platformAdmin ?? false },
      create: { email: u.email, name: u.name, isPlatformAdmin: u.platformAdmin ?? false, emailVerified: new Date() },
      select: { id: true },
    });
    for (const r of u.merchantRoles ?? []) {
      const merchantId = must(merchantIds, r.merchantSlug);
      const membership = await db.merchantMembership.upsert({
        where: { userId_merchantId: { userId: user.id, merchantId } },
        update: { role: r.role },
        create: { userId: user.id, merchantId, role: r.role },
        select: { id: true },
      });
      for (const msn of r.salesUnitMsns ?? []) {
        const salesUnitId = must(salesUnitIds, msn);
        await db.merchantMembershipSalesUnit.upsert({
          where: { membershipId_salesUnitId: { membershipId: membership.id, salesUnitId } },
          update: {},
          create: { membershipId: membership.id, salesUnitId },
        });
      }
    }
    for (const r of u.partnerRoles ?? []) {
      const partnerId = must(partnerIds, r.partnerSlug);
      const membership = await db.partnerMembership.upsert({
        where: { userId_partnerId: { userId: user.id, partnerId } },
        update: { role: r.role },
        create: { userId: user.id, partnerId, role: r.role },
        select: { id: true },
      });
      for (const slug of r.assignedMerchantSlugs ?? []) {
        const merchantId = must(merchantIds, slug);
        await db.partnerClientAssignment.upsert({
          where: { membershipId_merchantId: { membershipId: membership.id, merchantId } },
          update: {},
          create: { membershipId: membership.id, merchantId },
        });
      }
    }
  }

  let grantsCreated = 0;
  for (const g of GRANTS) {
    const merchantId = must(merchantIds, g.merchantSlug);
    const partnerId = must(partnerIds, g.partnerSlug);
    const ledgerId = must(ledgerIds, g.ledgerId);
    const exists = await db.ledgerGrant.findFirst({ where: { partnerId, ledgerId }, select: { id: true } });
    if (exists) continue;
    await db.$transaction(async (tx) => {
      const grant = await tx.ledgerGrant.create({
        data: {
          merchantId,
          partnerId,
          ledgerId,
          status: "active",
          includesPersonalData: g.includesPersonalData,
          periodFrom: g.periodFromDaysAgo === null ? null : ledgerDateToDb(shiftLedgerDate(today, -g.periodFromDaysAgo)),
          validUntil: g.validForDays === null ? null : ledgerDateToDb(shiftLedgerDate(today, g.validForDays)),
        },
      });
      await appendAuditEvent(tx, {
        actorUserId: null,
        actorLabel: "demo seed",
        action: "grant.created",
        merchantId,
        partnerId,
        targetType: "LedgerGrant",
        targetId: grant.id,
        after: grant,
      });
    });
    grantsCreated += 1;
  }

  return { merchants: MERCHANTS.length, partners: PARTNERS.length, users: USERS.length, grantsCreated };
}

function must(map: Map<string, string>, key: string): string {
  const value = map.get(key);
  if (!value) throw new Error(`Demo world refers to unknown ${key}`);
  return value;
}
