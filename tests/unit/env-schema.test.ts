import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env-schema";

const good = {
  DATABASE_URL: "postgres://u:p@db.example:5432/portal",
  AUTH_SECRET: "a".repeat(40),
  CREDENTIALS_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
  REPORT_API_MODE: "production",
  REPORT_API_BASE_URL: "https://api.vipps.no",
};

describe("configuration", () => {
  it("accepts a complete production configuration", () => {
    expect(parseEnv(good)).toMatchObject({ REPORT_API_MODE: "production", DEMO_SIGN_IN: "off" });
  });

  it.each(["DATABASE_URL", "AUTH_SECRET", "CREDENTIALS_ENCRYPTION_KEY"] as const)("refuses to start without %s and names it", (name) => {
    const env: Record<string, string | undefined> = { ...good, [name]: undefined };
    expect(() => parseEnv(env)).toThrow(new RegExp(`${name} is missing`));
  });

  it("treats an empty string as missing", () => {
    expect(() => parseEnv({ ...good, AUTH_SECRET: "" })).toThrow(/AUTH_SECRET is missing/);
  });

  it("refuses an encryption key that is not 32 bytes", () => {
    expect(() => parseEnv({ ...good, CREDENTIALS_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/must be 32 bytes/);
  });

  it("takes previous encryption keys as a comma-separated list of 32-byte keys", () => {
    const previous = [Buffer.alloc(32, 2).toString("base64"), Buffer.alloc(32, 3).toString("base64")];
    expect(parseEnv(good).CREDENTIALS_ENCRYPTION_KEY_PREVIOUS).toEqual([]);
    expect(parseEnv({ ...good, CREDENTIALS_ENCRYPTION_KEY_PREVIOUS: ` ${previous.join(" , ")} ` }).CREDENTIALS_ENCRYPTION_KEY_PREVIOUS).toEqual(previous);
    expect(() => parseEnv({ ...good, CREDENTIALS_ENCRYPTION_KEY_PREVIOUS: `${previous[0]},${Buffer.alloc(8).toString("base64")}` })).toThrow(/KEY_PREVIOUS must be/);
  });

  it("refuses half an OIDC configuration", () => {
    expect(() => parseEnv({ ...good, OIDC_ISSUER: "https://login.example" })).toThrow(/OIDC needs all of/);
  });

  it("needs the sandbox admin secret in sandbox mode", () => {
    expect(() => parseEnv({ ...good, REPORT_API_MODE: "sandbox" })).toThrow(/SANDBOX_ADMIN_SECRET is missing/);
  });
});
