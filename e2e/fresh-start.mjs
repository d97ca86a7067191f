/**
 * Playwright's web server for the portal: wipes the e2e data dir, then runs `npm start`'s script
 * (scripts/start.ts: embedded PostgreSQL, migrate, seed, sandbox, build when needed, next start).
 *
 * A fresh PORTAL_DATA_DIR means a new embedded PostgreSQL seeded with the demo world as at a first start,
 * so the specs can count grants and rows. The webServer starts before globalSetup, hence this wrapper.
 *
 * Shutdown: Playwright signals this process's whole group. The portal runs in a group of its own and gets
 * the signal from here exactly once, so its start script stops next, the sandbox and PostgreSQL in order.
 * (In the same group, next and PostgreSQL would be signalled behind its back, and a second signal makes
 * scripts/start.ts exit at once without stopping PostgreSQL.) It is started as `node --import tsx`, not
 * through `npx tsx`: npx runs it under `sh -c`, which dies on the signal without passing it on and leaves
 * the whole portal running.
 *
 * Everything the portal prints (start script, sandbox, next start, the app's log lines) is also kept in
 * PORTAL_DATA_DIR/portal.log, which e2e/secrets-scan.spec.ts searches for secrets.
 */
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const dataDir = path.resolve(process.env.PORTAL_DATA_DIR ?? ".data/e2e");
if (!dataDir.includes(`${path.sep}e2e`)) {
  console.error(`[e2e] refusing to wipe ${dataDir}: PORTAL_DATA_DIR for the browser tests must be an e2e folder`);
  process.exit(1);
}
rmSync(dataDir, { recursive: true, force: true });
console.log(`[e2e] wiped ${path.relative(process.cwd(), dataDir)}; starting the portal`);
mkdirSync(dataDir, { recursive: true });
const logFile = createWriteStream(path.join(dataDir, "portal.log"));

const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
  env: { ...process.env, PORTAL_DATA_DIR: dataDir },
  stdio: ["inherit", "pipe", "pipe"],
  detached: true,
});
for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
  from.on("data", (chunk) => {
    to.write(chunk);
    logFile.write(chunk);
  });
}

// Playwright waits 30 s (gracefulShutdown) before it kills this process; the portal's group must not outlive it.
const STOP_TIMEOUT_MS = 25_000;
let forwarded = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (forwarded || child.exitCode !== null) return;
    forwarded = true;
    child.kill(signal);
    setTimeout(() => {
      console.error(`[e2e] the portal did not stop within ${STOP_TIMEOUT_MS / 1000}s; killing its process group`);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, STOP_TIMEOUT_MS).unref();
  });
}
child.on("error", (err) => {
  console.error(`[e2e] could not start the portal: ${err.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
