-- migrate:up
-- Rate limits shared by every app instance (lib/server/rate-limit, decision 016). The table is the one
-- rate-limiter-flexible's RateLimiterPostgres expects (key, points, expire in epoch ms; its INSERT is positional,
-- so the column order matters). It is created here rather than by the library at run time (tableCreated: true),
-- and kept in a schema of its own, like pg-boss's: it is the library's store, not part of the portal's model,
-- so schema.prisma does not describe it.
CREATE SCHEMA IF NOT EXISTS "rate_limit";

CREATE TABLE "rate_limit"."counters" (
  "key" VARCHAR(255) NOT NULL,
  "points" INTEGER NOT NULL DEFAULT 0,
  "expire" BIGINT,
  CONSTRAINT "counters_pkey" PRIMARY KEY ("key")
);
-- The library deletes rows that expired over an hour ago every few minutes.
CREATE INDEX "counters_expire_idx" ON "rate_limit"."counters" ("expire");

-- migrate:down
DROP SCHEMA "rate_limit" CASCADE;
