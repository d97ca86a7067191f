import "server-only";
import { clientIp } from "@/lib/server/rate-limit/client-ip";
import { rateLimiters } from "@/lib/server/rate-limit/rate-limiter";

/** The sign-in page's `?error=` for a refused sign-in (Auth.js redirects there; it has no action result to carry a message). */
export const SIGN_IN_RATE_LIMITED = "TooManyAttempts";

/**
 * For the sign-in steps outside the action wrapper (starting OIDC, the OIDC callback): counts one attempt per IP
 * address (and e-mail, once known) and says whether it may go on.
 */
export async function isSignInAllowed(name: "signIn" | "signInStart", email?: string): Promise<boolean> {
  const outcome = await rateLimiters().consume(name, { ip: await clientIp(), ...(email ? { email } : {}) });
  return outcome.allowed;
}
