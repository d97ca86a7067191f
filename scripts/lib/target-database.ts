import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

/**
 * The database a maintenance script works on: DATABASE_URL, or else the embedded one of `npm start`
 * (PORTAL_DATA_DIR, default .data). A running `npm start` is used where it runs (its port is in
 * postmaster.pid); otherwise the embedded server is started for the script and stopped after it.
 */
export async function targetDatabase(log: (m: string) => void): Promise<{ url: string; close(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, close: async () => {} };
  const dataDir = path.resolve(process.env.PORTAL_DATA_DIR ?? ".data", "postgres");
  const running = runningPort(dataDir);
  if (running) {
    log(`Using the running embedded PostgreSQL on port ${running}.`);
    return { url: `postgres://portal:portal@127.0.0.1:${running}/portal`, close: async () => {} };
  }
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) log(`No embedded database in ${path.relative(process.cwd(), dataDir)} yet: creating an empty one.`);
  const database = await startEmbeddedPostgres({ dataDir, database: "portal" });
  log(`Started the embedded PostgreSQL from ${path.relative(process.cwd(), dataDir)} on port ${database.port}.`);
  return { url: database.url, close: () => database.stop() };
}

function runningPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null; // stale lock from a crash
  }
  return Number(port) || null;
}
