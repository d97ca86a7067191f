/**
 * The portal's Content-Security-Policy and the headers that depend on the mode, built per request by proxy.ts
 * (a fresh nonce each time, as the Next.js CSP guide does it). Mode-independent headers (nosniff,
 * Referrer-Policy, X-Frame-Options, Permissions-Policy) are static, in next.config.js. Pure, so the unit tests read exactly what the browser gets. Why each directive: decision 012.
 */
export interface SecurityHeaderSettings {
  /** `next dev`: React needs eval for its debugging aids there (and only there). */
  isDev: boolean;
  /** Production mode (PORTAL_MODE=production): HSTS and upgrade-insecure-requests. */
  isProduction: boolean;
  /** The OIDC issuer: the sign-in form's server action answers with a redirect there, which form-action governs. */
  oidcIssuer: string | undefined;
}

/** The settings from this process's environment (read at request time, so `next start` honours runtime env). */
export function securityHeaderSettingsFromEnv(source: Record<string, string | undefined> = process.env): SecurityHeaderSettings {
  return {
    isDev: source.NODE_ENV === "development",
    isProduction: (source.PORTAL_MODE ?? "production") === "production",
    oidcIssuer: source.OIDC_ISSUER || undefined,
  };
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** A nonce for one response: 128 random bits, base64 (Web Crypto, so it works in any runtime). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, s: SecurityHeaderSettings): string {
  const issuer = originOf(s.oidcIssuer);
  const directives = [
    "default-src 'self'",
    // Only scripts carrying this response's nonce, and what they load ('strict-dynamic'): Next.js puts the
    // nonce on its own scripts when it finds it in this header. No 'unsafe-inline' for scripts.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${s.isDev ? " 'unsafe-eval'" : ""}`,
    // Styles need 'unsafe-inline' (a nonce would switch it off): React renders style attributes on the server
    // (progress bars, chart containers), sonner injects its stylesheet without a nonce, and Radix's scroll lock
    // adds <style> elements. Injected CSS can restyle a page but not run code; scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${issuer ? ` ${issuer}` : ""}`,
    // No other site may frame a signed-in page (its revoke and approve buttons): clickjacking.
    "frame-ancestors 'none'",
    ...(s.isProduction ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers proxy.ts adds to every response it passes; the request also carries the CSP so Next finds the nonce. */
export function perRequestSecurityHeaders(nonce: string, s: SecurityHeaderSettings): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, s),
    // Production runs on https behind its load balancer; two years, as hstspreload.org asks. Not in the embedded
    // mode: http://localhost must stay reachable over http.
    ...(s.isProduction ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
