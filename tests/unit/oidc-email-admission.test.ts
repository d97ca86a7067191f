import { describe, expect, it } from "vitest";
import { checkOidcEmail } from "@/lib/server/auth/oidc-email-admission";

// Security finding 4: OIDC accounts were linked to invited people by e-mail without checking the provider
// verified the address. The e2e spec (e2e/oidc-sign-in.spec.ts) runs the same refusal through a real provider.
const ISSUER = "https://login.example";

describe("which OIDC e-mail may be matched to an invitation", () => {
  it("admits an address the provider verified", () => {
    expect(checkOidcEmail({ email: "admin@portal.example", email_verified: true }, ISSUER, [])).toBeNull();
  });

  it.each([
    ["false", false],
    ["missing", undefined],
    ["the string 'true'", "true"],
    ["1", 1],
  ])("refuses email_verified %s", (_label, value) => {
    expect(checkOidcEmail({ email: "admin@portal.example", email_verified: value }, ISSUER, [])).toBe("EmailNotVerified");
  });

  it("refuses a profile without an e-mail address", () => {
    expect(checkOidcEmail({ email_verified: true }, ISSUER, [])).toBe("NoEmail");
    expect(checkOidcEmail({ email: " ", email_verified: true }, ISSUER, [])).toBe("NoEmail");
  });

  it("admits an unverified or unstated address from an issuer the operator trusts, and only that issuer", () => {
    expect(checkOidcEmail({ email: "kari@fjordkaffe.example" }, ISSUER, ["https://login.example/"])).toBeNull();
    expect(checkOidcEmail({ email: "kari@fjordkaffe.example", email_verified: false }, ISSUER, [ISSUER])).toBeNull();
    expect(checkOidcEmail({ email: "kari@fjordkaffe.example" }, "https://other.example", [ISSUER])).toBe("EmailNotVerified");
  });
});
