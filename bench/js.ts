/**
 * JavaScript per persona page, alone (`npx tsx bench/js.ts`): the HTTP benchmark's stack (bench/http/stack.ts: a
 * production build served by `next start`, embedded PostgreSQL, the sandbox, the demo world) without its loads.
 * Headless Chromium opens the sign-in page (signed out), the static page and each persona's main page (signed in)
 * and sums every script by its transfer size, gzip as served (bench/http/js-size.ts). The bytes are deterministic
 * for a build, so one run is enough to compare two builds.
 *
 * Environment: BENCH_DIST_DIR (the build to serve, built if missing or older than the sources; default
 * .next-bench), BENCH_PORT / BENCH_SANDBOX_PORT (3308 / 4308), BENCH_APP_DIR (serve another checkout),
 * BENCH_LABEL (also writes the table into docs/performance.md between `bench-http:<label>` markers),
 * BENCH_JS_FILES=1 (every script with its size, for finding what a page carries).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeSection } from "./http";
import { measureJs, withBrowser, type JsSize } from "./http/js-size";
import { benchPages, cookiesFor, type PersonaKey } from "./http/pages";
import { startStack } from "./http/stack";

const DATA = path.resolve(".data/bench");
const log = (msg: string) => console.log(`[bench:js] ${msg}`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const started = new Date();
  mkdirSync(DATA, { recursive: true });
  const stack = await startStack({
    appDir: path.resolve(process.env.BENCH_APP_DIR ?? "."),
    port: Number(process.env.BENCH_PORT ?? 3308),
    sandboxPort: Number(process.env.BENCH_SANDBOX_PORT ?? 4308),
    dataRoot: DATA,
    distDir: process.env.BENCH_DIST_DIR ?? ".next-bench",
    log,
  });
  try {
    const cookies = await cookiesFor(stack);
    const pages: { label: string; path: string; persona?: PersonaKey }[] = [
      { label: "sign-in (signed out)", path: "/sign-in" },
      { label: "static page (not found, signed in)", path: "/bench-static-baseline", persona: "partner" },
      ...(await benchPages(stack)).filter((p) => p.main),
    ];
    const rows: { label: string; path: string; size: JsSize }[] = [];
    await withBrowser(async (browser) => {
      for (const p of pages) {
        const size = await measureJs(browser, stack.baseUrl, p.path, p.persona ? cookies[p.persona] : undefined);
        rows.push({ label: p.label, path: p.path, size });
        log(`${p.label}: ${kb(size.initialGzip)} first paint, ${kb(size.totalGzip)} all, ${size.scripts} scripts`);
        if (process.env.BENCH_JS_FILES === "1") for (const f of size.files ?? []) log(`   ${kb(f.gzip).padStart(9)} ${f.initial ? "html" : "lazy"} ${f.path}`);
      }
    });
    const lines = [
      `Measured ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, build ${process.env.BENCH_DIST_DIR ?? ".next-bench"}: headless Chromium, gzip as served by \`next start\`; first paint = the scripts named in the HTML, all = every script loaded by network idle.`,
      "",
      "| page | first paint JS | all JS | scripts |",
      "| --- | ---: | ---: | ---: |",
      ...rows.map((r) => `| ${r.label} | ${kb(r.size.initialGzip)} | ${kb(r.size.totalGzip)} | ${r.size.scripts} |`),
    ];
    const section = lines.join("\n");
    console.log(`\n${section}`);
    const label = process.env.BENCH_LABEL;
    writeFileSync(path.join(DATA, `js-${label ?? "latest"}.json`), JSON.stringify({ started, rows }, null, 2));
    if (label) writeSection(label, section);
  } finally {
    await stack.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`[bench:js] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
