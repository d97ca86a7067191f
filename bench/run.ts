/**
 * `npm run bench`: measures how fast the portal shows ledger data (docs/performance.md), as ratios against a
 * baseline measured in the same run, on this machine.
 *
 * Starts its own embedded PostgreSQL (.data/bench-postgres, or BENCH_DATABASE_URL) with a fresh database, the
 * Report API sandbox with the volume switch on (302101 ≈ 500 captures a day, 302102 = 100,000 captures a year),
 * then runs bench/ledger-read.ts in a child process and writes the results between the markers in
 * docs/performance.md. BENCH_RUNS sets the runs (default 3), BENCH_REPS the samples per case in a run (default 9;
 * the latency and 30-day cases take half as many).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../scripts/lib/embedded-postgres";
import { migrate } from "../scripts/lib/migrate";
import { startSandbox } from "../sandbox/server";
import type { ScenarioResult } from "./ledger-read";
import { runHttpBench } from "./http";

const DOC = path.resolve("docs/performance.md");
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** Per case across runs: the median of the runs' medians, and each run's ratio to its own baseline. */
function combine(runs: ScenarioResult[][]): (ScenarioResult & { perRun: number[][] })[] {
  return runs[0]!.map((scenario, si) => ({
    ...scenario,
    timings: scenario.timings.map((t, ti) => {
      const medians = runs.map((r) => r[si]!.timings[ti]!.median);
      const ratios = runs.map((r) => r[si]!.timings[ti]!.ratio);
      return { ...t, median: middle(medians), min: Math.min(...runs.map((r) => r[si]!.timings[ti]!.min)), max: Math.max(...runs.map((r) => r[si]!.timings[ti]!.max)), ratio: middle(ratios) };
    }),
    perRun: scenario.timings.map((_, ti) => runs.map((r) => r[si]!.timings[ti]!.ratio)),
  }));
}

function middle(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function render(results: (ScenarioResult & { perRun: number[][] })[], meta: { postgres: string; reps: number; rangeReps: number; runs: number; started: Date }): string {
  const cpus = os.cpus();
  const lines = [
    `Measured ${meta.started.toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus[0]?.model.trim() ?? "unknown CPU"} (${cpus.length} cores), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${meta.postgres} (embedded). ` +
      `${meta.runs} runs; in each, ${meta.reps} samples per one-date case and ${meta.rangeReps} per latency and 30-day case, interleaved. ` +
      `Median ms is the median of the runs' medians; × baseline is the median of the runs' ratios (each run against its own baseline), with every run's ratio after it. ` +
      `The sandbox and PostgreSQL ran on the same machine (load average ${os.loadavg()[0]!.toFixed(1)} at the end: other work shared it).`,
    "",
  ];
  for (const r of results) {
    lines.push(`**${r.name}** — ${r.detail}`, "", "| case | median ms | min–max ms | × baseline (runs) |", "| --- | ---: | ---: | ---: |");
    r.timings.forEach((t, i) => lines.push(`| ${t.label} | ${ms(t.median)} | ${ms(t.min)}–${ms(t.max)} | ${t.ratio.toFixed(2)} (${r.perRun[i]!.map((x) => x.toFixed(2)).join(", ")}) |`));
    lines.push("");
  }
  return lines.join("\n");
}

async function main() {
  // BENCH_SUITE=http: only the pages over HTTP (bench/http.ts); =ledger: only the data-layer ledger reads below.
  const suite = process.env.BENCH_SUITE ?? "all";
  if (suite !== "ledger") await runHttpBench();
  if (suite === "http") return;
  const started = new Date();
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".data/bench-postgres"), database: "postgres", preferredPort: 54349 });
    serverUrl = embedded.url;
  }
  const dbName = `portal_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  const adminSecret = randomBytes(16).toString("hex");
  const sandbox = await startSandbox({ port: 0, adminSecret, volume: { "302101": 182_500, "302102": 100_000 } });
  const out = path.join(os.tmpdir(), `${dbName}.json`);
  // One encryption key for all runs: the seeded keys of the first run must still decrypt in the next.
  const keys = { encryption: randomBytes(32).toString("base64") };
  try {
    migrate(databaseUrl);
    const runs = Number(process.env.BENCH_RUNS ?? 3);
    const all: { results: ScenarioResult[]; postgres: string; reps: number; rangeReps: number }[] = [];
    for (let i = 1; i <= runs; i++) {
      console.log(`[bench] run ${i} of ${runs} (database ${dbName}, sandbox ${sandbox.url}) …`);
      const code = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/ledger-read.ts"], {
        ...process.env,
        NODE_ENV: "production",
        LOG_LEVEL: "error",
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        CREDENTIALS_ENCRYPTION_KEY: keys.encryption,
        SANDBOX_ADMIN_SECRET: adminSecret,
        REPORT_API_MODE: "sandbox",
        REPORT_API_BASE_URL: sandbox.url,
        BENCH_OUT: out,
      });
      if (code !== 0) throw new Error(`the benchmark failed (exit ${code})`);
      all.push(JSON.parse(readFileSync(out, "utf8")) as (typeof all)[number]);
    }
    const section = render(combine(all.map((a) => a.results)), { postgres: all[0]!.postgres, reps: all[0]!.reps, rangeReps: all[0]!.rangeReps, runs, started });
    console.log(`\n${section}`);
    const doc = readFileSync(DOC, "utf8");
    const from = doc.indexOf(START);
    const to = doc.indexOf(END);
    if (from >= 0 && to > from) {
      writeFileSync(DOC, `${doc.slice(0, from + START.length)}\n${section}\n${doc.slice(to)}`);
      console.log(`[bench] results written to ${path.relative(process.cwd(), DOC)}`);
    }
  } finally {
    await sandbox.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`[bench] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
