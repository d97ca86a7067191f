#!/usr/bin/env node
/**
 * `npm test`: every check, in the order a failure is cheapest to find. Typecheck, lint, unused code (knip),
 * copy-paste (jscpd), unit tests (the
 * sandbox and the Report API client included), database tests on a real PostgreSQL (embedded unless
 * TEST_DATABASE_URL is set), the production build, the scale-out test (two instances and two workers on that
 * build) and the browser tests in Chromium. The scale-out test runs beside the browser tests: it spends most of its
 * minute and a half waiting for the job schedules' next whole-minute ticks, on its own ports and data dir.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const steps = [
  ["Typecheck", "npx", ["tsc", "--noEmit", "-p", "."]],
  ["Lint", "npx", ["eslint", "--max-warnings=0", "."]],
  // Unused files, exports and dependencies (knip.json names the entry points), and copy-paste above .jscpd.json's threshold.
  ["Unused code", "npx", ["knip", "--no-progress", "--no-config-hints"]],
  ["Copy-paste check", "npx", ["jscpd"]],
  ["Unit tests", "npx", ["vitest", "run", "--project", "unit"]],
  ["Database tests", "npx", ["vitest", "run", "--project", "integration"]],
  ["Build", "npx", ["next", "build"]],
  ["Scale-out test", "npx", ["vitest", "run", "--project", "scale-out"]],
  ["Browser tests", "npx", ["playwright", "test"]],
];

const only = process.argv.slice(2);
const browser = ensureChromium();
if (browser) process.env.CHROMIUM_PATH = browser;

const timings = [];
const selected = steps.filter(([name]) => !only.length || only.some((o) => name.toLowerCase().startsWith(o.toLowerCase())));
const besideBrowser = selected.some(([name]) => name === "Browser tests");
let background;
for (const [name, cmd, args] of selected) {
  if ((name === "Browser tests" || name === "Scale-out test") && !browser) {
    console.error("\n✗ Browser tests need Chromium, and none was found or could be installed (see above).");
    process.exit(1);
  }
  if (name === "Scale-out test" && besideBrowser) {
    console.log(`\n▶ ${name} (beside the browser tests; its output follows theirs)`);
    background = startBeside(name, cmd, args);
    continue;
  }
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  // Not spawnSync: the event loop must keep reading the background step's output (a full pipe would stall it).
  const status = await new Promise((resolve) => spawn(cmd, args, { stdio: "inherit", env: stepEnv(name) }).on("close", (code) => resolve(code ?? 1)));
  timings.push([name, `${((Date.now() - started) / 1000).toFixed(1)}s`]);
  if (status !== 0) {
    await finishBeside(background);
    console.error(`\n✗ ${name} failed.`);
    process.exit(status);
  }
}
await finishBeside(background);
console.log("\n✓ All checks passed\n" + timings.map(([n, s]) => `  ${n.padEnd(16)} ${s}`).join("\n"));

/**
 * The environment of a step. The build and the browser tests use their own build folder, so a running `npm start`
 * keeps its own. The build skips Next.js' own type check when this run's Typecheck step has passed (the same
 * tsconfig; 40 s on two cores).
 */
function stepEnv(name) {
  const typechecked = name === "Build" && selected.some(([n]) => n === "Typecheck");
  return { NEXT_DIST_DIR: ".next-test", ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...(typechecked ? { NEXT_BUILD_SKIP_TYPECHECK: "1" } : {}) };
}

/** Starts a step in the background, its output kept until it ends. */
function startBeside(name, cmd, args) {
  const started = Date.now();
  const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], env: stepEnv(name) });
  const output = [];
  child.stdout.on("data", (d) => output.push(d));
  child.stderr.on("data", (d) => output.push(d));
  const ended = new Promise((resolve) => child.on("close", (code) => resolve({ code: code ?? 1, seconds: (Date.now() - started) / 1000 })));
  return { name, output, ended };
}

/** Waits for the background step, prints its output, and fails the run if it failed. */
async function finishBeside(step) {
  if (!step) return;
  const { code, seconds } = await step.ended;
  console.log(`\n▶ ${step.name} (ran beside the browser tests)`);
  process.stdout.write(Buffer.concat(step.output));
  timings.push([step.name, `${seconds.toFixed(1)}s (beside the browser tests)`]);
  if (code !== 0) {
    console.error(`\n✗ ${step.name} failed.`);
    process.exit(code);
  }
}

/** Finds Chromium; as root with apt, installs Debian's package; otherwise says how to get one. */
function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("Chromium not found: installing Debian's chromium package (apt-get) …");
    spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    const res = spawnSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (res.status === 0 && existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.error(
    [
      "No Chromium browser was found for the browser tests.",
      "  Debian/Ubuntu:  sudo apt-get install --no-install-recommends chromium",
      "  Elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium",
      "(Playwright's own browser download is not used: this project runs without internet access.)",
    ].join("\n"),
  );
  return undefined;
}
