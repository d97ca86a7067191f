import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { migrate } from "@/scripts/lib/migrate";

/**
 * Security finding 2: production mode with the default REPORT_API_MODE=sandbox seeded the demo people (the
 * platform admin among them) into the production database. Runs the seed script exactly as `npm start` does,
 * against a brand-new migrated database of its own, so "nothing seeded" means nothing.
 */
const testDbUrl = process.env.DATABASE_URL!;
const freshName = `${new URL(testDbUrl).pathname.slice(1)}_seed`;
const freshUrl = Object.assign(new URL(testDbUrl), { pathname: `/${freshName}` }).toString();

async function onServer(sql: string) {
  const c = new pg.Client({ connectionString: testDbUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

async function countUsers(): Promise<number> {
  const c = new pg.Client({ connectionString: freshUrl });
  await c.connect();
  try {
    return Number((await c.query(`SELECT count(*) FROM "User"`)).rows[0].count);
  } finally {
    await c.end();
  }
}

function runSeed(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const { PORTAL_MODE: _inherited, ...inherited } = process.env;
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], {
      env: {
        ...inherited,
        NODE_ENV: "production",
        DATABASE_URL: freshUrl,
        REPORT_API_MODE: "sandbox",
        REPORT_API_BASE_URL: "http://localhost:9",
        DEMO_SIGN_IN: "on",
        LOG_LEVEL: "silent",
        ...env,
      },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += String(d)));
    child.stderr.on("data", (d) => (out += String(d)));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  await onServer(`DROP DATABASE IF EXISTS "${freshName}" WITH (FORCE)`);
  await onServer(`CREATE DATABASE "${freshName}"`);
  migrate(freshUrl);
});
afterAll(() => onServer(`DROP DATABASE IF EXISTS "${freshName}" WITH (FORCE)`));

describe("the seed in production mode", () => {
  it("seeds no demo people, whatever REPORT_API_MODE and DEMO_SIGN_IN say, and says so", async () => {
    const run = await runSeed({});
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain("Production mode: the demo world is not seeded.");
    expect(await countUsers()).toBe(0);
  });

  it("seeds them in the embedded mode (the same script, the same database)", async () => {
    const run = await runSeed({ PORTAL_MODE: "embedded" });
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain("Demo world ready");
    expect(await countUsers()).toBeGreaterThan(0);
  });
});
