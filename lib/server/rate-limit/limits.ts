/**
 * Every rate limit of the portal, by name (decision 016). A limit is one or more buckets; a call must fit in each
 * bucket it has a subject for. Counters live in PostgreSQL, so the numbers hold across all app instances.
 *
 * - signIn: attempts per IP address and e-mail (the demo sign-in, the OIDC callback). Stops hammering one
 *   account from one place without letting anyone lock a person out from elsewhere. Loose enough for a browser
 *   test run that signs the same persona in a dozen times.
 * - signInStart: starting an OIDC sign-in, per IP address (the e-mail is not known yet).
 * - upstream: actions that may call the Report API (ledger reads that fetch dates not cached yet, the grant
 *   preview, "sync now"), per person and per organisation, so one busy firm cannot spend a merchant's or a
 *   partner's upstream quota alone. Generous enough for reading a ledger month by month.
 * - export: ledger exports (each reads a whole range upstream), per person and per organisation.
 */
export type RateLimitSubjectPart = "ip" | "email" | "user" | "tenant";

export interface RateLimitBucket {
  /** The subject parts that make this bucket's key; a call without one of them is not counted here. */
  by: readonly RateLimitSubjectPart[];
  /** Calls allowed per window. */
  points: number;
  durationSeconds: number;
}

export const RATE_LIMITS = {
  signIn: [{ by: ["ip", "email"], points: 30, durationSeconds: 10 * 60 }],
  signInStart: [{ by: ["ip"], points: 60, durationSeconds: 10 * 60 }],
  upstream: [
    { by: ["user"], points: 60, durationSeconds: 60 },
    { by: ["tenant"], points: 240, durationSeconds: 60 },
  ],
  export: [
    { by: ["user"], points: 10, durationSeconds: 10 * 60 },
    { by: ["tenant"], points: 30, durationSeconds: 10 * 60 },
  ],
} as const satisfies Record<string, readonly RateLimitBucket[]>;

export type RateLimitName = keyof typeof RATE_LIMITS;

/** The limits with the sign-in bucket's size taken from the configuration (SIGN_IN_ATTEMPTS_PER_10_MIN). */
export function rateLimitsWith(signInAttemptsPer10Min: number): Record<RateLimitName, readonly RateLimitBucket[]> {
  return { ...RATE_LIMITS, signIn: RATE_LIMITS.signIn.map((b) => ({ ...b, points: signInAttemptsPer10Min })) };
}

/** Who a call is counted for. Tenant ids come from the session context ("merchant:<id>" or "partner:<id>"). */
export type RateLimitSubject = Partial<Record<RateLimitSubjectPart, string>>;
