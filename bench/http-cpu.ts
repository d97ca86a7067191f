/**
 * CPU time per request of the admin pages against the static page, at the synthetic size (`npx tsx bench/http-cpu.ts`):
 * a measure that holds on a shared machine, where other work's load stretches wall-clock latencies (and so the
 * p95 ratios of bench/http.ts) far more than the CPU a request costs. Starts the same stack as bench/http.ts
 * (production build, embedded PostgreSQL, the synthetic seed), then per round and page: BENCH_CPU_REQUESTS (40)
 * requests one at a time, the server's CPU time (the `next start` process and its children, from /proc) and
 * PostgreSQL's (the postmaster's children) read before and after; the static page measured the same way just
 * before. Reports the medians over BENCH_CPU_ROUNDS (5) of CPU ms per request and of the ratio to the static page.
 * Each measurement follows unmeasured requests of the same page: BENCH_CPU_STATIC_WARMUP (30) for the static page,
 * BENCH_CPU_PAGE_WARMUP (10) for a page (see measure).
 *
 * Environment as bench/http.ts: BENCH_APP_DIR (serve another checkout), BENCH_PAGES, BENCH_PORT, BENCH_SANDBOX_PORT,
 * BENCH_DIST_DIR, BENCH_SEED; BENCH_DATA_ROOT (default .data/bench) for its database and secrets.
 * BENCH_CPU_PROFILE=<regex>: after the measurements, each page whose label matches is served by a server started
 * with `node --cpu-prof` for BENCH_CPU_PROFILE_REQUESTS (200) sequential requests, and the profile's busy CPU is
 * summarised by package and by function (where a page over the goal spends its time).
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { median } from "./http/load";
import { benchPages, cookiesFor } from "./http/pages";
import { startStack, type Stack } from "./http/stack";
import { profileServer, summariseProfile } from "./http/profile";
import { scriptSeed } from "./http";

const TICK_MS = 10; // USER_HZ = 100 on Linux
// Unmeasured requests before each measurement (see measure): many for the static page, whose own garbage is small
// beside a heavy page's, and some for a page, so that it pays its own collections rather than the static page's.
const STATIC_WARMUP = Number(process.env.BENCH_CPU_STATIC_WARMUP ?? 30);
const PAGE_WARMUP = Number(process.env.BENCH_CPU_PAGE_WARMUP ?? 10);
const log = (msg: string) => console.log(`[bench:cpu] ${msg}`);

/**
 * utime + stime of every process (and its threads' owner) in the trees rooted at `roots`, in ms, plus each one's
 * cutime + cstime: the CPU of the children it has reaped. Without those, a PostgreSQL backend or worker that exited
 * between two readings took its CPU time with it, and a page's PostgreSQL time came out negative.
 */
function cpuMs(roots: number[]): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = readFileSync(`/proc/${entry}/stat`, "utf8");
      const f = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = stats.get(p)?.ppid ?? 0, hops++) if (roots.includes(p)) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, s] of stats) if (inTree(pid)) ticks += s.ticks;
  return ticks * TICK_MS;
}

/** The pid of the process listening on a TCP port of 127.0.0.1 (the `next start` server). */
function listenerPid(port: number): number {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set(
    readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1).map((l) => l.trim().split(/\s+/)).filter((f) => f[1]?.endsWith(`:${hex}`) && f[3] === "0A").map((f) => f[9]),
  );
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSafe(`/proc/${entry}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(entry);
      }
    } catch {
      // not ours to read, or gone
    }
  }
  throw new Error(`nothing listens on port ${port}`);
}

function readlinkSafe(p: string): string {
  try {
    return readlinkSync(p);
  } catch {
    return "";
  }
}

async function main() {
  // A data root of its own (BENCH_DATA_ROOT) lets two checkouts be measured side by side, under the same load.
  const dataRoot = path.resolve(process.env.BENCH_DATA_ROOT ?? ".data/bench");
  const port = Number(process.env.BENCH_PORT ?? 3307);
  const stack = await startStack({
    appDir: path.resolve(process.env.BENCH_APP_DIR ?? "."),
    port,
    sandboxPort: Number(process.env.BENCH_SANDBOX_PORT ?? 4307),
    dataRoot,
    distDir: process.env.BENCH_DIST_DIR ?? ".next-bench",
    log,
  });
  const onSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const seed = process.env.BENCH_SEED ?? "bench/seed-synthetic.ts";
    log(await scriptSeed(seed)(stack));
    const cookies = await cookiesFor(stack);
    const only = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : /^admin: (access|partners)/;
    const pages = (await benchPages(stack)).filter((p) => only.test(p.label));
    const postmaster = Number(readFileSync(path.join(dataRoot, "postgres", "postmaster.pid"), "utf8").split("\n")[0]);
    const app = listenerPid(port);
    const requests = Number(process.env.BENCH_CPU_REQUESTS ?? 40);
    const rounds = Number(process.env.BENCH_CPU_ROUNDS ?? 5);
    const get = async (p: string, cookie: string) => {
      const res = await fetch(`${stack.baseUrl}${p}`, { headers: { cookie }, redirect: "manual" });
      return (await res.arrayBuffer()).byteLength;
    };
    /**
     * CPU ms per request (server, PostgreSQL) over `requests` sequential requests, after `warmup` unmeasured ones.
     * The warm-up pays the garbage the request before left behind: V8 collects it later, so without it the static
     * page, measured right after a heavy page, was charged that page's collection (its CPU moved between 10 and
     * 28 ms per request from round to round, and every ratio came out lower than the pages' real cost).
     */
    const measure = async (p: string, cookie: string, warmup: number) => {
      for (let i = 0; i < warmup; i++) await get(p, cookie);
      const [a0, d0] = [cpuMs([app]), cpuMs([postmaster])];
      let bytes = 0;
      for (let i = 0; i < requests; i++) bytes += await get(p, cookie);
      return { app: (cpuMs([app]) - a0) / requests, db: (cpuMs([postmaster]) - d0) / requests, bytes: bytes / requests };
    };
    const rows = pages.map((p) => ({ label: p.label, app: [] as number[], db: [] as number[], ratio: [] as number[], staticApp: [] as number[], bytes: 0 }));
    const loadAvg: number[] = [os.loadavg()[0]!];
    for (let r = 1; r <= rounds; r++) {
      for (const [i, p] of pages.entries()) {
        const base = await measure("/bench-static-baseline", cookies.partner, STATIC_WARMUP);
        const page = await measure(p.path, cookies[p.persona], PAGE_WARMUP);
        const row = rows[i]!;
        row.app.push(page.app);
        row.db.push(page.db);
        row.staticApp.push(base.app + base.db);
        row.ratio.push((page.app + page.db) / (base.app + base.db));
        row.bytes = page.bytes;
        log(`round ${r}: ${p.label}: ${page.app.toFixed(1)} + ${page.db.toFixed(1)} ms (static ${(base.app + base.db).toFixed(1)} ms) = ${row.ratio.at(-1)!.toFixed(2)}×`);
      }
    }
    loadAvg.push(os.loadavg()[0]!);
    const cpus = os.cpus();
    console.log(
      `\nMeasured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus[0]?.model.trim() ?? "?"} (${cpus.length} cores), Node ${process.version}, ` +
        `load average ${loadAvg.map((l) => l.toFixed(1)).join(" → ")}; ${requests} sequential requests per page and round after ${PAGE_WARMUP} unmeasured ones, ${rounds} rounds, each after the static page's (${STATIC_WARMUP} unmeasured, then ${requests}).\n`,
    );
    console.log("| page | server CPU ms / request | PostgreSQL CPU ms / request | static page CPU ms | × static (rounds) | bytes |\n| --- | ---: | ---: | ---: | ---: | ---: |");
    for (const r of rows) {
      console.log(`| ${r.label} | ${median(r.app).toFixed(1)} | ${median(r.db).toFixed(1)} | ${median(r.staticApp).toFixed(1)} | **${median(r.ratio).toFixed(2)}×** (${r.ratio.map((x) => x.toFixed(2)).join(", ")}) | ${(r.bytes / 1024).toFixed(0)} kB |`);
    }
    if (process.env.BENCH_CPU_PROFILE) {
      const profiled = pages.filter((p) => new RegExp(process.env.BENCH_CPU_PROFILE!).test(p.label));
      for (const p of profiled) {
        await profilePage(stack, dataRoot, p.label, async (n) => {
          for (let i = 0; i < n; i++) await get(p.path, cookies[p.persona]);
        });
      }
    }
  } finally {
    await stack.stop();
  }
}

/**
 * Serves `label`'s page from a server started with `node --cpu-prof` (after PAGE_WARMUP unmeasured requests, which
 * the profile includes, as it does the server's start) and prints where its busy CPU went.
 */
async function profilePage(stack: Stack, dataRoot: string, label: string, load: (n: number) => Promise<void>): Promise<void> {
  const requests = Number(process.env.BENCH_CPU_PROFILE_REQUESTS ?? 200);
  log(`profiling ${label}: ${requests} sequential requests …`);
  const file = await profileServer(stack, path.join(dataRoot, "cpu-profile"), () => load(PAGE_WARMUP + requests));
  if (!file) return log("no profile was written");
  const summary = summariseProfile(file, 25);
  const busy = summary.totalMs - summary.idleMs;
  console.log(`\nProfile of ${label}: ${(busy / 1000).toFixed(1)} s busy CPU over ${requests + PAGE_WARMUP} requests (${(busy / (requests + PAGE_WARMUP)).toFixed(1)} ms each, under the profiler).\n`);
  console.log("| where (package) | share of busy CPU |\n| --- | ---: |");
  for (const x of summary.packages) console.log(`| ${x.name} | ${(x.share * 100).toFixed(1)}% |`);
  console.log("\n| function | share of busy CPU |\n| --- | ---: |");
  for (const x of summary.functions) console.log(`| ${x.name} | ${(x.share * 100).toFixed(1)}% |`);
}

main().catch((err: unknown) => {
  console.error(`[bench:cpu] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
