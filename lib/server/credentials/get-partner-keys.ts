import "server-only";
import { db } from "@/lib/server/db";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { toStoredKeysView } from "@/lib/server/credentials/credential-view";
import type { StoredKeysView } from "@/lib/credentials/types";

/** P5: the partner's accounting keys, masked; null when none are stored. Tenant: ctx.partnerId only. */
export async function getPartnerKeys(ctx: PartnerContext): Promise<StoredKeysView | null> {
  const row = await db.apiCredential.findUnique({
    where: { partnerId: ctx.partnerId },
    select: { clientId: true, updatedAt: true, lastVerifiedAt: true },
  });
  return row ? toStoredKeysView(row) : null;
}
