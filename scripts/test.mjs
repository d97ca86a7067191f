#!/usr/bin/env node
/**
 * `npm test`: every check, in the order a failure is cheapest to find. Typecheck, lint, unused code (knip),
 * copy-paste (jscpd), unit tests (the
 * sandbox and the Report API client included), database tests on a real PostgreSQL (embedded unless
 * TEST_DATABASE_URL is set), the production build, the scale-out test (two instances and two workers on that
 * build) and the browser tests in Chromium.
 */
import { spawnSync } from "node:child_process";
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
for (const [name, cmd, args] of steps) {
  if (only.length && !only.some((o) => name.toLowerCase().startsWith(o.toLowerCase()))) continue;
  if ((name === "Browser tests" || name === "Scale-out test") && !browser) {
    console.error("\n✗ Browser tests need Chromium, and none was found or could be installed (see above).");
    process.exit(1);
  }
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  // The build and the browser tests use their own build folder, so a running `npm start` keeps its own.
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { NEXT_DIST_DIR: ".next-test", ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  timings.push([name, ((Date.now() - started) / 1000).toFixed(1)]);
  if (res.status !== 0) {
    console.error(`\n✗ ${name} failed.`);
    process.exit(res.status ?? 1);
  }
}
console.log("\n✓ All checks passed\n" + timings.map(([n, s]) => `  ${n.padEnd(16)} ${s}s`).join("\n"));

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
