import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "messages", "i18n", "public", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "auth.ts", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts"];
const SKIP = new Set(["node_modules", ".next", ".next-test", "generated"]);

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) {
    if (SKIP.has(entry) || entry.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

const buildIdPath = (root: string) => path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");

/** A build is reused until a source it depends on is newer, so a second `npm start` skips it. */
export function needsBuild(root = process.cwd()): boolean {
  const buildId = buildIdPath(root);
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > builtAt);
}

/**
 * Dates the build to when it started, not when it ended: a source saved while `next build` ran (a checkout, a merge,
 * an editor) may or may not be in that build, so it must count as newer and make the next start build again.
 */
export function markBuiltAt(startedAt: Date, root = process.cwd()): void {
  const buildId = buildIdPath(root);
  if (existsSync(buildId)) utimesSync(buildId, startedAt, startedAt);
}
