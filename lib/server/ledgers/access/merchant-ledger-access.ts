import "server-only";
import { db } from "@/lib/server/db";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { findSalesUnitInScope, type SalesUnitInScope } from "@/lib/server/credentials/find-sales-unit-in-scope";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";

export type MerchantLedgerAccess =
  | { kind: "ok"; unit: SalesUnitInScope; access: LedgerAccess }
  /** The ledger settles more than one sales unit: Vipps MobilePay refuses a single sales unit's keys there. */
  | { kind: "shared-ledger"; unit: SalesUnitInScope; ledger: NonNullable<SalesUnitInScope["ledger"]> }
  | { kind: "no-ledger"; unit: SalesUnitInScope }
  | { kind: "no-keys"; unit: SalesUnitInScope; ledger: NonNullable<SalesUnitInScope["ledger"]> };

/**
 * M6: whether the merchant may read the ledger of one of its sales units with that sales unit's own keys, or
 * null (→ 404) for a sales unit of another merchant, outside a manager's scope, or a malformed MSN. The
 * single-MSN rule is applied here, before any upstream call, so the page can explain it in plain words.
 * Merchant readers are not given payer details: the portal keeps personal data to the partners that were
 * explicitly granted it (the merchant has them in the Vipps MobilePay business portal).
 */
export async function getMerchantLedgerAccess(ctx: MerchantContext, msn: string): Promise<MerchantLedgerAccess | null> {
  if (!merchantCan(ctx.role, "ledger.read")) return null;
  const unit = await findSalesUnitInScope(ctx, msn);
  if (!unit) return null;
  if (!unit.ledger) return { kind: "no-ledger", unit };
  if (unit.ledger.salesUnits.length > 1) return { kind: "shared-ledger", unit, ledger: unit.ledger };
  const hasKeys = (await db.apiCredential.count({ where: { salesUnitId: unit.id, kind: "merchant" } })) > 0;
  if (!hasKeys) return { kind: "no-keys", unit, ledger: unit.ledger };
  return {
    kind: "ok",
    unit,
    access: {
      reader: { kind: "merchant", userId: ctx.user.id, merchantId: ctx.merchantId, salesUnitId: unit.id },
      ledger: {
        id: unit.ledger.id,
        externalId: unit.ledger.externalId,
        currency: unit.ledger.currency,
        merchantId: ctx.merchantId,
        merchantName: ctx.merchantName,
        salesUnits: unit.ledger.salesUnits,
      },
      period: { from: null, to: null },
      personalData: false,
      source: { kind: "sales-unit", salesUnitId: unit.id },
      validUntil: null,
    },
  };
}
