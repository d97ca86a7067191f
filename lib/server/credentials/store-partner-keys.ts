import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/errors/app-error";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { partnerCan } from "@/lib/server/authz/permissions";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { maskIdentifier } from "@/lib/server/crypto/secret-box";
import { toStoredKeysView } from "@/lib/server/credentials/credential-view";
import { sealSecret } from "@/lib/server/credentials/secret-fields";
import type { PartnerKeysInput } from "@/lib/credentials/schemas";
import type { StoredKeysView } from "@/lib/credentials/types";
import { personActor } from "@/lib/server/audit/actor";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

/**
 * P5: stores (or replaces) the partner's accounting keys, encrypted. Tenant: ctx.partnerId only. Only an owner
 * may change them (an accountant can see that keys exist: FORBIDDEN); a suspended partner changes nothing.
 */
export async function storePartnerKeys(ctx: PartnerContext, input: PartnerKeysInput): Promise<StoredKeysView> {
  if (!partnerCan(ctx.role, "keys.write") || ctx.partnerStatus === "suspended") {
    throw new AppError("FORBIDDEN", serverErrors("roleForbidsChangingKeys"));
  }
  const sealed = {
    clientId: input.clientId,
    clientSecretEnc: sealSecret(input.clientSecret, { owner: "partner", partnerId: ctx.partnerId, field: "clientSecret" }),
    lastVerifiedAt: null,
    updatedAt: new Date(),
  };
  return db.$transaction(async (tx) => {
    const before = await tx.apiCredential.findUnique({ where: { partnerId: ctx.partnerId }, select: { clientId: true } });
    const row = await tx.apiCredential.upsert({
      where: { partnerId: ctx.partnerId },
      update: sealed,
      create: { kind: "partner", partnerId: ctx.partnerId, ...sealed },
      select: { id: true, clientId: true, updatedAt: true, lastVerifiedAt: true },
    });
    await appendAuditEvent(tx, {
      ...personActor(ctx.user),
      action: before ? "credentials.replaced" : "credentials.stored",
      merchantId: null,
      partnerId: ctx.partnerId,
      targetType: "ApiCredential",
      targetId: row.id,
      before: before ? { clientId: maskIdentifier(before.clientId) } : null,
      after: { clientId: maskIdentifier(row.clientId) },
    });
    return toStoredKeysView(row);
  });
}
