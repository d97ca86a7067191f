/**
 * `npm run bench:sync` (docs/performance.md, "Sync and first views"): how fast the background sync caches a ledger's
 * history, in entries per second, at 0, 150 and 300 ms of upstream latency (the sandbox's latency switch), with one
 * and with two worker processes; against the same-run baseline of a bare Report API client reading the same dates
 * with the same concurrency (what upstream alone costs). Also: upstream reads under 10 concurrent first views of an
 * uncached 30-day range. Runs with the react-server condition (it uses the data layer) against BENCH_DATABASE_URL
 * (a server it may create a database on) and an in-process sandbox with the volume switch (302101 ≈ 500 captures
 * a day). BENCH_RUNS repeats (default 3); BENCH_SYNC_DATES the history measured (default 24 dates, 4 chunks).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { migrate } from "../scripts/lib/migrate";
import { startSandbox, type RunningSandbox } from "../sandbox/server";

const DOC = path.resolve("docs/performance.md");
const START = "<!-- bench-sync:start -->";
const END = "<!-- bench-sync:end -->";
const LATENCIES = [0, 150, 300];
const CHUNK = 6;
/** The volume ledger (≈ 500 captures a day: CPU-bound) and a demo-size one (≈ 30 a day: latency-bound). */
const LEDGERS = ["302101", "302201"];

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function setLatency(sandbox: RunningSandbox, secret: string, ms: number) {
  const res = await fetch(`${sandbox.url}/sandbox/admin/faults`, {
    method: ms > 0 ? "PUT" : "DELETE",
    headers: { "content-type": "application/json", "x-sandbox-admin-secret": secret },
    ...(ms > 0 ? { body: JSON.stringify({ rules: [{ kind: "latency", latencyMs: ms, probability: 1, routes: "report" }] }) } : {}),
  });
  if (!res.ok) throw new Error(`sandbox faults: HTTP ${res.status}`);
}

interface Worker {
  child: ChildProcess;
  run: (work: unknown) => Promise<number>;
}

function startWorker(env: NodeJS.ProcessEnv): Promise<Worker> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/sync-worker.ts"], { env, stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`sync worker exited (${code})`));
      child.once("exit", onExit);
      lines.once("line", (line) => {
        child.off("exit", onExit);
        resolve(line);
      });
    });
  return next().then(() => ({
    child,
    run: async (work) => {
      child.stdin!.write(`${JSON.stringify(work)}\n`);
      return Number((await next()).split(" ")[1]);
    },
  }));
}

async function main() {
  const started = new Date();
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) throw new Error("set BENCH_DATABASE_URL to a PostgreSQL server the bench may create a database on");
  const dbName = `portal_bench_sync_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const adminSecret = randomBytes(16).toString("hex");
  const sandbox = await startSandbox({ port: 0, adminSecret, volume: { "302101": 182_500 } });
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    LOG_LEVEL: "error",
    DATABASE_URL: url.toString(),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CREDENTIALS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SANDBOX_ADMIN_SECRET: adminSecret,
    REPORT_API_MODE: "sandbox",
    REPORT_API_BASE_URL: sandbox.url,
  };
  Object.assign(process.env, env);
  try {
    migrate(url.toString());
    const { db } = await import("@/lib/server/db");
    const { seedDemoWorld } = await import("@/lib/server/seed/seed-demo-world");
    const { planLedgerSync } = await import("@/lib/server/ledgers/sync/sync-plan");
    const { SYNC_CONCURRENCY } = await import("@/lib/server/ledgers/sync/sync-ledger");
    const { loadSalesUnitCredentials } = await import("@/lib/server/credentials/load-credentials");
    const { createReportApiClient } = await import("@/lib/report-api");
    const { mapWithConcurrency } = await import("@/lib/server/ledgers/map-with-concurrency");
    const { addDays, eachDate } = await import("@/lib/ledgers/range");
    const { ledgerDateToDb, todayPortalDate } = await import("@/lib/dates");
    await seedDemoWorld(db, { encryptionKey: Buffer.from(env.CREDENTIALS_ENCRYPTION_KEY, "base64"), withDemoKeys: true });

    const today = todayPortalDate();
    const nDates = Number(process.env.BENCH_SYNC_DATES ?? 24);
    const history = { from: addDays(today, -40 - nDates), to: addDays(today, -41) };
    const dates = eachDate(history);
    const chunks: { from: string; to: string }[] = [];
    for (let i = 0; i < dates.length; i += CHUNK) chunks.push({ from: dates[i]!, to: dates[Math.min(i + CHUNK, dates.length) - 1]! });
    const workers = await Promise.all([startWorker(env), startWorker(env)]);
    const runs = Number(process.env.BENCH_RUNS ?? 3);
    const rows = new Map<string, number[]>();
    const add = (k: string, v: number) => rows.set(k, [...(rows.get(k) ?? []), v]);
    const entriesOf = new Map<string, number>();

    for (const externalId of LEDGERS) {
      const ledger = await db.ledger.findUniqueOrThrow({ where: { externalId }, select: { id: true } });
      const plan = (await planLedgerSync(ledger.id, today))!;
      if (plan.source.kind !== "sales-unit") throw new Error(`expected the merchant's own keys for ${externalId}`);
      const creds = (await loadSalesUnitCredentials(plan.source.salesUnitId))!.credentials;
      const bare = createReportApiClient({ baseUrl: sandbox.url, credentials: creds });
      const forget = () => db.ledgerDay.deleteMany({ where: { ledgerId: ledger.id, ledgerDate: { gte: ledgerDateToDb(history.from), lte: ledgerDateToDb(history.to) } } });
      for (let r = 0; r < runs; r++) {
        for (const latency of LATENCIES) {
          await setLatency(sandbox, adminSecret, latency);
          // Baseline: upstream alone, the same dates and the same concurrency, nothing stored.
          const work = dates.flatMap((date) => (["funds", "fees"] as const).map((topic) => ({ date, topic })));
          let t = performance.now();
          const read = await mapWithConcurrency(work, SYNC_CONCURRENCY, ({ date, topic }) => bare.getLedgerDate(externalId, topic, date));
          const baseMs = performance.now() - t;
          const total = read.reduce((s, d) => s + d.entries.length, 0);
          entriesOf.set(externalId, total);
          add(`${externalId}|base|${latency}`, total / (baseMs / 1000));
          for (const n of [1, 2]) {
            await forget();
            const share = Array.from({ length: n }, (_, w) => chunks.filter((_, i) => i % n === w));
            t = performance.now();
            const cached = await Promise.all(share.map((mine, w) => workers[w]!.run({ ledgerId: ledger.id, source: plan.source, chunks: mine })));
            const ms = performance.now() - t;
            const entries = cached.reduce((a, b) => a + b, 0);
            if (entries !== total) throw new Error(`workers cached ${entries} entries, upstream has ${total}`);
            add(`${externalId}|sync|${latency}|${n}`, entries / (ms / 1000));
            console.log(`[bench:sync] ${externalId} run ${r + 1}, ${latency} ms, ${n} worker(s): ${Math.round(entries / (ms / 1000))} entries/s (baseline ${Math.round(total / (baseMs / 1000))})`);
          }
        }
      }
    }
    for (const w of workers) w.child.stdin!.end("exit\n");
    await setLatency(sandbox, adminSecret, 0);

    // Upstream reads under concurrent first views: 10 page loads at once of an uncached 30-day range, through the
    // page's data call, 150 ms upstream latency (wider windows for races). Counted by the sandbox per (topic, date).
    const { loadLedgerPageData } = await import("@/lib/server/ledgers/ledger-page-data");
    const { getPartnerLedgerAccess } = await import("@/lib/server/ledgers/access/ledger-access");
    const per = await db.partnerMembership.findFirstOrThrow({ where: { user: { email: "per@tallbalanse.example" } }, select: { role: true, userId: true, partner: { select: { id: true, name: true, status: true } } } });
    const ctx = { user: { id: per.userId, email: "per@tallbalanse.example", name: "Per Olsen", isPlatformAdmin: false, organisations: [] }, partnerId: per.partner.id, partnerName: per.partner.name, partnerStatus: per.partner.status, role: per.role, clientScope: "all" as const };
    const access = (await getPartnerLedgerAccess(ctx, "302101"))!;
    const viewRange = { from: addDays(today, -35), to: addDays(today, -6) };
    const viewReads: number[] = [];
    for (let r = 0; r < runs; r++) {
      await db.ledgerDay.deleteMany({ where: { ledgerId: access.ledger.id, ledgerDate: { gte: ledgerDateToDb(viewRange.from), lte: ledgerDateToDb(viewRange.to) } } });
      await db.$executeRawUnsafe(`DELETE FROM "rate_limit"."counters"`);
      const stats = async () => (await (await fetch(`${sandbox.url}/sandbox/stats`)).json()) as { dateFirstPages: Record<string, number> };
      const count = (s: { dateFirstPages: Record<string, number> }) => eachDate(viewRange).reduce((sum, d) => sum + (s.dateFirstPages[`302101/funds/${d}`] ?? 0) + (s.dateFirstPages[`302101/fees/${d}`] ?? 0), 0);
      const before = count(await stats());
      await setLatency(sandbox, adminSecret, 150);
      await Promise.all(Array.from({ length: 10 }, () => loadLedgerPageData(access, { from: viewRange.from, to: viewRange.to })));
      await setLatency(sandbox, adminSecret, 0);
      viewReads.push(count(await stats()) - before);
    }
    console.log(`[bench:sync] 10 concurrent first views of 30 uncached dates: ${viewReads.join(", ")} upstream date reads`);

    await setLatency(sandbox, adminSecret, 0);

    const cpus = os.cpus();
    const lines = [
      `Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus[0]?.model.trim() ?? "unknown CPU"} (${cpus.length} cores), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ` +
        `PostgreSQL and the sandbox on the same machine; ${runs} runs, median of the runs. Each case caches ${dates.length} closed dates of history from empty, in ${chunks.length} chunks of ${CHUNK} dates, ` +
        `with 1 or 2 worker processes (each ${SYNC_CONCURRENCY} upstream reads at once). Baseline: a bare Report API client reading the same dates with the same concurrency and storing nothing ` +
        `(upstream's own cost, same run). Load average ${os.loadavg()[0]!.toFixed(1)} at the end: other work shared the machine.`,
      "",
      "| ledger | upstream latency | baseline entries/s | sync, 1 worker | × baseline | sync, 2 workers | × baseline | 2 workers ÷ 1 |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ];
    for (const externalId of LEDGERS) {
      for (const latency of LATENCIES) {
        const base = median(rows.get(`${externalId}|base|${latency}`)!);
        const one = median(rows.get(`${externalId}|sync|${latency}|1`)!);
        const two = median(rows.get(`${externalId}|sync|${latency}|2`)!);
        const label = `${externalId} (${entriesOf.get(externalId)!.toLocaleString("en-GB")} entries)`;
        lines.push(`| ${label} | ${latency} ms | ${Math.round(base)} | ${Math.round(one)} | ${(one / base).toFixed(2)} | ${Math.round(two)} | ${(two / base).toFixed(2)} | ${(two / one).toFixed(2)} |`);
      }
    }
    lines.push(
      "",
      `Upstream reads under concurrent first views: 10 page loads at once (the page's data call, 150 ms upstream latency) of an uncached 30-day range ` +
        `(30 closed dates × 2 topics = 60 reads needed): ${viewReads.join(", ")} reads in the ${runs} runs.`,
    );
    const section = lines.join("\n");
    console.log(`\n${section}`);
    const doc = readFileSync(DOC, "utf8");
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    if (from >= 0 && to > from) {
      writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${section}\n${doc.slice(to)}`);
      console.log(`[bench:sync] results written to ${path.relative(process.cwd(), DOC)}`);
    }
    await db.$disconnect();
  } finally {
    await sandbox.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((err: unknown) => {
  console.error(`[bench:sync] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
