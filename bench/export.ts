/**
 * The export benchmark (P4, docs/performance.md "Ledger exports"): BENCH_EXPORT_ROWS cached entries (default
 * 1,000,000) of one scratch ledger exported over HTTP from `next start` as CSV and as XLSX: rows per second, time
 * to first byte, and the peak RSS growth of the server's processes. Baseline, measured in the same run: the same
 * writer serialising the same rows from memory in this process (no database, no HTTP). Medians of BENCH_REPS
 * repeats (default 3), interleaved.
 *
 * The client reads the response as a browser's download would be read on another machine: node:http with
 * Accept-Encoding: gzip, counting the compressed bytes as they arrive, and inflating them and checking the
 * file's SHA-256 against its receipt only after the clock has stopped (every repeat). Until 2026-12-07 it was
 * undici's fetch, which inflated the gzip inside the timed part, on the two cores the server shares with it.
 * Each repeat also prints the CPU seconds the request cost by process (the server by thread, PostgreSQL, this
 * client), read from /proc before and after, and its SHA-256 (the same code and data give the same file).
 *
 *   node --conditions=react-server --import tsx bench/export.ts
 *
 * BENCH_EXPORT_FORMATS=csv (or xlsx) measures one format; BENCH_EXPORT_GZIP=off asks for the file uncompressed;
 * BENCH_SERVER_CPU_PROF=<folder> starts the server with `node --cpu-prof`, which writes a V8 CPU profile there
 * when it stops (decision 048 read where the main thread's time went from one with BENCH_REPS=1).
 *
 * Needs a production build in NEXT_DIST_DIR (default .next; `npm run build`, or the test build .next-test) and a
 * PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres): a fresh database
 * is created on it and dropped afterwards.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import type { ExportBatch } from "@/lib/server/exports/export-rows";
import { migrate } from "../scripts/lib/migrate";
import { summarize } from "./measure";
import { insertSyntheticLedger } from "./synthetic-ledger";

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const DAYS = 20;
const GZIP = process.env.BENCH_EXPORT_GZIP !== "off";
// BENCH_EXPORT_FORMATS=csv (or xlsx) measures one format only.
const FORMATS = (process.env.BENCH_EXPORT_FORMATS ?? "csv,xlsx").split(",").filter((f): f is "csv" | "xlsx" => f === "csv" || f === "xlsx");
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const DIST = process.env.NEXT_DIST_DIR ?? ".next";
const BASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const DOC = path.resolve("docs/performance.md");
const START = "<!-- bench-export:start -->";
const END = "<!-- bench-export:end -->";

const dbName = `bench_export_${randomBytes(4).toString("hex")}`;
const url = new URL(BASE);
url.pathname = `/${dbName}`;
const key = randomBytes(32);
// Sandbox mode without a sandbox: every date of the scratch ledger is cached, so nothing calls upstream.
Object.assign(process.env, { DATABASE_URL: url.toString(), AUTH_SECRET: randomBytes(32).toString("base64"), CREDENTIALS_ENCRYPTION_KEY: key.toString("base64"), SANDBOX_ADMIN_SECRET: randomBytes(16).toString("hex"), LOG_LEVEL: "warn" });

/** A process and all its descendants (`next start` and any process it starts). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * RSS of the given processes, in bytes. The tree is listed once per request (processTree), not on every sample:
 * listing /proc took 4.7 ms a time on this machine while a build ran, and every 20 ms that is up to a fifth of a
 * core taken from the export it measures.
 */
function rssOf(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(m?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
  }
  return total;
}

const TICK_MS = 10; // /proc counts CPU time in clock ticks of 1/100 s (USER_HZ)
/** CPU time (user + system, ms) of one /proc stat line's process or thread, and its name. */
function cpuOf(statPath: string): { name: string; ms: number } | null {
  try {
    const stat = readFileSync(statPath, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null;
  }
}

/**
 * Where the machine's CPU went during one request: the server's main thread and its other threads (libuv's pool,
 * which runs zlib for the gzip, and V8's helpers), every PostgreSQL process, and this process (the client). Read
 * before and after, so it costs nothing during the export.
 */
function cpuSnapshot(serverPids: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (k: string, ms: number) => out.set(k, (out.get(k) ?? 0) + ms);
  for (const pid of serverPids) {
    let tids: string[] = [];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      const t = cpuOf(`/proc/${pid}/task/${tid}/stat`);
      // The other threads are unnamed ("node"): libuv's pool (zlib for the gzip) and V8's (GC, compiler).
      if (t) add(tid === String(pid) ? "server main thread" : "server other threads", t.ms);
    }
  }
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const p = cpuOf(`/proc/${entry}/stat`);
    // Per process: one that exits during the request must not subtract its whole life from the sum.
    if (p?.name === "postgres") out.set(`postgres ${entry}`, p.ms);
  }
  const self = process.cpuUsage();
  add("client", (self.user + self.system) / 1000);
  return out;
}

function cpuDelta(before: Map<string, number>, after: Map<string, number>): string {
  const spent = new Map<string, number>();
  for (const [k, ms] of after) {
    const name = k.startsWith("postgres ") ? "postgres" : k;
    spent.set(name, (spent.get(name) ?? 0) + ms - (before.get(k) ?? 0));
  }
  return [...spent]
    .filter(([, ms]) => ms >= 50)
    .sort((a, b) => b[1] - a[1])
    .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`)
    .join(", ");
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("timed out");
}

interface Sample {
  ttfbMs: number;
  totalMs: number;
  /** Bytes on the wire: the gzip stream for a compressed CSV. */
  wireBytes: number;
  rssGrowth: number;
  /** CPU seconds by process (and the server's by thread) during the request. */
  cpu: string;
  /** The body as received and its Content-Encoding, checked against the receipt after the timed part. */
  body: Buffer[];
  encoding: string | undefined;
}

/**
 * One export over HTTP, read like a browser's download: node:http asking for gzip and counting the bytes as they
 * arrive, without decompressing them. A browser inflates on the user's machine; undici's fetch (the client
 * before 2026-12-07) inflated here, on the same two cores as the server, PostgreSQL and the export itself, and
 * that CPU was charged to the export. The bytes are kept and checked after the clock stops (checkBody).
 */
function overHttp(server: ChildProcess, href: string, cookie: string): Promise<Sample> {
  const pids = processTree(server.pid!);
  const before = rssOf(pids);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pids))), 20);
  const cpuBefore = cpuSnapshot(pids);
  const started = performance.now();
  // BENCH_EXPORT_GZIP=off asks for the file uncompressed (the server then does not gzip the CSV).
  const headers = { cookie, "accept-encoding": GZIP ? "gzip" : "identity" };
  return new Promise<Sample>((resolve, reject) => {
    // A connection of its own (no keep-alive agent): a kept socket that the server closed while the in-memory
    // baseline ran (longer than its keep-alive timeout) fails the next request with "socket hang up".
    const req = http.get(href, { headers, agent: false }, (res) => {
      if (res.statusCode !== 200) {
        clearInterval(timer);
        res.setEncoding("utf8");
        let text = "";
        res.on("data", (c: string) => (text += c));
        res.on("end", () => reject(new Error(`HTTP ${res.statusCode}: ${text}`)));
        return;
      }
      let ttfb = 0;
      let wireBytes = 0;
      const body: Buffer[] = [];
      res.on("data", (chunk: Buffer) => {
        if (!ttfb) ttfb = performance.now() - started;
        wireBytes += chunk.byteLength;
        body.push(chunk);
      });
      res.on("error", (err) => {
        clearInterval(timer);
        reject(err);
      });
      res.on("end", () => {
        const totalMs = performance.now() - started;
        clearInterval(timer);
        const cpu = cpuDelta(cpuBefore, cpuSnapshot(pids));
        peak = Math.max(peak, rssOf(pids));
        resolve({ ttfbMs: ttfb, totalMs, wireBytes, rssGrowth: peak - before, cpu, body, encoding: res.headers["content-encoding"] });
      });
    });
    req.on("error", (err) => {
      clearInterval(timer);
      reject(err);
    });
  });
}

/** The file's size, after the timed part: inflated if it came gzipped, and its SHA-256 must be the receipt's. */
function checkBody(sample: Sample, receiptSha256: string): number {
  const raw = Buffer.concat(sample.body);
  sample.body = [];
  const file = sample.encoding === "gzip" ? gunzipSync(raw) : raw;
  const sha = createHash("sha256").update(file).digest("hex");
  if (sha !== receiptSha256) throw new Error(`The file received (${file.byteLength} bytes, SHA-256 ${sha}) is not the one its receipt records (${receiptSha256}).`);
  return file.byteLength;
}

async function main() {
  if (!existsSync(path.join(DIST, "BUILD_ID"))) throw new Error(`No production build in ${DIST}: run npm run build (or set NEXT_DIST_DIR).`);
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  let server: ChildProcess | undefined;
  try {
    migrate(url.toString());
    const { db } = await import("@/lib/server/db");
    const { seedDemoWorld } = await import("@/lib/server/seed/seed-demo-world");
    const { getPartnerLedgerAccess } = await import("@/lib/server/ledgers/access/ledger-access");
    const { planExport } = await import("@/lib/server/exports/plan-export");
    const { exportFile } = await import("@/lib/server/exports/export-file");
    const { exportRowBatches } = await import("@/lib/server/exports/export-rows");
    const { exportOptionsSchema, exportQuery } = await import("@/lib/exports/schemas");
    await seedDemoWorld(db, { encryptionKey: key, withDemoKeys: false });

    // A scratch ledger of Fjord Kaffe granted to Tall & Balanse, ROWS cached entries over DAYS closed dates.
    const m = await db.partnerMembership.findFirstOrThrow({ where: { user: { email: "per@tallbalanse.example" } }, select: { userId: true, partnerId: true, partner: { select: { name: true } } } });
    const merchant = await db.merchant.findUniqueOrThrow({ where: { slug: "fjord-kaffe" }, select: { id: true } });
    const ledger = await db.ledger.create({ data: { externalId: "bench-export", merchantId: merchant.id, currency: "NOK" }, select: { id: true } });
    await db.ledgerGrant.create({ data: { merchantId: merchant.id, partnerId: m.partnerId, ledgerId: ledger.id, status: "active" } });
    const perDay = Math.round(ROWS / DAYS);
    const funds = Math.round(perDay * 0.8);
    const first = "2025-03-01";
    const to = new Date(Date.parse(`${first}T00:00:00Z`) + (DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    const t0 = performance.now();
    await insertSyntheticLedger((sql, ...params) => db.$executeRawUnsafe(sql, ...params), { ledgerId: ledger.id, first, days: DAYS, fundsPerDay: funds, feesPerDay: perDay - funds, personalData: false });
    await db.$executeRawUnsafe(`ANALYZE "LedgerEntry"`);
    const total = await db.ledgerEntry.count({ where: { ledgerId: ledger.id } });
    console.info(`bench-export: ${total} entries inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Per's session, as Auth.js keeps it (database sessions), sent as both cookie names.
    const token = randomBytes(32).toString("hex");
    await db.session.create({ data: { sessionToken: token, userId: m.userId, expires: new Date(Date.now() + 86_400_000) } });
    const cookie = `authjs.session-token=${token}; __Secure-authjs.session-token=${token}`;

    // BENCH_SERVER_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops (node --cpu-prof).
    const prof = process.env.BENCH_SERVER_CPU_PROF;
    const nextArgs = ["start", "-p", String(PORT)];
    server = spawn(prof ? process.execPath : path.join("node_modules", ".bin", "next"), prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`, path.join("node_modules", "next", "dist", "bin", "next"), ...nextArgs] : nextArgs, { env: { ...process.env, NEXT_DIST_DIR: DIST, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] });
    await waitFor(async () => (await fetch(`http://localhost:${PORT}/api/health`)).ok, 60_000);

    const ctx = { user: { id: m.userId, email: "per@tallbalanse.example", name: "Per", isPlatformAdmin: false, organisations: [] }, partnerId: m.partnerId, partnerName: m.partner.name, partnerStatus: "approved" as const, role: "owner" as const, clientScope: "all" as const };
    const access = (await getPartnerLedgerAccess(ctx, "bench-export"))!;

    // The in-memory rows of the baseline: one date's batches read once, then cycled to ROWS rows.
    const planned = await planExport(access, exportOptionsSchema.parse({ from: first, to: first, format: "csv", purpose: "reconciliation" }));
    if (!planned.ok) throw new Error(planned.refusal.message);
    const oneDay: ExportBatch[] = [];
    for await (const batch of exportRowBatches(planned.plan)) oneDay.push(batch);
    const cycled = async function* (): AsyncGenerator<ExportBatch> {
      let sent = 0;
      while (sent < total)
        for (const b of oneDay) {
          if (sent >= total) return;
          const rows = b.rows.slice(0, total - sent);
          sent += rows.length;
          yield { ...b, rows };
        }
    };

    const lastReceiptSha = async () => (await db.exportReceipt.findFirstOrThrow({ where: { ledgerId: ledger.id }, orderBy: { createdAt: "desc" }, select: { sha256: true } })).sha256;
    const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" / ");

    // Warm-up (not measured): one small export per format, so the first measured request does not pay the
    // route's first compilation and module loading.
    for (const format of ["csv", "xlsx"] as const) {
      const options = exportOptionsSchema.parse({ from: first, to: first, format, topics: "fees", purpose: "reconciliation" });
      checkBody(await overHttp(server, `http://localhost:${PORT}/partner/ledgers/bench-export/export?${exportQuery(options)}`, cookie), await lastReceiptSha());
    }
    await db.$executeRawUnsafe(`DELETE FROM "rate_limit"."counters"`);
    const loadStart = load();
    const results: Record<string, { http: Sample[]; memory: number[]; fileBytes: number }> = { csv: { http: [], memory: [], fileBytes: 0 }, xlsx: { http: [], memory: [], fileBytes: 0 } };
    for (let r = 0; r < REPS; r++) {
      for (const format of r % 2 ? [...FORMATS].reverse() : FORMATS) {
        const options = exportOptionsSchema.parse({ from: first, to, format, purpose: "reconciliation" });
        const sample = await overHttp(server, `http://localhost:${PORT}/partner/ledgers/bench-export/export?${exportQuery(options)}`, cookie);
        results[format]!.http.push(sample);
        const sha256 = await lastReceiptSha();
        results[format]!.fileBytes = checkBody(sample, sha256);
        await db.$executeRawUnsafe(`DELETE FROM "rate_limit"."counters"`); // the export limit would refuse the later repeats
        const plan = { ...planned.plan, options, range: { from: first, to } };
        const started = performance.now();
        const file = exportFile(plan, new Date(0), { rows: cycled() });
        for await (const chunk of file.stream as unknown as AsyncIterable<Uint8Array>) void chunk;
        results[format]!.memory.push(performance.now() - started);
        console.info(
          `bench-export: ${format} rep ${r + 1}: HTTP ${(sample.totalMs / 1000).toFixed(1)} s (TTFB ${sample.ttfbMs.toFixed(0)} ms, RSS +${(sample.rssGrowth / 2 ** 20).toFixed(0)} MB, ` +
            `${(sample.wireBytes / 2 ** 20).toFixed(0)} MB on the wire, SHA-256 ${sha256.slice(0, 12)}…; CPU s: ${sample.cpu}), in memory ${((performance.now() - started) / 1000).toFixed(1)} s; load average ${load()}`,
        );
      }
    }

    const cpus = os.cpus();
    const rate = (ms: number) => Math.round(total / (ms / 1000));
    const lines = [
      `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus[0]?.model.trim() ?? "unknown CPU"} (${cpus.length} cores), Node ${process.version}, ` +
        `PostgreSQL on localhost, \`next start\` (${DIST}). ${total.toLocaleString("en-GB")} cached entries (${DAYS} ledger dates, funds and fees), reconciliation columns; ` +
        `medians of ${REPS} repeats per format, interleaved; load average ${loadStart} at the start, ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} at the end (1/5/15 min). ` +
        `The HTTP client (node:http) asks for gzip like a browser (the CSV is compressed by \`next start\`; XLSX is a zip already) and counts the bytes as they arrive; like a browser's, its inflating is not on the server's cores: the file is inflated and its SHA-256 checked against the export's receipt after the clock stops, every repeat. Baseline: the same writer serialising the same rows from memory in the benchmark process (no database, no HTTP).`,
      "",
      "| Format | End to end over HTTP | In-memory writer (baseline) | Ratio | Time to first byte | Peak RSS growth of the server | File (on the wire) |",
      "|---|---:|---:|---:|---:|---:|---:|",
    ];
    for (const format of FORMATS) {
      const http = results[format]!.http;
      const totalMs = summarize("total", http.map((s) => s.totalMs)).median;
      const mem = summarize("memory", results[format]!.memory).median;
      const ttfb = summarize("ttfb", http.map((s) => s.ttfbMs)).median;
      const rss = summarize("rss", http.map((s) => s.rssGrowth)).median;
      lines.push(
        `| ${format.toUpperCase()} | ${rate(totalMs).toLocaleString("en-GB")} rows/s (${(totalMs / 1000).toFixed(1)} s) | ${rate(mem).toLocaleString("en-GB")} rows/s | ${(mem / totalMs).toFixed(2)} | ${ttfb.toFixed(0)} ms | ${(rss / 2 ** 20).toFixed(0)} MB | ${(results[format]!.fileBytes / 2 ** 20).toFixed(0)} MB (${(http[0]!.wireBytes / 2 ** 20).toFixed(0)} MB) |`,
      );
    }
    const text = lines.join("\n");
    console.info(text);
    const doc = readFileSync(DOC, "utf8");
    if (doc.includes(START)) writeFileSync(DOC, `${doc.slice(0, doc.indexOf(START) + START.length)}\n${text}\n${doc.slice(doc.indexOf(END))}`);
    else console.info(`(no ${START} marker in docs/performance.md: results printed only)`);
    await db.$disconnect();
  } finally {
    server?.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 1000));
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((err: unknown) => console.error(err));
    await admin.end();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
