import "server-only";
import { env } from "@/lib/server/env";
import { decryptSecret, encryptSecret, keyRing, type KeyRing } from "@/lib/server/crypto/secret-box";

/**
 * Where each stored secret is bound: the AES-GCM associated data names the owning row and the column, so a
 * ciphertext copied into another credential row (or into the other column) does not decrypt there. The same
 * convention as the demo seed (lib/server/seed/seed-demo-world.ts).
 */
export type SecretSlot =
  | { owner: "sales-unit"; salesUnitId: string; field: "clientSecret" | "subscriptionKey" }
  | { owner: "partner"; partnerId: string; field: "clientSecret" };

export function associatedDataFor(slot: SecretSlot): string {
  return slot.owner === "sales-unit" ? `sales-unit:${slot.salesUnitId}:${slot.field}` : `partner:${slot.partnerId}:${slot.field}`;
}

/** The configured keys: CREDENTIALS_ENCRYPTION_KEY seals, it and CREDENTIALS_ENCRYPTION_KEY_PREVIOUS open. */
export function configuredKeyRing(): KeyRing {
  const e = env();
  return keyRing(
    Buffer.from(e.CREDENTIALS_ENCRYPTION_KEY, "base64"),
    e.CREDENTIALS_ENCRYPTION_KEY_PREVIOUS.map((k) => Buffer.from(k, "base64")),
  );
}

export function sealSecret(plain: string, slot: SecretSlot, ring: KeyRing = configuredKeyRing()): string {
  return encryptSecret(plain, ring, associatedDataFor(slot));
}

export function openSecret(box: string, slot: SecretSlot, ring: KeyRing = configuredKeyRing()): string {
  return decryptSecret(box, ring, associatedDataFor(slot));
}
