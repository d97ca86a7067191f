import { maskIdentifier } from "@/lib/server/crypto/secret-box";

/** What a browser may know about stored keys: a masked client id and when they were stored and last worked. */
export interface StoredKeysView {
  maskedClientId: string;
  storedAt: string;
  lastVerifiedAt: string | null;
}

export function toStoredKeysView(row: { clientId: string; updatedAt: Date; lastVerifiedAt: Date | null }): StoredKeysView {
  return { maskedClientId: maskIdentifier(row.clientId), storedAt: row.updatedAt.toISOString(), lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null };
}
