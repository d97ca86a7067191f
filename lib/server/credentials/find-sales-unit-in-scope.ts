import "server-only";
import { db } from "@/lib/server/db";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { msnSchema } from "@/lib/credentials/schemas";
import type { MoneyCurrency } from "@/lib/money";
import type { LedgerCountry } from "@/lib/dates";

export interface SalesUnitInScope {
  id: string;
  msn: string;
  name: string;
  channel: "api" | "vm";
  ledger: { id: string; externalId: string; currency: MoneyCurrency; country: LedgerCountry; salesUnits: { msn: string; name: string }[] } | null;
}

/**
 * A sales unit of the user's merchant, by MSN, or null (→ 404). Tenant rule: the merchant comes from the
 * session context only; a manager sees only the sales units named on their membership. A malformed MSN is
 * simply not found.
 */
export async function findSalesUnitInScope(ctx: MerchantContext, msn: string): Promise<SalesUnitInScope | null> {
  if (!msnSchema.safeParse(msn).success) return null;
  const unit = await db.salesUnit.findFirst({
    where: { msn, merchantId: ctx.merchantId, ...(ctx.salesUnitScope === "all" ? {} : { id: { in: ctx.salesUnitScope } }) },
    select: {
      id: true,
      msn: true,
      name: true,
      channel: true,
      ledger: { select: { id: true, externalId: true, currency: true, merchant: { select: { country: true } }, salesUnits: { select: { msn: true, name: true }, orderBy: { msn: "asc" } } } },
    },
  });
  if (!unit) return null;
  const { ledger, ...rest } = unit;
  // The ledger's country is its merchant's: it decides the zone the ledger's dates are in (lib/dates.ts).
  return { ...rest, ledger: ledger && { id: ledger.id, externalId: ledger.externalId, currency: ledger.currency, country: ledger.merchant.country, salesUnits: ledger.salesUnits } };
}
