import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";

export type Db = PrismaClient;

/**
 * Prisma's statements as named (prepared) statements: each connection parses a statement once and, after a few
 * runs, keeps its plan, instead of parsing and planning it on every query (a page's 10 to 20 statements spent
 * more of PostgreSQL's time being parsed and planned than run; decision 050). The name is the text's hash, so the
 * same text always has the same name. Bounded: past MAX_NAMED_STATEMENTS distinct texts a new one runs unnamed,
 * so a stream of one-off texts (raw SQL with values inline) cannot fill the connections' caches. Behind a pooler
 * in transaction mode without prepared-statement support, DATABASE_PREPARED_STATEMENTS=off turns it off.
 */
const MAX_NAMED_STATEMENTS = 2_000;
const statementNames = new Map<string, string>();
// "" is node-postgres's unnamed statement (parsed every time), as with no generator.
function statementName(query: { sql: string }): string {
  const known = statementNames.get(query.sql);
  if (known !== undefined) return known;
  if (statementNames.size >= MAX_NAMED_STATEMENTS) return "";
  const name = `p_${createHash("sha1").update(query.sql).digest("hex").slice(0, 24)}`;
  statementNames.set(query.sql, name);
  return name;
}

export function createDb(connectionString: string, { preparedStatements = true }: { preparedStatements?: boolean } = {}): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }, preparedStatements ? { statementNameGenerator: statementName } : {}) });
}

// One client per process, kept on globalThis so dev reloads do not open new pools, and created on first use
// so `next build` can import pages without runtime secrets. PostgreSQL through adapter-pg in every mode.
const g = globalThis as unknown as { __portalDb?: PrismaClient };
function client(): PrismaClient {
  return (g.__portalDb ??= createDb(env().DATABASE_URL, { preparedStatements: env().DATABASE_PREPARED_STATEMENTS === "on" }));
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value: unknown = Reflect.get(c, prop);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(c) : value;
  },
});
