/**
 * `npm start`: the whole portal from one command.
 *
 * - Embedded mode (no DATABASE_URL): a real PostgreSQL from PORTAL_DATA_DIR (default .data), secrets generated
 *   beside it on the first start, the Report API sandbox in this process, demo sign-in on.
 * - Production mode (DATABASE_URL set): that server; secrets must come from the environment (the start refuses
 *   without them and names the missing one); REPORT_API_MODE/REPORT_API_BASE_URL choose the upstream.
 * Both: migrate, seed (the demo world only in the embedded mode), build when the sources changed, then
 * `next start`. Production mode refuses demo sign-in and the demo seed whatever the environment says.
 * The embedded mode listens on 127.0.0.1 only (a demo that signs anyone in must not be reachable from the
 * network); PORTAL_HOST (portal) and SANDBOX_HOST (sandbox) choose another interface.
 * Ctrl-C stops the app, the sandbox and the embedded database, in that order.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { configNotices, isDemoSignInAllowed, parseEnv } from "../lib/config/env-schema";
import { shownPath, startEmbeddedPostgres, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { loadOrCreateSecrets } from "./lib/secrets";
import { embeddedAppRole, migrateAndConnectApp } from "./lib/app-role";
import { run, waitForHttp } from "./lib/processes";
import { markBuiltAt, needsBuild } from "./lib/build-state";
import { USERS } from "../lib/demo-world/world";

const started = Date.now();
const log = (msg: string) => console.log(`[portal] ${msg}`);
const cleanups: (() => Promise<void>)[] = [];
let shuttingDown = false;
let app: ChildProcess | undefined;

let shutdownStartedAt = 0;

async function shutdown(code: number): Promise<void> {
  if (shuttingDown) {
    // npm relays the terminal's Ctrl-C as a second signal: let the orderly stop finish, unless it hangs.
    if (Date.now() - shutdownStartedAt > 15_000) process.exit(code || 1);
    return;
  }
  shuttingDown = true;
  shutdownStartedAt = Date.now();
  log("Stopping …");
  if (app && app.exitCode === null && app.signalCode === null) {
    const exited = new Promise((r) => app?.once("exit", r));
    app.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  for (const fn of cleanups.reverse()) await fn().catch((e: unknown) => console.error(e));
  if (code === 0) log("Stopped.");
  process.exit(code);
}

async function main() {
  const embedded = !process.env.DATABASE_URL;
  const dataRoot = path.resolve(process.env.PORTAL_DATA_DIR ?? ".data");
  const port = Number(process.env.PORT ?? 3000);
  // Embedded: loopback unless asked. Production: Next's default (every interface), behind its load balancer.
  const host = process.env.PORTAL_HOST || (embedded ? "127.0.0.1" : undefined);
  const sandboxPort = Number(process.env.SANDBOX_PORT ?? 4010);
  // Stop in order: app, sandbox, then database (scripts/lib/embedded-postgres.ts removes the package's own hooks).
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  // Say up front what a first start does and how long it takes (the build is most of it; measured on a two-core machine).
  const firstBuild = needsBuild();
  if (firstBuild) log("First start (or changed sources): database, demo data and a one-time production build of the app, about 2 minutes (longer on a busy machine); later starts take seconds.");

  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  let database: EmbeddedDatabase | undefined;
  let secrets: ReturnType<typeof loadOrCreateSecrets> | undefined;
  if (embedded) {
    secrets = loadOrCreateSecrets(dataRoot);
    // A terminal's Ctrl-C reaches PostgreSQL too; its goodbye messages are not errors worth printing then.
    database = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, "postgres"), database: "portal", log: (m) => shuttingDown || log(m) });
    cleanups.push(() => database!.stop());
    Object.assign(childEnv, secrets, {
      DATABASE_URL: database.url,
      REPORT_API_MODE: "sandbox",
      REPORT_API_BASE_URL: `http://localhost:${sandboxPort}`,
      DEMO_SIGN_IN: process.env.DEMO_SIGN_IN ?? "on",
    });
    log(`Embedded PostgreSQL on port ${database.port} (data in ${shownPath(path.join(dataRoot, "postgres"))})`);
  }
  childEnv.AUTH_TRUST_HOST ??= "true";
  // The mode follows from DATABASE_URL alone: an inherited PORTAL_MODE=embedded cannot unlock demo sign-in.
  Object.assign(childEnv, { NODE_ENV: "production", PORTAL_MODE: embedded ? "embedded" : "production" });
  for (const notice of configNotices(childEnv)) log(notice);
  // The same validation the app runs: a production start without its secrets stops here, naming them.
  const env = parseEnv(childEnv);

  // Migrations as the owner; the app (seed included) as its own role without rights to rewrite the audit trail.
  childEnv.DATABASE_URL = await migrateAndConnectApp({
    databaseUrl: env.DATABASE_URL,
    migrationUrl: embedded ? undefined : process.env.MIGRATION_DATABASE_URL || undefined,
    embeddedRole: secrets ? embeddedAppRole(secrets.AUTH_SECRET) : undefined,
    log,
  });
  log("Database migrated.");

  let sandboxUrl: string | undefined;
  if (env.REPORT_API_MODE === "sandbox" && embedded) {
    const [{ startSandbox }, { optionsFromEnv }] = await Promise.all([import("../sandbox/server"), import("../sandbox/config")]);
    // SANDBOX_TODAY, SANDBOX_FAULTS, SANDBOX_VOLUME … apply here too (sandbox/README.md).
    const sandbox = await startSandbox({ ...optionsFromEnv(process.env), port: sandboxPort, adminSecret: env.SANDBOX_ADMIN_SECRET });
    sandbox.state.warmUp();
    cleanups.push(() => sandbox.stop());
    sandboxUrl = sandbox.url;
    log(`Report API sandbox on ${sandbox.url} (demo keys: ${sandbox.url}/sandbox/credentials)`);
  }

  // Seed and the grant push run in a child with the react-server condition, because they import the
  // server-only data layer (which refuses to load anywhere else).
  // Children run asynchronously: the sandbox lives in this process and must keep answering meanwhile.
  if ((await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], childEnv)) !== 0) {
    throw new Error("Seeding the demo world failed (see above).");
  }

  if (firstBuild || needsBuild()) {
    log("Building the app with next build (about 1–2 minutes; its steps follow) …");
    const buildStarted = new Date();
    if ((await run(path.join("node_modules", ".bin", "next"), ["build"], { ...childEnv, NEXT_TELEMETRY_DISABLED: "1" })) !== 0) {
      throw new Error("next build failed (see above).");
    }
    markBuiltAt(buildStarted);
  }

  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), ...(host ? ["-H", host] : [])], {
    env: { ...childEnv, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  app = child;
  child.once("exit", (code) => {
    if (!shuttingDown) {
      log(`The app exited (code ${code ?? "?"}).`);
      void shutdown(code ?? 1);
    }
  });
  const probeHost = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
  await waitForHttp(`http://${probeHost}:${port}/api/health`, 60_000);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  Ledger Access portal is ready in ${seconds}s

    Portal:   http://localhost:${port}
    ${sandboxUrl ? `Sandbox:  ${sandboxUrl}  (Report API imitation; demo keys at ${sandboxUrl}/sandbox/credentials)` : `Report API: ${env.REPORT_API_BASE_URL}`}
${isDemoSignInAllowed(env) ? `
  Demo sign-in (one click each at http://localhost:${port}/sign-in):
${USERS.map((u) => `    ${u.email.padEnd(28)} ${u.persona}`).join("\n")}
` : ""}
  Press Ctrl-C to stop.
`);
}

main().catch(async (err: unknown) => {
  console.error(`\n[portal] ${err instanceof Error ? err.message : String(err)}\n`);
  await shutdown(1);
});
