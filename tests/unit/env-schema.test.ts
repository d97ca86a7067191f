import { describe, expect, it } from "vitest";
import { configNotices, isDemoSignInAllowed, parseEnv } from "@/lib/config/env-schema";
import { RATE_LIMITS, rateLimitsWith } from "@/lib/server/rate-limit/limits";

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

  it("sizes the sign-in limit from SIGN_IN_ATTEMPTS_PER_10_MIN (30 by default) and leaves the other limits alone", () => {
    expect(parseEnv(good).SIGN_IN_ATTEMPTS_PER_10_MIN).toBe(30);
    const raised = rateLimitsWith(parseEnv({ ...good, SIGN_IN_ATTEMPTS_PER_10_MIN: "1000" }).SIGN_IN_ATTEMPTS_PER_10_MIN);
    expect(raised.signIn).toEqual([{ by: ["ip", "email"], points: 1000, durationSeconds: 600 }]);
    expect(raised.upstream).toEqual(RATE_LIMITS.upstream);
    expect(() => parseEnv({ ...good, SIGN_IN_ATTEMPTS_PER_10_MIN: "0" })).toThrow(/expected number to be >=1/);
  });

  it("refuses half an OIDC configuration", () => {
    expect(() => parseEnv({ ...good, OIDC_ISSUER: "https://login.example" })).toThrow(/OIDC needs all of/);
  });

  it("needs the sandbox admin secret in sandbox mode", () => {
    expect(() => parseEnv({ ...good, REPORT_API_MODE: "sandbox" })).toThrow(/SANDBOX_ADMIN_SECRET is missing/);
  });

  // Security finding 2: with DATABASE_URL set, DEMO_SIGN_IN=on was accepted and signed anyone in as the platform admin.
  describe("production mode refuses demo sign-in", () => {
    it("is production mode unless the start script says embedded", () => {
      expect(parseEnv(good).PORTAL_MODE).toBe("production");
    });

    it("turns DEMO_SIGN_IN=on off in production mode, and says so", () => {
      const env = parseEnv({ ...good, DEMO_SIGN_IN: "on" });
      expect(env.DEMO_SIGN_IN).toBe("off");
      expect(isDemoSignInAllowed(env)).toBe(false);
      expect(configNotices({ ...good, DEMO_SIGN_IN: "on" })).toEqual([expect.stringMatching(/^DEMO_SIGN_IN=on refused: production mode/)]);
      expect(isDemoSignInAllowed(parseEnv({ ...good, PORTAL_MODE: "production", DEMO_SIGN_IN: "on" }))).toBe(false);
    });

    it("keeps demo sign-in in the embedded mode, on its local database", () => {
      const embedded = { ...good, DATABASE_URL: "postgres://postgres@localhost:54329/portal", PORTAL_MODE: "embedded", DEMO_SIGN_IN: "on" };
      expect(isDemoSignInAllowed(parseEnv(embedded))).toBe(true);
      expect(configNotices(embedded)).toEqual([]);
    });

    it("refuses PORTAL_MODE=embedded against a database on another machine", () => {
      expect(() => parseEnv({ ...good, PORTAL_MODE: "embedded", DEMO_SIGN_IN: "on" })).toThrow(/PORTAL_MODE=embedded is only for the embedded database/);
    });
  });

  it("reads the issuers trusted to assert only verified e-mails", () => {
    expect(parseEnv(good).OIDC_TRUSTED_EMAIL_ISSUERS).toEqual([]);
    expect(parseEnv({ ...good, OIDC_TRUSTED_EMAIL_ISSUERS: "https://login.example/tenant, https://id.example" }).OIDC_TRUSTED_EMAIL_ISSUERS).toEqual([
      "https://login.example/tenant",
      "https://id.example",
    ]);
    expect(() => parseEnv({ ...good, OIDC_TRUSTED_EMAIL_ISSUERS: "not a url" })).toThrow(/OIDC_TRUSTED_EMAIL_ISSUERS/);
  });
});
