import { createCipheriv, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, isSealedWithCurrentKey, keyIdOf, keyIdOfBox, keyRing, maskIdentifier } from "@/lib/server/crypto/secret-box";

const key = randomBytes(32);

/** A box in the format written before key ids ("v1:<iv>:<tag>:<data>"), as rows sealed then still hold. */
function sealV1(plain: string, k: Buffer, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

describe("secret box (AES-256-GCM)", () => {
  it("round-trips any secret and never contains it in clear", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 200 }), (secret) => {
        const box = encryptSecret(secret, key, "row:1:clientSecret");
        expect(box.startsWith(`v2:${keyIdOf(key)}:`)).toBe(true);
        expect(decryptSecret(box, key, "row:1:clientSecret")).toBe(secret);
      }),
      { numRuns: 50 },
    );
    expect(encryptSecret("sandbox-secret-212001", key, "a")).not.toContain("sandbox-secret");
  });

  it("refuses another row's ciphertext, a wrong key and a tampered box", () => {
    const box = encryptSecret("s3cret-value", key, "row:1:clientSecret");
    expect(() => decryptSecret(box, key, "row:2:clientSecret")).toThrow();
    expect(() => decryptSecret(box, randomBytes(32), "row:1:clientSecret")).toThrow(/not configured/);
    const parts = box.split(":");
    const data = Buffer.from(parts[4]!, "base64");
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() => decryptSecret([...parts.slice(0, 4), data.toString("base64")].join(":"), key, "row:1:clientSecret")).toThrow();
    // A box claiming another key's id does not open with this one either.
    expect(() => decryptSecret(["v2", keyIdOf(randomBytes(32)), ...parts.slice(2)].join(":"), key, "row:1:clientSecret")).toThrow();
  });

  it("masks identifiers to their last four characters", () => {
    expect(maskIdentifier("demo-partner-987654321")).toBe("••••4321");
    expect(maskIdentifier("abc")).toBe("••••");
  });
});

describe("key ids and rotation", () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it("derives a stable 12-hex-digit id per key that differs between keys and reveals nothing of the key", () => {
    expect(keyIdOf(oldKey)).toMatch(/^[0-9a-f]{12}$/);
    expect(keyIdOf(Buffer.from(oldKey))).toBe(keyIdOf(oldKey));
    expect(keyIdOf(newKey)).not.toBe(keyIdOf(oldKey));
    expect(oldKey.toString("hex")).not.toContain(keyIdOf(oldKey));
  });

  it("seals with the current key and opens boxes of any configured key, picked by the id in the box", () => {
    const ring = keyRing(newKey, [oldKey]);
    const underOld = encryptSecret("old-secret", oldKey, "row:1:clientSecret");
    const underNew = encryptSecret("new-secret", ring, "row:1:clientSecret");
    expect(keyIdOfBox(underNew)).toBe(keyIdOf(newKey));
    expect(decryptSecret(underOld, ring, "row:1:clientSecret")).toBe("old-secret");
    expect(decryptSecret(underNew, ring, "row:1:clientSecret")).toBe("new-secret");
    expect(isSealedWithCurrentKey(underNew, ring)).toBe(true);
    expect(isSealedWithCurrentKey(underOld, ring)).toBe(false);
    // Once the old key is removed from the configuration, its boxes no longer open: rotate before removing it.
    expect(() => decryptSecret(underOld, keyRing(newKey), "row:1:clientSecret")).toThrow(new RegExp(`${keyIdOf(oldKey)}.*not configured`));
  });

  it("still reads the old format without a key id, with whichever configured key sealed it", () => {
    const v1 = sealV1("legacy-secret", oldKey, "partner:p1:clientSecret");
    expect(keyIdOfBox(v1)).toBeNull();
    expect(decryptSecret(v1, oldKey, "partner:p1:clientSecret")).toBe("legacy-secret");
    expect(decryptSecret(v1, keyRing(newKey, [oldKey]), "partner:p1:clientSecret")).toBe("legacy-secret");
    expect(isSealedWithCurrentKey(v1, keyRing(oldKey))).toBe(false);
    expect(() => decryptSecret(v1, keyRing(newKey), "partner:p1:clientSecret")).toThrow(/any configured key/);
    expect(() => decryptSecret(v1, keyRing(newKey, [oldKey]), "partner:p2:clientSecret")).toThrow();
  });

  it("refuses keys that are not 32 bytes and boxes of an unknown format", () => {
    expect(() => keyRing(randomBytes(16))).toThrow(/32 bytes/);
    expect(() => decryptSecret("plain-secret", key, "a")).toThrow(/Unreadable/);
    expect(() => decryptSecret("v3:a:b:c:d", key, "a")).toThrow(/Unreadable/);
  });
});
