import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, perRequestSecurityHeaders, securityHeaderSettingsFromEnv } from "@/lib/config/security-headers";
import nextConfig, { STATIC_SECURITY_HEADERS } from "@/next.config.js";

// Security finding 3: no CSP, frame-ancestors, nosniff, Referrer-Policy or HSTS. The browser tests
// (e2e/security-headers.spec.ts) check the headers on real responses and that framing is refused.
const directives = (csp: string) => new Map(csp.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1).join(" ")]));

describe("security headers", () => {
  const production = securityHeaderSettingsFromEnv({ NODE_ENV: "production", PORTAL_MODE: "production", OIDC_ISSUER: "https://login.example/tenant/v2.0" });
  const embedded = securityHeaderSettingsFromEnv({ NODE_ENV: "production", PORTAL_MODE: "embedded" });

  it("allows only nonce-carrying scripts, no plugins, no foreign base or framing", () => {
    const d = directives(contentSecurityPolicy("abc123", production));
    expect(d.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(d.get("object-src")).toBe("'none'");
    expect(d.get("base-uri")).toBe("'self'");
    expect(d.get("frame-ancestors")).toBe("'none'");
    expect(d.get("default-src")).toBe("'self'");
  });

  it("lets forms post to the portal and redirect to the OIDC issuer's origin only", () => {
    expect(directives(contentSecurityPolicy("n", production)).get("form-action")).toBe("'self' https://login.example");
    expect(directives(contentSecurityPolicy("n", embedded)).get("form-action")).toBe("'self'");
  });

  it("adds 'unsafe-eval' only in next dev", () => {
    expect(contentSecurityPolicy("n", production)).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy("n", securityHeaderSettingsFromEnv({ NODE_ENV: "development", PORTAL_MODE: "embedded" }))).toContain("'unsafe-eval'");
  });

  it("sends HSTS and upgrades requests in production mode only (an unset mode is production)", () => {
    expect(perRequestSecurityHeaders("n", production)["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(perRequestSecurityHeaders("n", securityHeaderSettingsFromEnv({}))["Strict-Transport-Security"]).toBeDefined();
    expect(contentSecurityPolicy("n", production)).toContain("upgrade-insecure-requests");
    expect(perRequestSecurityHeaders("n", embedded)["Strict-Transport-Security"]).toBeUndefined();
    expect(contentSecurityPolicy("n", embedded)).not.toContain("upgrade-insecure-requests");
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("sends nosniff, a referrer policy, DENY framing and a permissions policy on every path", async () => {
    const rules = await nextConfig.headers!();
    expect(rules).toEqual([{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }]);
    const byName = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key, h.value]));
    expect(byName).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
    expect(byName["Permissions-Policy"]).toContain("camera=()");
  });
});
