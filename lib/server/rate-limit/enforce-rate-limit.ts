import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { RateLimitName, RateLimitSubject } from "@/lib/server/rate-limit/limits";
import { rateLimiters, type RateLimiters } from "@/lib/server/rate-limit/rate-limiter";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

// English, like the other texts the server writes itself (lib/server/grants/server-messages.ts).
const t = errorTranslator("rateLimit");

/** The catalogue's words for a refused call: what was limited, and when to try again (whole minutes past 90 s). */
export function rateLimitMessage(name: RateLimitName, retryAfterSeconds: number): string {
  const wait = retryAfterSeconds > 90 ? { unit: "minutes", count: Math.ceil(retryAfterSeconds / 60) } : { unit: "seconds", count: retryAfterSeconds };
  return `${t(name)} ${t("tryAgainIn", wait)}`;
}

/**
 * Counts one call against a named limit and throws RATE_LIMITED (HTTP 429, with the wait) when it is spent.
 * Called before any work, so a refused call costs one counter update and nothing upstream.
 */
export async function requireWithinRateLimit(name: RateLimitName, subject: RateLimitSubject, limiters: RateLimiters = rateLimiters()): Promise<void> {
  const outcome = await limiters.consume(name, subject);
  if (!outcome.allowed) throw new AppError("RATE_LIMITED", rateLimitMessage(name, outcome.retryAfterSeconds), undefined, outcome.retryAfterSeconds);
}
