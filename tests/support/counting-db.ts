import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** What the data layer asked of PostgreSQL: statements sent and rows that came back. */
export interface QueryStats {
  queries: number;
  rows: number;
}

type Callback = (err: Error | null, res?: { rows?: unknown[] }) => void;

/**
 * Installs, as the data layer's one Prisma client, a client whose pg pool counts every statement and every
 * row returned (each pooled connection's `query` is wrapped). Call before anything has touched `db`.
 * Returns the live counters; reset them with `stats.queries = stats.rows = 0`.
 */
export function installCountingDb(connectionString: string): { stats: QueryStats; client: PrismaClient; pool: pg.Pool } {
  const stats: QueryStats = { queries: 0, rows: 0 };
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on("error", () => undefined); // an idle connection closed by the server (scratch database dropped)
  pool.on("connect", (client) => {
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    const counted = (...args: unknown[]) => {
      stats.queries += 1;
      const last = args[args.length - 1];
      if (typeof last === "function") {
        const cb = last as Callback;
        args[args.length - 1] = ((err, res) => {
          stats.rows += res?.rows?.length ?? 0;
          cb(err, res);
        }) satisfies Callback;
        return original(...args);
      }
      const result = original(...args);
      if (result && typeof (result as Promise<unknown>).then === "function") {
        return (result as Promise<{ rows?: unknown[] }>).then((res) => {
          stats.rows += res?.rows?.length ?? 0;
          return res;
        });
      }
      return result;
    };
    (client as unknown as { query: typeof counted }).query = counted;
  });
  const client = new PrismaClient({ adapter: new PrismaPg(pool) });
  (globalThis as unknown as { __portalDb?: PrismaClient }).__portalDb = client;
  return { stats, client, pool };
}
