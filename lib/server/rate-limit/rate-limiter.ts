import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { RATE_LIMITS, rateLimitsWith, type RateLimitBucket, type RateLimitName, type RateLimitSubject } from "@/lib/server/rate-limit/limits";

/** Where the counters live: created by prisma/migrations/20261206160000_rate_limit_counters.sql, never at run time. */
const SCHEMA = "rate_limit";
const TABLE = "counters";

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimiters {
  /** Counts one call against every bucket of the limit; refused when any bucket is spent. */
  consume(name: RateLimitName, subject: RateLimitSubject, points?: number): Promise<RateLimitOutcome>;
}

/**
 * Rate limiters backed by PostgreSQL (rate-limiter-flexible's RateLimiterPostgres: one atomic upsert per bucket),
 * so every app instance counts against the same numbers. `limits` lets tests use small windows.
 */
export function createRateLimiters(pool: pg.Pool, limits: Record<RateLimitName, readonly RateLimitBucket[]> = RATE_LIMITS): RateLimiters {
  const limiters = new Map<string, RateLimiterPostgres>();
  const limiterFor = (name: RateLimitName, bucket: RateLimitBucket) => {
    const keyPrefix = `${name}:${bucket.by.join("+")}`;
    let limiter = limiters.get(keyPrefix);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        schemaName: SCHEMA,
        tableName: TABLE,
        tableCreated: true,
        keyPrefix,
        points: bucket.points,
        duration: bucket.durationSeconds,
      });
      limiters.set(keyPrefix, limiter);
    }
    return limiter;
  };

  return {
    async consume(name, subject, points = 1) {
      let refused = false;
      let retryAfterMs = 0;
      for (const bucket of limits[name]) {
        const parts = bucket.by.map((p) => subject[p]);
        if (parts.some((p) => !p)) continue;
        try {
          await limiterFor(name, bucket).consume(keyOf(parts as string[]), points);
        } catch (err) {
          // The library rejects with a RateLimiterRes when the bucket is spent, with an Error when the store fails.
          if (!(err instanceof RateLimiterRes)) throw err;
          refused = true;
          retryAfterMs = Math.max(retryAfterMs, err.msBeforeNext);
        }
      }
      return refused ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { allowed: true };
    },
  };
}

/** Counter keys are hashed: the table holds no e-mail address or IP address in clear. */
function keyOf(parts: string[]): string {
  return createHash("sha256").update(parts.map((p) => p.toLowerCase()).join("\u0000")).digest("base64url");
}

// One pool and one set of limiters per process (kept on globalThis so dev reloads do not open new pools).
const g = globalThis as unknown as { __portalRateLimiters?: RateLimiters };

export function rateLimiters(): RateLimiters {
  if (!g.__portalRateLimiters) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 3 });
    // An idle connection the server closes (a restart, a failover, a dropped database) must not take the process
    // down: the pool replaces it on the next query.
    pool.on("error", (err) => logger().warn({ err: { name: err.name, message: err.message } }, "rate-limit pool: idle connection lost"));
    g.__portalRateLimiters = createRateLimiters(pool, rateLimitsWith(env().SIGN_IN_ATTEMPTS_PER_10_MIN));
  }
  return g.__portalRateLimiters;
}
