import type { MerchantRole, PartnerRole } from "@/lib/generated/prisma/enums";

/**
 * What each role may do, as data. Unknown roles get nothing (fail closed). Managers are further limited to
 * their named sales units and accountants to their assigned clients; that scoping lives in the contexts.
 */
export type MerchantPermission = "partners.read" | "grants.write" | "grants.approve" | "requests.decide" | "keys.write" | "ledger.read" | "accessLog.read";
export type PartnerPermission = "clients.read" | "ledgers.read" | "ledgers.export" | "staff.write" | "keys.write" | "requests.write";

export const MERCHANT_PERMISSIONS = {
  admin: ["partners.read", "grants.write", "grants.approve", "requests.decide", "keys.write", "ledger.read", "accessLog.read"],
  manager: ["partners.read", "grants.write", "requests.decide", "ledger.read", "accessLog.read"],
  viewer: ["partners.read", "ledger.read", "accessLog.read"],
} as const satisfies Record<MerchantRole, readonly MerchantPermission[]>;

export const PARTNER_PERMISSIONS = {
  owner: ["clients.read", "ledgers.read", "ledgers.export", "staff.write", "keys.write", "requests.write"],
  accountant: ["clients.read", "ledgers.read", "ledgers.export"],
} as const satisfies Record<PartnerRole, readonly PartnerPermission[]>;

// Own properties only: a role named "__proto__" or "constructor" must not find something to call.
function allows(table: Record<string, readonly string[]>, role: string, perm: string): boolean {
  return Object.hasOwn(table, role) && (table[role]?.includes(perm) ?? false);
}

export function merchantCan(role: string, perm: MerchantPermission): boolean {
  return allows(MERCHANT_PERMISSIONS, role, perm);
}

export function partnerCan(role: string, perm: PartnerPermission): boolean {
  return allows(PARTNER_PERMISSIONS, role, perm);
}
