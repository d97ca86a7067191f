import { maskIdentifier } from "@/lib/server/crypto/secret-box";
import type { StoredKeysView } from "@/lib/credentials/types";

export function toStoredKeysView(row: { clientId: string; updatedAt: Date; lastVerifiedAt: Date | null }): StoredKeysView {
  return { maskedClientId: maskIdentifier(row.clientId), storedAt: row.updatedAt.toISOString(), lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null };
}
