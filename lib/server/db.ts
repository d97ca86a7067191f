import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";

export type Db = PrismaClient;

export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

// One client per process, kept on globalThis so dev reloads do not open new pools, and created on first use
// so `next build` can import pages without runtime secrets. PostgreSQL through adapter-pg in every mode.
const g = globalThis as unknown as { __portalDb?: PrismaClient };
function client(): PrismaClient {
  return (g.__portalDb ??= createDb(env().DATABASE_URL));
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value: unknown = Reflect.get(c, prop);
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(c) : value;
  },
});
