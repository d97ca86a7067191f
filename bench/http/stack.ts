/**
 * The stack the HTTP benchmark measures: embedded PostgreSQL (its own data dir, .data/bench/postgres), the Report
 * API sandbox and the app served by `next start` on a production build, the same pieces `npm start` runs
 * (scripts/start.ts), on the benchmark's own ports so a running demo or test is never touched.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-postgres";
import { needsBuild } from "../../scripts/lib/build-state";
import { migrate } from "../../scripts/lib/migrate";
import { stopChild, waitForHttp } from "../../scripts/lib/processes";
import { loadOrCreateSecrets } from "../../scripts/lib/secrets";
import { startSandbox, type RunningSandbox } from "../../sandbox/server";

export interface StackOptions {
  /** The app to build and serve (default: this checkout). Its own scripts seed it and its own build is served. */
  appDir: string;
  port: number;
  sandboxPort: number;
  dataRoot: string;
  distDir: string;
  /** Extra node options for the `next start` process (e.g. --cpu-prof). */
  nodeOptions?: string;
  log: (msg: string) => void;
}

export interface Stack {
  baseUrl: string;
  databaseUrl: string;
  env: NodeJS.ProcessEnv;
  query: <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<T[]>;
  restartApp: (nodeOptions?: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts PostgreSQL (a fresh database each run), the sandbox, seeds the demo world, builds if needed, `next start`. */
export async function startStack(o: StackOptions): Promise<Stack> {
  const secrets = loadOrCreateSecrets(o.dataRoot);
  const database: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: path.join(o.dataRoot, "postgres"), database: "postgres", preferredPort: 54347, log: () => {} });
  const cleanups: (() => Promise<void>)[] = [() => database.stop()];
  let app: ChildProcess | undefined;
  let sandbox: RunningSandbox | undefined;
  const admin = new pg.Client({ connectionString: database.url });
  try {
    await admin.connect();
    const dbName = "portal_bench";
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const url = new URL(database.url);
    url.pathname = `/${dbName}`;
    const databaseUrl = url.toString();

    sandbox = await startSandbox({ port: o.sandboxPort, adminSecret: secrets.SANDBOX_ADMIN_SECRET });
    sandbox.state.warmUp();
    const s = sandbox;
    cleanups.unshift(() => s.stop());

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...secrets,
      DATABASE_URL: databaseUrl,
      REPORT_API_MODE: "sandbox",
      REPORT_API_BASE_URL: sandbox.url,
      DEMO_SIGN_IN: "on",
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      PORTAL_MODE: "embedded",
      LOG_LEVEL: "error",
      NEXT_DIST_DIR: o.distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      // Web only: the background sync would otherwise run against every granted ledger (thousands at the synthetic
      // size) while pages are measured. The ledger pages cache their dates themselves on a first view.
      RUN_WORKERS: "off",
    };
    migrate(databaseUrl);
    const inApp = { ...env };
    const seedCode = await runIn(o.appDir, process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/seed.ts"], inApp);
    if (seedCode !== 0) throw new Error("seeding the demo world failed");
    const mustBuild = (() => {
      const saved = process.env.NEXT_DIST_DIR;
      process.env.NEXT_DIST_DIR = o.distDir;
      try {
        return needsBuild(o.appDir);
      } finally {
        if (saved === undefined) delete process.env.NEXT_DIST_DIR;
        else process.env.NEXT_DIST_DIR = saved;
      }
    })();
    if (mustBuild) {
      o.log(`building ${path.relative(process.cwd(), o.appDir) || "."} into ${o.distDir} …`);
      if ((await runIn(o.appDir, path.join(o.appDir, "node_modules", ".bin", "next"), ["build"], inApp)) !== 0) throw new Error("next build failed");
    }

    const baseUrl = `http://127.0.0.1:${o.port}`;
    const startApp = async (nodeOptions?: string) => {
      // Node refuses --cpu-prof in NODE_OPTIONS: flags go on the command line of the node running next's CLI.
      const args = ["start", "-p", String(o.port), "-H", "127.0.0.1"];
      app = spawn(nodeOptions ? process.execPath : path.join(o.appDir, "node_modules", ".bin", "next"), nodeOptions ? [...nodeOptions.split(" "), path.join(o.appDir, "node_modules", "next", "dist", "bin", "next"), ...args] : args, {
        cwd: o.appDir,
        env: inApp,
        stdio: ["ignore", "ignore", "inherit"],
      });
      await waitForHttp(`${baseUrl}/api/health`, 120_000);
    };
    await startApp(o.nodeOptions);
    cleanups.unshift(async () => {
      if (app) await stopChild(app);
    });

    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    cleanups.unshift(() => pool.end());
    return {
      baseUrl,
      databaseUrl,
      env: inApp,
      query: async <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => (await pool.query<T>(sql, params)).rows,
      restartApp: async (nodeOptions?: string) => {
        if (app) await stopChild(app);
        await startApp(nodeOptions);
      },
      stop: async () => {
        for (const fn of cleanups) await fn().catch((e: unknown) => o.log(`stop: ${e instanceof Error ? e.message : String(e)}`));
      },
    };
  } catch (err) {
    for (const fn of cleanups) await fn().catch(() => {});
    throw err;
  }
}

export function runIn(cwd: string, cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

/** A database session for a demo person, the row Auth.js writes after a sign-in (lib/server/auth/demo-session.ts). */
export async function sessionCookieFor(stack: Stack, email: string, activeOrg?: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  const rows = await stack.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
  const userId = rows[0]?.id;
  if (!userId) throw new Error(`no user ${email}`);
  await stack.query(`INSERT INTO "Session" ("sessionToken", "userId", expires) VALUES ($1, $2, now() + interval '1 day')`, [token, userId]);
  return `authjs.session-token=${token}${activeOrg ? `; portal-active-org=${activeOrg}` : ""}`;
}

