import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for API secrets at rest. Format "v1:<iv>:<tag>:<ciphertext>" (base64 parts), so the key or
 * algorithm can change later by version. The associated data binds a ciphertext to its row and column:
 * a secret copied into another credential row does not decrypt there.
 */
const VERSION = "v1";

export function encryptSecret(plain: string, key: Buffer, associatedData: string): string {
  if (key.length !== 32) throw new Error("Encryption key must be 32 bytes");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

export function decryptSecret(box: string, key: Buffer, associatedData: string): string {
  const [version, iv, tag, data] = box.split(":");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error("Unreadable secret box");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/** Shows enough of an identifier to recognise it, never enough to use it. */
export function maskIdentifier(value: string): string {
  return value.length <= 4 ? "••••" : `••••${value.slice(-4)}`;
}
