import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for API secrets at rest. The associated data binds a ciphertext to its row and column: a secret
 * copied into another credential row does not decrypt there.
 *
 * Formats (base64 parts):
 * - "v2:<keyId>:<iv>:<tag>:<ciphertext>", written now. The key id names the key that sealed it, so several keys
 *   can be configured at once and the encryption key can be rotated without downtime (decision 016).
 * - "v1:<iv>:<tag>:<ciphertext>", written before key ids existed. Still read: each configured key is tried
 *   (GCM's tag tells a wrong key apart), until `npm run keys:rotate` has rewritten every row as v2.
 */
const V1 = "v1";
const V2 = "v2";

/** The keys this process knows: `current` seals new secrets; every key in `all` (current first) can open. */
export interface KeyRing {
  current: { id: string; key: Buffer };
  all: readonly { id: string; key: Buffer }[];
}

/**
 * A key's id: the first 12 hex digits of SHA-256 over a label and the key. Stable for a key, shown in logs and
 * ciphertexts without weakening it (a truncated hash of 256 random bits), and the same on every instance.
 */
export function keyIdOf(key: Buffer): string {
  return createHash("sha256").update("ledger-access/credential-key/").update(key).digest("hex").slice(0, 12);
}

function assertKey(key: Buffer): void {
  if (key.length !== 32) throw new Error("Encryption key must be 32 bytes");
}

/** A ring with `current` sealing and every key (current, then the others) opening. Duplicates are dropped. */
export function keyRing(current: Buffer, others: readonly Buffer[] = []): KeyRing {
  const all: { id: string; key: Buffer }[] = [];
  for (const key of [current, ...others]) {
    assertKey(key);
    const id = keyIdOf(key);
    if (!all.some((k) => k.id === id)) all.push({ id, key });
  }
  return { current: all[0]!, all };
}

const asRing = (keys: Buffer | KeyRing): KeyRing => (Buffer.isBuffer(keys) ? keyRing(keys) : keys);

export function encryptSecret(plain: string, keys: Buffer | KeyRing, associatedData: string): string {
  const { id, key } = asRing(keys).current;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [V2, id, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

function open(key: Buffer, iv: string, tag: string, data: string, associatedData: string): string {
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

export function decryptSecret(box: string, keys: Buffer | KeyRing, associatedData: string): string {
  const ring = asRing(keys);
  const parts = box.split(":");
  if (parts[0] === V2 && parts.length === 5) {
    const [, id, iv, tag, data] = parts as [string, string, string, string, string];
    const entry = ring.all.find((k) => k.id === id);
    if (!entry) throw new Error(`Secret box sealed with key ${id}, which is not configured`);
    return open(entry.key, iv, tag, data, associatedData);
  }
  if (parts[0] === V1 && parts.length === 4) {
    const [, iv, tag, data] = parts as [string, string, string, string];
    for (const { key } of ring.all) {
      try {
        return open(key, iv, tag, data, associatedData);
      } catch {
        // not this key (or tampered): try the next one
      }
    }
    throw new Error("Secret box does not open with any configured key");
  }
  throw new Error("Unreadable secret box");
}

/** The id of the key a box was sealed with, or null for the old format (no id) and anything unreadable. */
export function keyIdOfBox(box: string): string | null {
  const parts = box.split(":");
  return parts[0] === V2 && parts.length === 5 ? (parts[1] ?? null) : null;
}

/** True when a box is not sealed with the ring's current key (old format or an older key): rotation rewrites it. */
export function isSealedWithCurrentKey(box: string, ring: KeyRing): boolean {
  return keyIdOfBox(box) === ring.current.id;
}

/** Shows enough of an identifier to recognise it, never enough to use it. */
export function maskIdentifier(value: string): string {
  return value.length <= 4 ? "••••" : `••••${value.slice(-4)}`;
}
