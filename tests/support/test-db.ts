import { db } from "@/lib/server/db";
import type { MerchantContext, PartnerContext } from "@/lib/server/authz/contexts";
import { seedDemoWorld } from "@/lib/server/seed/seed-demo-world";
import type { CurrentUser } from "@/lib/authz/types";

export const TEST_KEY = Buffer.alloc(32, 7);

let seeded: Promise<unknown> | undefined;
/** The demo world, seeded once per test worker (seeding is idempotent). */
export function ensureDemoWorld() {
  seeded ??= seedDemoWorld(db, { encryptionKey: TEST_KEY, withDemoKeys: true });
  return seeded;
}

function userStub(id: string, email: string): CurrentUser {
  return { id, email, name: email, isPlatformAdmin: false, organisations: [] };
}

/** The context a signed-in merchant user would get, built from their real membership rows. */
export async function merchantContextFor(email: string, merchantSlug: string): Promise<MerchantContext> {
  const m = await db.merchantMembership.findFirstOrThrow({
    where: { user: { email }, merchant: { slug: merchantSlug } },
    select: { role: true, userId: true, merchant: { select: { id: true, name: true } }, salesUnits: { select: { salesUnitId: true } } },
  });
  return {
    user: userStub(m.userId, email),
    merchantId: m.merchant.id,
    merchantName: m.merchant.name,
    role: m.role,
    salesUnitScope: m.role === "manager" ? m.salesUnits.map((s) => s.salesUnitId) : "all",
  };
}

export async function partnerContextFor(email: string, partnerSlug: string): Promise<PartnerContext> {
  const m = await db.partnerMembership.findFirstOrThrow({
    where: { user: { email }, partner: { slug: partnerSlug } },
    select: { role: true, userId: true, partner: { select: { id: true, name: true, status: true } }, assignments: { select: { merchantId: true } } },
  });
  return {
    user: userStub(m.userId, email),
    partnerId: m.partner.id,
    partnerName: m.partner.name,
    partnerStatus: m.partner.status,
    role: m.role,
    clientScope: m.role === "accountant" ? m.assignments.map((a) => a.merchantId) : "all",
  };
}

export async function merchantIdBySlug(slug: string): Promise<string> {
  return (await db.merchant.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}
