import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { chromium } from "@playwright/test";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/server/db";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";

/**
 * `npm run scale-out` as a test: one embedded PostgreSQL, two web-only `next start` instances, two job
 * workers (the harness beside this file: the real jobs and queue code, with schedules every minute).
 * - A session made on one instance works on the other (sessions live in PostgreSQL, nothing in a process).
 * - Every scheduled job is sent once per tick and runs once, whichever worker takes it.
 * - A worker killed (SIGKILL) after a job's work and before it completed: the other worker runs the job
 *   again once it expires, and, the handler being idempotent, nothing is lost or done twice.
 * Needs the production build (npm test builds before it runs this; NEXT_DIST_DIR as for the build).
 */
const PORT = Number(process.env.SCALE_OUT_TEST_PORT ?? 3350);
const SANDBOX_PORT = Number(process.env.SCALE_OUT_TEST_SANDBOX_PORT ?? 4350);
const PG_PORT = Number(process.env.SCALE_OUT_TEST_PG_PORT ?? 4351);
const DATA_DIR = path.resolve(".data/scale-out-test");
const SCHEDULED = ["grants.expire", "grants.sandbox-reconcile", "notifications.flush-outbox", "ledger-sync-schedule", "lifecycle.expire-access-requests", "lifecycle.grant-reminders", "lifecycle.access-digest"];

interface JobLog { event: string; job: string; pid: number; at: string }
let topology: ChildProcess;
const lines: string[] = [];
const jobLogs: JobLog[] = [];
let workerPids: number[] = [];
let databaseUrl = "";
let client: pg.Client;

async function waitFor<T>(what: string, fn: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (topology.exitCode !== null || topology.signalCode !== null) throw new Error(`The topology exited while waiting for ${what}:\n${lines.slice(-40).join("\n")}`);
    const v = await fn();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}. Output so far:\n${lines.slice(-40).join("\n")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORTAL_DATA_DIR: DATA_DIR,
    PORT: String(PORT),
    SANDBOX_PORT: String(SANDBOX_PORT),
    EMBEDDED_PG_PORT: String(PG_PORT),
    SCALE_OUT_WORKER_ENTRY: "tests/scale-out/worker-harness.ts",
    SLOW_JOB: "grants.expire",
    SLOW_MS: "60000",
    LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL; // the embedded mode: its own PostgreSQL in DATA_DIR
  topology = spawn(process.execPath, ["--import", "tsx", "scripts/scale-out.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  // Whole lines only: a chunk of output may end in the middle of a JOBLOG line.
  const onLine = (line: string) => {
    if (!line.trim()) return;
    lines.push(line);
    if (line.startsWith("JOBLOG ")) jobLogs.push(JSON.parse(line.slice(7)) as JobLog);
  };
  createInterface({ input: topology.stdout! }).on("line", onLine);
  createInterface({ input: topology.stderr! }).on("line", onLine);
  await waitFor("the topology to be ready", () => lines.some((l) => l.includes("scaled out")) && lines.some((l) => /Worker 2:/.test(l)), 180_000);
  // Both workers up and the first tick's lapse run done, so the grant the second test ends is lapsed by a later tick.
  // The first tick comes on the next whole minute; its lapse run may hold the slow job's pause before the other
  // worker completes it, so up to about two minutes can pass on a loaded machine.
  await waitFor("both workers and the first tick", () => jobLogs.filter((l) => l.event === "ready").length === 2 && jobLogs.some((l) => l.job === "grants.expire" && l.event === "end"), 180_000);
  workerPids = lines.flatMap((l) => /Worker \d+:\s+pid (\d+)/.exec(l)?.[1] ?? []).map(Number);
  databaseUrl = lines.map((l) => /PostgreSQL: (postgres:\S+)/.exec(l)?.[1]).find(Boolean) ?? "";
  expect(workerPids).toHaveLength(2);
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
}, 400_000);

afterAll(async () => {
  await client?.end().catch(() => {});
  if (topology && topology.exitCode === null) {
    const exited = new Promise((r) => topology.once("exit", r));
    topology.kill("SIGTERM");
    const timer = setTimeout(() => {
      try {
        process.kill(-topology.pid!, "SIGKILL");
      } catch {
        // gone
      }
    }, 30_000);
    await exited;
    clearTimeout(timer);
  }
}, 60_000);

describe("scaled out: two web instances, two workers, one PostgreSQL", () => {
  it("keeps a session made on one instance valid on the other", async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    try {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${PORT}/sign-in`);
      await page.getByRole("button", { name: /^Sign in as Per Olsen / }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/partner"), { timeout: 30_000 });
      const home = new URL(page.url()).pathname;
      const cookie = (await page.context().cookies()).find((c) => c.name === "authjs.session-token");
      expect(cookie).toBeTruthy();

      // The other instance, with the cookie the first one set: signed in, Per's clients.
      const other = `http://localhost:${PORT + 1}${home}`;
      const withSession = await fetch(other, { headers: { cookie: `authjs.session-token=${cookie!.value}` }, redirect: "manual" });
      expect(withSession.status).toBe(200);
      expect(await withSession.text()).toContain("Tall &amp; Balanse");
      const without = await fetch(other, { redirect: "manual" });
      expect(without.status).toBeGreaterThanOrEqual(300);
      expect(without.headers.get("location") ?? "").toContain("/sign-in");
    } finally {
      await browser.close();
    }
  });

  it("runs each schedule once per tick, and a job whose worker is killed mid-run completes on the other, once", async () => {
    // A grant past its end date: the next "grants.expire" tick lapses it (audit event, partner told).
    const since = Date.now();
    const { rows: [grant] } = await client.query<{ id: string }>(
      `UPDATE "LedgerGrant" SET "validUntil" = current_date - 2 WHERE id = (SELECT id FROM "LedgerGrant" WHERE status = 'active' ORDER BY id LIMIT 1) RETURNING id`,
    );
    expect(grant).toBeTruthy();

    const done = await waitFor("a grants.expire run that did the work", () => jobLogs.find((l) => l.event === "work-done" && Date.parse(l.at) >= since), 90_000);
    expect(workerPids).toContain(done.pid);
    const { rows: [active] } = await client.query<{ id: string }>(`SELECT id FROM pgboss.job WHERE name = 'grants.expire' AND state = 'active'`);
    expect(active).toBeTruthy();
    process.kill(done.pid, "SIGKILL");
    const survivor = workerPids.find((p) => p !== done.pid)!;

    // pg-boss expires the dead worker's run and the survivor runs it again, to completion.
    let last: unknown;
    const job = await waitFor(
      "the killed job to complete on the other worker",
      async () => {
        const { rows } = await client.query<{ state: string; retry_count: number }>(`SELECT state, retry_count, started_on, start_after FROM pgboss.job WHERE id = $1`, [active!.id]);
        last = rows[0];
        return rows.find((r) => r.state === "completed");
      },
      60_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\nThe job: ${JSON.stringify(last)}`);
    });
    expect(job.retry_count).toBe(1);
    expect(jobLogs.some((l) => l.job === "grants.expire" && l.event === "end" && l.pid === survivor)).toBe(true);

    // Done once: the grant lapsed, with exactly one audit event, and the chain of events is unbroken.
    const { rows: [g] } = await client.query<{ status: string }>(`SELECT status FROM "LedgerGrant" WHERE id = $1`, [grant!.id]);
    expect(g!.status).toBe("expired");
    const { rows: [audit] } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent" WHERE action = 'grant.expired' AND "targetId" = $1`, [grant!.id]);
    expect(Number(audit!.n)).toBe(1);
    const portalDb = createDb(databaseUrl);
    try {
      expect(await verifyAuditChain(portalDb)).toMatchObject({ ok: true });
    } finally {
      await portalDb.$disconnect();
    }

    // Each schedule: one send per minute (the timekeeper's job), one job per send, each completed or under way.
    const { rows: sends } = await client.query<{ name: string; bucket: Date; n: string }>(
      `SELECT data->>'name' AS name, singleton_on AS bucket, count(*) AS n FROM pgboss.job WHERE name = '__pgboss__send-it' GROUP BY 1, 2`,
    );
    expect(sends.length).toBeGreaterThanOrEqual(SCHEDULED.length * 2);
    for (const s of sends) expect(Number(s.n), `${s.name} at ${s.bucket.toISOString()}`).toBe(1);
    const { rows: runs } = await client.query<{ name: string; n: string; failed: string }>(
      `SELECT name, count(*) AS n, count(*) FILTER (WHERE state IN ('failed', 'cancelled')) AS failed FROM pgboss.job WHERE name = ANY($1) GROUP BY name`,
      [SCHEDULED],
    );
    const { rows: sent } = await client.query<{ name: string; n: string }>(
      `SELECT data->>'name' AS name, count(*) AS n FROM pgboss.job WHERE name = '__pgboss__send-it' AND state = 'completed' GROUP BY 1`,
    );
    expect(runs.map((r) => r.name).sort()).toEqual([...SCHEDULED].sort());
    for (const r of runs) {
      expect(Number(r.failed), r.name).toBe(0);
      expect(Number(r.n), r.name).toBe(Number(sent.find((s) => s.name === r.name)?.n ?? -1));
    }
    // No job ran to its end twice: at a quiet moment, each schedule's completed jobs equal the runs that ended
    // (the killed run never ended; its retry did).
    const completed = async () =>
      JSON.stringify(
        (await client.query<{ name: string; n: string }>(`SELECT name, count(*) AS n FROM pgboss.job WHERE name = ANY($1) AND state = 'completed' GROUP BY name ORDER BY name`, [SCHEDULED])).rows,
      );
    const quiet = await waitFor(
      "a moment without completions",
      async () => {
        const a = await completed();
        await new Promise((r) => setTimeout(r, 1500));
        return a === (await completed()) ? (JSON.parse(a) as { name: string; n: string }[]) : undefined;
      },
      30_000,
    );
    for (const name of SCHEDULED) {
      const ends = jobLogs.filter((l) => l.job === name && l.event === "end").length;
      expect(ends, name).toBe(Number(quiet.find((q) => q.name === name)?.n ?? 0));
    }
    // Both workers took scheduled jobs.
    expect(new Set(jobLogs.filter((l) => l.event === "start").map((l) => l.pid)).size).toBe(2);
  });
});
