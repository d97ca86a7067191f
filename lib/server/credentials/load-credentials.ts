import "server-only";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import type { ReportApiCredentials } from "@/lib/report-api";
import { openSecret } from "@/lib/server/credentials/secret-fields";

export type LoadedCredentials = { credentialId: string; credentials: ReportApiCredentials };

/**
 * A partner's accounting keys, decrypted for one upstream call. Server-only: the result must never be returned
 * from an action or rendered. Null when none are stored, or when they no longer decrypt (a rotated encryption
 * key, a tampered row): both mean "no usable keys", and the second is logged without any secret.
 */
export async function loadPartnerCredentials(partnerId: string): Promise<LoadedCredentials | null> {
  const row = await db.apiCredential.findUnique({
    where: { partnerId },
    select: { id: true, kind: true, clientId: true, clientSecretEnc: true },
  });
  if (!row || row.kind !== "partner") return null;
  try {
    const clientSecret = openSecret(row.clientSecretEnc, { owner: "partner", partnerId, field: "clientSecret" });
    return { credentialId: row.id, credentials: { kind: "partner", clientId: row.clientId, clientSecret } };
  } catch {
    logger().error({ credentialId: row.id }, "stored partner credential does not decrypt");
    return null;
  }
}

/** A sales unit's own (merchant) keys, decrypted for one upstream call. Same rules as loadPartnerCredentials. */
export async function loadSalesUnitCredentials(salesUnitId: string): Promise<LoadedCredentials | null> {
  const row = await db.apiCredential.findUnique({
    where: { salesUnitId },
    select: { id: true, kind: true, clientId: true, clientSecretEnc: true, subscriptionKeyEnc: true, msn: true },
  });
  if (!row || row.kind !== "merchant" || !row.subscriptionKeyEnc || !row.msn) return null;
  try {
    const clientSecret = openSecret(row.clientSecretEnc, { owner: "sales-unit", salesUnitId, field: "clientSecret" });
    const subscriptionKey = openSecret(row.subscriptionKeyEnc, { owner: "sales-unit", salesUnitId, field: "subscriptionKey" });
    return { credentialId: row.id, credentials: { kind: "merchant", clientId: row.clientId, clientSecret, subscriptionKey, msn: row.msn } };
  } catch {
    logger().error({ credentialId: row.id }, "stored sales-unit credential does not decrypt");
    return null;
  }
}
