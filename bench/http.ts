/**
 * The HTTP benchmark (part of `npm run bench`; alone: `npx tsx bench/http.ts`). Serves a production build with
 * `next start` against its own embedded PostgreSQL and the sandbox (bench/http/stack.ts, ports 3307/4307 unless
 * BENCH_PORT/BENCH_SANDBOX_PORT), signs the demo people in by writing database sessions, and loads every overview
 * and list page with 10 concurrent connections (bench/http/load.ts), each round against the app's own not-found page (no data, the
 * same root layout) served by the same process in the same round. Then it runs the synthetic seed (a pluggable
 * step: BENCH_SEED, default bench/seed-synthetic.ts) and loads every page again at that size. JavaScript per
 * persona page is measured in headless Chromium; the slowest cached page is profiled with --cpu-prof.
 *
 * Environment: BENCH_HTTP_ROUNDS (3), BENCH_HTTP_REQUESTS per load (100, over 10 connections), BENCH_LABEL (names the results section in
 * docs/performance.md and the JSON in .data/bench/), BENCH_APP_DIR (serve another checkout, e.g. the code before a
 * change), BENCH_SEED=off (demo size only), BENCH_PROFILE=off, BENCH_JS=off, BENCH_PAGES (a regular expression on the page label: only those pages).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { load, median, probe, type LoadResult, type Probe } from "./http/load";
import { benchPages, cookiesFor, type BenchPage, type PersonaKey } from "./http/pages";
import { profileServer, summariseProfile, type ProfileSummary } from "./http/profile";
import { runIn, startStack, type Stack } from "./http/stack";
import { measureJs, withBrowser, type JsSize } from "./http/js-size";

const ROOT = process.cwd();
const DATA = path.resolve(".data/bench");
const STATIC_PATH = "/bench-static-baseline";
const log = (msg: string) => console.log(`[bench:http] ${msg}`);

/** A step that grows the database to the synthetic size; gets the database URL and the app's environment. */
export type SeedStep = (stack: Stack) => Promise<string>;

/** bench/seed-synthetic.ts (or BENCH_SEED, a script path) run against the benchmark's database. */
export function scriptSeed(script: string): SeedStep {
  return async (stack) => {
    const started = Date.now();
    const code = await runIn(ROOT, process.execPath, ["--conditions=react-server", "--import", "tsx", script], stack.env);
    if (code !== 0) throw new Error(`${script} failed (exit ${code})`);
    const [counts] = await stack.query<{ merchants: string; grants: string }>(`SELECT (SELECT count(*) FROM "Merchant") AS merchants, (SELECT count(*) FROM "LedgerGrant") AS grants`);
    return `${path.basename(script)}: ${Number(counts?.merchants).toLocaleString("en")} merchants, ${Number(counts?.grants).toLocaleString("en")} grants (${((Date.now() - started) / 1000).toFixed(0)} s)`;
  };
}

export interface PageResult {
  label: string;
  path: string;
  persona: PersonaKey;
  probe: Probe;
  /** Per round: the page's load and the same round's static load. */
  rounds: { page: LoadResult; baseline: LoadResult }[];
}

export interface PhaseResult {
  name: string;
  detail: string;
  baseline: Probe & { rps: number; p50Ms: number; p95Ms: number };
  pages: PageResult[];
  /** The 1-minute load average when the phase started and ended (other work on the machine). */
  loadAverage: [number, number];
}

async function measurePhase(stack: Stack, pages: BenchPage[], cookies: Record<PersonaKey, string>, name: string, detail: string): Promise<PhaseResult> {
  const rounds = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
  const amount = Number(process.env.BENCH_HTTP_REQUESTS ?? 100);
  const loadAtStart = os.loadavg()[0]!;
  const staticUrl = `${stack.baseUrl}${STATIC_PATH}`;
  // Signed in (as the partner): the proxy sends anyone else to the sign-in page before the app answers.
  const staticCookie = cookies.partner;
  const staticProbe = await probe(staticUrl, staticCookie, 404, 5_000);
  if (staticProbe.skip) throw new Error(`the static page ${STATIC_PATH} ${staticProbe.skip}`);
  // The first view of a ledger range fetches and stores its dates; every measured view is from the cache.
  for (const p of pages.filter((x) => x.warm)) await probe(`${stack.baseUrl}${p.path}`, cookies[p.persona], 200, 600_000);
  const results: PageResult[] = [];
  for (const p of pages) {
    // A page one request of which takes 40 times the static page's (and over 10 s) would hold the server for minutes under load.
    const save = process.env.BENCH_SAVE_HTML ? path.join(DATA, "html", `${name}-${p.label}.html`.replace(/[^A-Za-z0-9.-]+/g, "-")) : undefined;
    if (save) mkdirSync(path.dirname(save), { recursive: true });
    const pr = await probe(`${stack.baseUrl}${p.path}`, cookies[p.persona], 200, Math.max(10_000, 40 * staticProbe.ms), save);
    log(`${name}: ${p.label} ${pr.status} ${pr.ms.toFixed(0)} ms ${pr.bytes} B${pr.skip ? ` (not loaded: ${pr.skip})` : ""}`);
    results.push({ label: p.label, path: p.path, persona: p.persona, probe: pr, rounds: [] });
  }
  // The machine may be shared: each page's load is paired with a static load just before it, and the ratio is
  // taken within the pair, so a change of background load between pages does not move the ratios much.
  const baselines: LoadResult[] = [];
  for (let r = 1; r <= rounds; r++) {
    await load(staticUrl, staticCookie, 10); // warm-up
    log(`${name} round ${r}/${rounds}`);
    for (const res of results) {
      if (res.probe.skip) continue;
      const baseline = await load(staticUrl, staticCookie, amount);
      baselines.push(baseline);
      const page = await load(`${stack.baseUrl}${res.path}`, cookies[res.persona], amount);
      res.rounds.push({ page, baseline });
      log(`  ${res.label}: p50 ${page.p50Ms.toFixed(1)} ms, p95 ${page.p95Ms.toFixed(1)} ms, ${page.rps.toFixed(1)} req/s; static p50 ${baseline.p50Ms.toFixed(1)} ms, p95 ${baseline.p95Ms.toFixed(1)} ms (${ratioText(baseline, page)}× static at p95)`);
    }
  }
  return {
    name,
    detail,
    baseline: { ...staticProbe, rps: median(baselines.map((b) => b.rps)), p50Ms: median(baselines.map((b) => b.p50Ms)), p95Ms: median(baselines.map((b) => b.p95Ms)) },
    pages: results,
    loadAverage: [loadAtStart, os.loadavg()[0]!],
  };
}

/** Median over rounds of the page's p95 latency divided by the static page's p95 in the same round (issue 9's goal: ≤ 3). */
export function costRatio(p: PageResult): number {
  return median(p.rounds.map((r) => (r.page.requests > 0 ? r.page.p95Ms / r.baseline.p95Ms : Number.POSITIVE_INFINITY)));
}

/** The same at p50. */
export function p50Ratio(p: PageResult): number {
  return median(p.rounds.map((r) => (r.page.requests > 0 ? r.page.p50Ms / r.baseline.p50Ms : Number.POSITIVE_INFINITY)));
}

async function profileSlowest(stack: Stack, phase: PhaseResult, cookies: Record<PersonaKey, string>): Promise<{ page: string; summary: ProfileSummary } | undefined> {
  const measured = phase.pages.filter((p) => p.rounds.length > 0);
  const slowest = measured.sort((a, b) => costRatio(b) - costRatio(a))[0];
  if (!slowest) return undefined;
  log(`profiling ${slowest.label} (${phase.name}) …`);
  const file = await profileServer(stack, path.join(DATA, "cpu-profile"), () => load(`${stack.baseUrl}${slowest.path}`, cookies[slowest.persona], Number(process.env.BENCH_HTTP_REQUESTS ?? 100) * 2));
  if (!file) return undefined;
  return { page: `${slowest.label} (${phase.name})`, summary: summariseProfile(file) };
}

/** Page p95 ÷ static p95 in the same round; ∞ when the page served nothing in the whole load. */
const ratioText = (baseline: LoadResult, page: LoadResult) => (page.requests > 0 ? (page.p95Ms / baseline.p95Ms).toFixed(2) : "∞");
const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
// Sizes are in units of 1,024 bytes, and say so: a budget in kB (1,000 bytes) reads them otherwise.
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KiB`;

function pageCells(p: PageResult | undefined): string[] {
  if (!p) return ["", "", "", "", ""];
  if (p.rounds.length === 0) return [p.probe.skip ?? "not loaded", "—", "—", "—", p.probe.bytes ? kb(p.probe.bytes) : "—"];
  const failures = p.rounds.reduce((n, r) => n + r.page.non2xx + r.page.errors + r.page.timeouts, 0);
  const rps = median(p.rounds.map((r) => r.page.rps));
  return [
    `${fmt(rps)}${failures ? ` (${failures} failed)` : ""}`,
    `${fmt(median(p.rounds.map((r) => r.page.p50Ms)))} / ${fmt(median(p.rounds.map((r) => r.page.p95Ms)))}`,
    `${fmt(p50Ratio(p), 2)}×`,
    `**${Number.isFinite(costRatio(p)) ? fmt(costRatio(p), 2) : "∞"}×** (${p.rounds.map((r) => ratioText(r.baseline, r.page)).join(", ")})`,
    kb(p.probe.bytes),
  ];
}

export function render(meta: { label: string; started: Date; appDir: string; rounds: number; amount: number }, phases: PhaseResult[], js: { label: string; path: string; size: JsSize }[], profile: { page: string; summary: ProfileSummary } | undefined): string {
  const cpus = os.cpus();
  const lines: string[] = [
    `Measured ${meta.started.toISOString().slice(0, 16).replace("T", " ")} UTC (${meta.label}) on ${cpus[0]?.model.trim() ?? "unknown CPU"} (${cpus.length} cores), ` +
      `${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}; \`next start\` (production build), embedded PostgreSQL and the sandbox on the same machine ` +
      `(load average at the start and end of each size below: other work shared the machine). ${meta.amount} requests per load over 10 concurrent connections (autocannon; each response timed from its "response" event), ${meta.rounds} rounds; ` +
      `in each round every page's load follows a load of the static page (the app's not-found page, ${phases[0] ? kb(phases[0].baseline.bytes) : "?"}, signed in) by the same server. ` +
      `Latencies are per request, first byte sent to last byte read, medians over rounds of each load's p50 and p95. **× static** is the median over rounds of (page p95 ÷ static p95) within each pair, ` +
      `every round's ratio in brackets (issue 9's goal: ≤ 3); the p50 ratio is computed alike.`,
    "",
  ];
  for (const ph of phases) {
    lines.push(`- **${ph.name}**: ${ph.detail}; static page p50 ${fmt(ph.baseline.p50Ms)} ms, p95 ${fmt(ph.baseline.p95Ms)} ms, ${fmt(ph.baseline.rps, 0)} req/s; load average ${fmt(ph.loadAverage[0])} → ${fmt(ph.loadAverage[1])}.`);
  }
  lines.push("");
  const [a, b] = phases;
  const cols = (name: string) => [`${name}: req/s`, "p50 / p95 ms", "× static p50", "× static p95 (rounds)", "bytes"];
  const head = ["page", ...(a ? cols(a.name) : []), ...(b ? [...cols(b.name), "growth"] : [])];
  lines.push(`| ${head.join(" | ")} |`, `| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
  for (const p of a?.pages ?? []) {
    const q = b?.pages.find((x) => x.label === p.label);
    const growth = q && p.rounds.length && q.rounds.length ? `${fmt(costRatio(q) / costRatio(p), 2)}×` : q ? "—" : "";
    lines.push(`| ${p.label} | ${[...pageCells(p), ...(b ? [...pageCells(q), growth] : [])].join(" | ")} |`);
  }
  lines.push("", "growth = × static p95 at the synthetic size ÷ × static p95 at demo size (1.0: the page costs the same whatever the data).", "");
  if (js.length) {
    lines.push("**JavaScript per page** (headless Chromium, gzip as served; first paint = the scripts named in the HTML; all = every script loaded by network idle, lazy chunks included):", "");
    lines.push("| page | first paint JS | all JS | scripts | HTML (gzip / raw) |", "| --- | ---: | ---: | ---: | ---: |");
    for (const j of js) lines.push(`| ${j.label} | ${kb(j.size.initialGzip)} | ${kb(j.size.totalGzip)} | ${j.size.scripts} | ${kb(j.size.htmlGzip)} / ${kb(j.size.htmlBytes)} |`);
    lines.push("");
  }
  if (profile) {
    const s = profile.summary;
    lines.push(`**CPU profile of the server** under load on the costliest page, ${profile.page}: ${fmt((s.totalMs - s.idleMs) / 1000)} s busy of ${fmt(s.totalMs / 1000)} s. Self time by package:`, "");
    lines.push("| package | self ms | share of busy |", "| --- | ---: | ---: |");
    for (const p of s.packages) lines.push(`| ${p.name} | ${fmt(p.ms, 0)} | ${fmt(p.share * 100)}% |`);
    lines.push("", "Top functions by self time:", "", "| function | self ms | share |", "| --- | ---: | ---: |");
    for (const f of s.functions) lines.push(`| \`${f.name.replaceAll("|", "\\|")}\` | ${fmt(f.ms, 0)} | ${fmt(f.share * 100)}% |`);
    lines.push("");
  }
  return lines.join("\n");
}

export function writeSection(label: string, section: string): void {
  const doc = path.resolve("docs/performance.md");
  const start = `<!-- bench-http:${label}:start -->`;
  const end = `<!-- bench-http:${label}:end -->`;
  const text = readFileSync(doc, "utf8");
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? `${text.slice(0, from + start.length)}\n${section}\n${text.slice(to)}` : `${text.trimEnd()}\n\n${start}\n${section}\n${end}\n`;
  writeFileSync(doc, next);
}

export async function runHttpBench(): Promise<void> {
  const started = new Date();
  const label = process.env.BENCH_LABEL ?? "latest";
  const appDir = path.resolve(process.env.BENCH_APP_DIR ?? ".");
  const rounds = Number(process.env.BENCH_HTTP_ROUNDS ?? 3);
  const amount = Number(process.env.BENCH_HTTP_REQUESTS ?? 100);
  mkdirSync(DATA, { recursive: true });
  const stack = await startStack({
    appDir,
    port: Number(process.env.BENCH_PORT ?? 3307),
    sandboxPort: Number(process.env.BENCH_SANDBOX_PORT ?? 4307),
    dataRoot: DATA,
    distDir: process.env.BENCH_DIST_DIR ?? ".next-bench",
    log,
  });
  // Ctrl-C stops the app, the sandbox and the database before leaving.
  const onSignal = () => void stack.stop().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const cookies = await cookiesFor(stack);
    // BENCH_PAGES (a regular expression on the label) measures a subset, e.g. BENCH_PAGES=admin for the admin console.
    const only = process.env.BENCH_PAGES ? new RegExp(process.env.BENCH_PAGES) : undefined;
    const pages = (await benchPages(stack)).filter((p) => !only || only.test(p.label));
    const js: { label: string; path: string; size: JsSize }[] = [];
    if (process.env.BENCH_JS !== "off") {
      await withBrowser(async (browser) => {
        for (const p of [{ label: "static page (not found, signed in)", path: STATIC_PATH, persona: "partner" as const }, ...pages.filter((x) => x.main)]) {
          const size = await measureJs(browser, stack.baseUrl, p.path, cookies[p.persona]);
          js.push({ label: p.label, path: p.path, size });
          log(`JS ${p.label}: ${kb(size.initialGzip)} first paint, ${kb(size.totalGzip)} all`);
        }
      });
    }
    const phases: PhaseResult[] = [await measurePhase(stack, pages, cookies, "demo size", "the demo world (4 merchants, 3 grants)")];
    const seedScript = process.env.BENCH_SEED ?? "bench/seed-synthetic.ts";
    if (seedScript !== "off") {
      if (existsSync(path.resolve(seedScript))) {
        log(`seeding with ${seedScript} …`);
        const detail = await scriptSeed(seedScript)(stack);
        phases.push(await measurePhase(stack, pages, cookies, "synthetic size", detail));
      } else {
        log(`${seedScript} is not there: the synthetic size is skipped`);
      }
    }
    const worst = phases[phases.length - 1]!;
    const profile = process.env.BENCH_PROFILE === "off" ? undefined : await profileSlowest(stack, worst, cookies);
    const section = render({ label, started, appDir, rounds, amount }, phases, js, profile);
    writeFileSync(path.join(DATA, `http-${label}.json`), JSON.stringify({ started, phases, js, profile }, null, 2));
    console.log(`\n${section}`);
    writeSection(label, section);
    log(`results written to docs/performance.md (section ${label})`);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await stack.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runHttpBench().catch((err: unknown) => {
    console.error(`[bench:http] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  });
}
