/**
 * `npm run scale-out`: the portal as it runs scaled out, on one machine. One PostgreSQL (the embedded one
 * from PORTAL_DATA_DIR, or DATABASE_URL), migrated and seeded; the Report API sandbox (embedded mode);
 * two web-only `next start` instances (RUN_WORKERS=off) on PORT and PORT+1; two job workers
 * (scripts/worker.ts). Sign in on one instance and carry on on the other; stop a worker and the other
 * takes its jobs. Ctrl-C stops everything, the database last.
 *
 * SCALE_OUT_WORKERS (2) sets the number of workers; EMBEDDED_PG_PORT the embedded PostgreSQL's port (54329); SCALE_OUT_WORKER_ENTRY swaps the worker's entry file
 * (the scale-out test runs one with minute-long schedules). Configuration as for `npm start` (README).
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { parseEnv } from "../lib/config/env-schema";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { loadOrCreateSecrets } from "./lib/secrets";
import { embeddedAppRole, migrateAndConnectApp } from "./lib/app-role";
import { needsBuild } from "./lib/build-state";
import { run, stopChild, waitForHttp } from "./lib/processes";

const log = (msg: string) => console.log(`[scale-out] ${msg}`);
const children: ChildProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
let shuttingDown = false;

async function shutdown(code: number): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log("Stopping …");
  await Promise.all(children.map((c) => stopChild(c)));
  for (const fn of cleanups.reverse()) await fn().catch((e: unknown) => console.error(e));
  process.exit(code);
}

function startChild(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(cmd, args, { env, stdio: ["ignore", "inherit", "inherit"] });
  children.push(child);
  child.once("exit", (code, signal) => {
    if (!shuttingDown) log(`${label} (pid ${child.pid}) exited (${signal ?? `code ${code ?? "?"}`}); the others carry on.`);
  });
  return child;
}

async function main() {
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  const embedded = !process.env.DATABASE_URL;
  const dataRoot = path.resolve(process.env.PORTAL_DATA_DIR ?? ".data");
  const basePort = Number(process.env.PORT ?? 3000);
  const ports = [basePort, basePort + 1];
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
  const workerCount = Number(process.env.SCALE_OUT_WORKERS ?? 2);
  const workerEntry = process.env.SCALE_OUT_WORKER_ENTRY ?? "scripts/worker.ts";
  // Embedded (demo sign-in on): loopback only unless PORTAL_HOST asks otherwise, as `npm start` does.
  const host = process.env.PORTAL_HOST || (embedded ? "127.0.0.1" : undefined);

  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  let database: EmbeddedDatabase | undefined;
  if (embedded) {
    const preferredPort = process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined;
    database = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "postgres"), database: "portal", log, ...(preferredPort ? { preferredPort } : {}) });
    cleanups.push(() => database!.stop());
    Object.assign(childEnv, loadOrCreateSecrets(dataRoot), {
      DATABASE_URL: database.url,
      REPORT_API_MODE: "sandbox",
      REPORT_API_BASE_URL: `http://localhost:${sandboxPort}`,
      DEMO_SIGN_IN: process.env.DEMO_SIGN_IN ?? "on",
    });
  }
  childEnv.AUTH_TRUST_HOST ??= "true";
  // As in start.ts: the mode follows from DATABASE_URL alone (production refuses demo sign-in and the demo seed).
  Object.assign(childEnv, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORTAL_MODE: embedded ? "embedded" : "production" });
  const env = parseEnv(childEnv);

  // As in start.ts: migrations as the owner, the app and its workers as the app's own role.
  childEnv.DATABASE_URL = await migrateAndConnectApp({
    databaseUrl: env.DATABASE_URL,
    migrationUrl: embedded ? undefined : process.env.MIGRATION_DATABASE_URL || undefined,
    embeddedRole: embedded ? embeddedAppRole(env.AUTH_SECRET) : undefined,
    log,
  });
  log("Database migrated.");
  if (env.REPORT_API_MODE === "sandbox" && embedded) {
    const [{ startSandbox }, { optionsFromEnv }] = await Promise.all([import("../sandbox/server"), import("../sandbox/config")]);
    const sandbox = await startSandbox({ ...optionsFromEnv(process.env), port: sandboxPort, adminSecret: env.SANDBOX_ADMIN_SECRET });
    sandbox.state.warmUp();
    cleanups.push(() => sandbox.stop());
  }
  if ((await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], childEnv)) !== 0) throw new Error("Seeding failed (see above).");
  if (needsBuild()) {
    log("Building the app (first start or changed sources) …");
    if ((await run(path.join("node_modules", ".bin", "next"), ["build"], childEnv)) !== 0) throw new Error("next build failed (see above).");
  }

  // Web-only instances: the jobs run in the workers below, not in every web process.
  for (const [i, port] of ports.entries()) {
    startChild(`web ${i + 1}`, path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), ...(host ? ["-H", host] : [])], { ...childEnv, RUN_WORKERS: "off" });
  }
  const workers = Array.from({ length: workerCount }, (_, i) =>
    startChild(`worker ${i + 1}`, process.execPath, ["--import", "./scripts/lib/server-only-hook.mjs", "--import", "tsx", workerEntry], childEnv),
  );
  const probeHost = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  await Promise.all(ports.map((p) => waitForHttp(`http://${probeHost}:${p}/api/health`, 60_000)));

  console.log(`
  Ledger Access portal, scaled out

${ports.map((p, i) => `    Web ${i + 1}:     http://localhost:${p}`).join("\n")}
${workers.map((w, i) => `    Worker ${i + 1}:  pid ${w.pid}`).join("\n")}
    PostgreSQL: ${embedded ? database!.url : "DATABASE_URL"}
    ${embedded ? `Sandbox:    http://localhost:${sandboxPort}` : `Report API: ${env.REPORT_API_BASE_URL}`}

  Put a load balancer in front of the web instances (no sticky sessions needed). Ctrl-C stops everything.
`);
}

main().catch(async (err: unknown) => {
  console.error(`\n[scale-out] ${err instanceof Error ? err.message : String(err)}\n`);
  await shutdown(1);
});
