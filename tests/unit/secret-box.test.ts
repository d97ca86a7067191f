import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskIdentifier } from "@/lib/server/crypto/secret-box";

const key = randomBytes(32);

describe("secret box (AES-256-GCM)", () => {
  it("round-trips any secret and never contains it in clear", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 200 }), (secret) => {
        const box = encryptSecret(secret, key, "row:1:clientSecret");
        expect(box.startsWith("v1:")).toBe(true);
        expect(decryptSecret(box, key, "row:1:clientSecret")).toBe(secret);
      }),
      { numRuns: 50 },
    );
    expect(encryptSecret("sandbox-secret-212001", key, "a")).not.toContain("sandbox-secret");
  });

  it("refuses another row's ciphertext, a wrong key and a tampered box", () => {
    const box = encryptSecret("s3cret-value", key, "row:1:clientSecret");
    expect(() => decryptSecret(box, key, "row:2:clientSecret")).toThrow();
    expect(() => decryptSecret(box, randomBytes(32), "row:1:clientSecret")).toThrow();
    const parts = box.split(":");
    const data = Buffer.from(parts[3]!, "base64");
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() => decryptSecret([parts[0], parts[1], parts[2], data.toString("base64")].join(":"), key, "row:1:clientSecret")).toThrow();
  });

  it("masks identifiers to their last four characters", () => {
    expect(maskIdentifier("demo-partner-987654321")).toBe("••••4321");
    expect(maskIdentifier("abc")).toBe("••••");
  });
});
