import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/errors/app-error";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { maskIdentifier } from "@/lib/server/crypto/secret-box";
import { toStoredKeysView } from "@/lib/server/credentials/credential-view";
import { findSalesUnitInScope } from "@/lib/server/credentials/find-sales-unit-in-scope";
import { sealSecret } from "@/lib/server/credentials/secret-fields";
import type { SalesUnitKeysInput } from "@/lib/credentials/schemas";
import type { StoredKeysView } from "@/lib/credentials/types";
import { personActor } from "@/lib/server/audit/actor";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

/**
 * M6: stores (or replaces) a sales unit's own API keys, encrypted (AES-256-GCM bound to the row and column).
 * Tenant rule: the sales unit must belong to ctx.merchantId and the user's scope, else NOT_FOUND. A role that
 * can see the page but not change keys (viewer, manager) gets FORBIDDEN. The audit event names the masked
 * client id only, never a secret. A replaced key set is unverified until tested again.
 */
export async function storeSalesUnitKeys(ctx: MerchantContext, input: SalesUnitKeysInput): Promise<StoredKeysView> {
  const unit = await findSalesUnitInScope(ctx, input.msn);
  if (!unit) throw new AppError("NOT_FOUND", serverErrors("noSuchSalesUnit"));
  if (!merchantCan(ctx.role, "keys.write")) throw new AppError("FORBIDDEN", serverErrors("roleForbidsChangingKeys"));
  const sealed = {
    clientId: input.clientId,
    clientSecretEnc: sealSecret(input.clientSecret, { owner: "sales-unit", salesUnitId: unit.id, field: "clientSecret" }),
    subscriptionKeyEnc: sealSecret(input.subscriptionKey, { owner: "sales-unit", salesUnitId: unit.id, field: "subscriptionKey" }),
    msn: unit.msn,
    lastVerifiedAt: null,
    updatedAt: new Date(),
  };
  return db.$transaction(async (tx) => {
    const before = await tx.apiCredential.findUnique({ where: { salesUnitId: unit.id }, select: { clientId: true } });
    const row = await tx.apiCredential.upsert({
      where: { salesUnitId: unit.id },
      update: sealed,
      create: { kind: "merchant", merchantId: ctx.merchantId, salesUnitId: unit.id, ...sealed },
      select: { id: true, clientId: true, updatedAt: true, lastVerifiedAt: true },
    });
    await appendAuditEvent(tx, {
      ...personActor(ctx.user),
      action: before ? "credentials.replaced" : "credentials.stored",
      merchantId: ctx.merchantId,
      partnerId: null,
      targetType: "ApiCredential",
      targetId: row.id,
      before: before ? { msn: unit.msn, clientId: maskIdentifier(before.clientId) } : null,
      after: { msn: unit.msn, clientId: maskIdentifier(row.clientId) },
    });
    return toStoredKeysView(row);
  });
}
