import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GrantStatus } from "@/lib/generated/prisma/enums";
import { dbDateToLedgerDate, ledgerDateToDb } from "@/lib/dates";
import type { GrantScopeValues } from "@/lib/grants/schemas";
import type { MerchantContext } from "@/lib/server/authz/contexts";

/**
 * Who acts on a grant: a signed-in merchant user, as resolved from the session (tenant, role and a
 * manager's sales units never come from input).
 */
export type GrantActor = Pick<MerchantContext, "merchantId" | "merchantName" | "role" | "salesUnitScope"> & {
  user: { id: string; email: string; name: string | null };
};

/** A grant as the core functions return it and as the audit trail records it (before/after). */
export interface GrantDto {
  id: string;
  merchantId: string;
  partnerId: string;
  ledgerId: string;
  status: GrantStatus;
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
  validUntil: string | null;
  requiresSecondApproval: boolean;
  grantedById: string | null;
  approvedById: string | null;
  revokedById: string | null;
  revokedAt: string | null;
  requestId: string | null;
}

export const GRANT_SELECT = {
  id: true,
  merchantId: true,
  partnerId: true,
  ledgerId: true,
  status: true,
  periodFrom: true,
  periodTo: true,
  includesPersonalData: true,
  validUntil: true,
  requiresSecondApproval: true,
  grantedById: true,
  approvedById: true,
  revokedById: true,
  revokedAt: true,
  requestId: true,
} as const satisfies Prisma.LedgerGrantSelect;

export type GrantRow = Prisma.LedgerGrantGetPayload<{ select: typeof GRANT_SELECT }>;

const day = (d: Date | null) => (d ? dbDateToLedgerDate(d) : null);

export function toGrantDto(row: GrantRow): GrantDto {
  return {
    ...row,
    periodFrom: day(row.periodFrom),
    periodTo: day(row.periodTo),
    validUntil: day(row.validUntil),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export function scopeOf(g: GrantScopeValues): GrantScopeValues {
  return { periodFrom: g.periodFrom, periodTo: g.periodTo, includesPersonalData: g.includesPersonalData, validUntil: g.validUntil };
}

export { isNarrowing, sameScope } from "@/lib/grants/scope-compare";

export function scopeToDb(s: GrantScopeValues) {
  const d = (v: string | null) => (v ? ledgerDateToDb(v) : null);
  return { periodFrom: d(s.periodFrom), periodTo: d(s.periodTo), includesPersonalData: s.includesPersonalData, validUntil: d(s.validUntil) };
}


export const LIVE_STATUSES = ["active", "pending_approval"] as const satisfies readonly GrantStatus[];
