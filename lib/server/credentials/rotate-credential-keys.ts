import "server-only";
import type { Db } from "@/lib/server/db";
import { isSealedWithCurrentKey, type KeyRing } from "@/lib/server/crypto/secret-box";
import { configuredKeyRing, openSecret, sealSecret, type SecretSlot } from "@/lib/server/credentials/secret-fields";

export interface RotationSummary {
  /** The key every rewritten secret is now sealed with. */
  keyId: string;
  rewritten: number;
  /** Rows someone changed between our read and our write (e.g. new keys stored): left as they are, already current. */
  changedMeanwhile: number;
  /** Rows that open with none of the configured keys: left untouched, named by id so an operator can look. */
  unreadable: string[];
}

type Row = { id: string; kind: "merchant" | "partner"; salesUnitId: string | null; partnerId: string | null; clientSecretEnc: string; subscriptionKeyEnc: string | null };

function slotsOf(row: Row): { clientSecret: SecretSlot; subscriptionKey: SecretSlot | null } {
  if (row.kind === "partner" && row.partnerId) return { clientSecret: { owner: "partner", partnerId: row.partnerId, field: "clientSecret" }, subscriptionKey: null };
  if (row.kind === "merchant" && row.salesUnitId) {
    return {
      clientSecret: { owner: "sales-unit", salesUnitId: row.salesUnitId, field: "clientSecret" },
      subscriptionKey: { owner: "sales-unit", salesUnitId: row.salesUnitId, field: "subscriptionKey" },
    };
  }
  throw new Error("credential row without its owner");
}

const reseal = (box: string, slot: SecretSlot, ring: KeyRing) => (isSealedWithCurrentKey(box, ring) ? box : sealSecret(openSecret(box, slot, ring), slot, ring));

/**
 * Re-encrypts every stored API secret under the current key, in small batches and in place, while the app keeps
 * running: each row is written only if its ciphertexts are still the ones read (optimistic), so a key set stored
 * meanwhile is never overwritten with an older secret. Readers are never blocked: until a row is rewritten its
 * old ciphertext still opens with the previous key (CREDENTIALS_ENCRYPTION_KEY_PREVIOUS). Safe to run again.
 */
export async function rotateCredentialKeys(db: Db, opts: { ring?: KeyRing; batchSize?: number; onBatch?: (done: number) => void | Promise<void> } = {}): Promise<RotationSummary> {
  const ring = opts.ring ?? configuredKeyRing();
  const batchSize = opts.batchSize ?? 50;
  const summary: RotationSummary = { keyId: ring.current.id, rewritten: 0, changedMeanwhile: 0, unreadable: [] };
  const sealedNow = `v2:${ring.current.id}:`;
  let after: string | null = null;
  for (;;) {
    // Keyset paging by id: each row is visited once, even the ones that cannot be rewritten.
    const rows: Row[] = await db.apiCredential.findMany({
      where: {
        ...(after ? { id: { gt: after } } : {}),
        OR: [{ NOT: { clientSecretEnc: { startsWith: sealedNow } } }, { NOT: { subscriptionKeyEnc: { startsWith: sealedNow } } }],
      },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, kind: true, salesUnitId: true, partnerId: true, clientSecretEnc: true, subscriptionKeyEnc: true },
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      let next: { clientSecretEnc: string; subscriptionKeyEnc: string | null };
      try {
        const slots = slotsOf(row);
        next = {
          clientSecretEnc: reseal(row.clientSecretEnc, slots.clientSecret, ring),
          subscriptionKeyEnc: row.subscriptionKeyEnc && slots.subscriptionKey ? reseal(row.subscriptionKeyEnc, slots.subscriptionKey, ring) : row.subscriptionKeyEnc,
        };
      } catch {
        summary.unreadable.push(row.id);
        continue;
      }
      if (next.clientSecretEnc === row.clientSecretEnc && next.subscriptionKeyEnc === row.subscriptionKeyEnc) continue;
      const { count } = await db.apiCredential.updateMany({
        where: { id: row.id, clientSecretEnc: row.clientSecretEnc, subscriptionKeyEnc: row.subscriptionKeyEnc },
        data: next,
      });
      if (count === 1) summary.rewritten += 1;
      else summary.changedMeanwhile += 1;
    }
    after = rows[rows.length - 1]!.id;
    await opts.onBatch?.(summary.rewritten);
  }
  return summary;
}
