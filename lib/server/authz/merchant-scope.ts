import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantContext } from "@/lib/server/authz/contexts";

/**
 * Which of the merchant's ledgers a user may see: all for admins and viewers; for a manager, the ledgers that
 * settle at least one of their named sales units (the same rule as the partner overview, M1).
 */
export function ledgerScopeWhere(ctx: MerchantContext): Prisma.LedgerWhereInput {
  return {
    merchantId: ctx.merchantId,
    ...(ctx.salesUnitScope === "all" ? {} : { salesUnits: { some: { id: { in: ctx.salesUnitScope } } } }),
  };
}

