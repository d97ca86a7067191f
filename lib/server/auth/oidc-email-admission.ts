import "server-only";

/** Why an OIDC sign-in is turned away, or null when the e-mail may be matched to an invited person. */
export type OidcEmailRefusal = "NoEmail" | "EmailNotVerified";

export interface OidcEmailClaims {
  email?: unknown;
  email_verified?: unknown;
}

const normalise = (issuer: string) => issuer.replace(/\/+$/, "");

/**
 * People are invited by e-mail address, and the first OIDC sign-in links the provider's account to the person
 * with that address. An address the provider did not verify proves nothing: anyone can register
 * admin@portal.example at a provider that does not check, and would become the platform admin. So the
 * claims must say `email_verified: true` (the boolean, as OpenID Connect Core §5.1 defines it), unless the
 * issuer is one the operator lists in OIDC_TRUSTED_EMAIL_ISSUERS because it only asserts addresses it owns
 * or verified (some providers, such as a single-tenant Entra ID, never send the claim).
 */
export function checkOidcEmail(claims: OidcEmailClaims, issuer: string, trustedIssuers: readonly string[]): OidcEmailRefusal | null {
  if (typeof claims.email !== "string" || claims.email.trim() === "") return "NoEmail";
  if (claims.email_verified === true) return null;
  return trustedIssuers.some((t) => normalise(t) === normalise(issuer)) ? null : "EmailNotVerified";
}
