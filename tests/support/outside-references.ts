/**
 * Finds references from the repository's files to places outside it: a relative path that climbs above the
 * repository root from where it is written, the sibling folder the project grew up next to, or an absolute
 * path of somebody's machine. A clone must install, start and pass its tests with nothing beside it.
 *
 * The patterns below are written with escaped slashes so that this file does not match itself.
 */
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";

export interface OutsideReference {
  file: string;
  line: number;
  text: string;
  reason: string;
}

/** Folders that are generated or installed, never part of the repository (the fallback walk skips them). */
const NOT_OURS = new Set(["node_modules", ".git", ".next", ".next-test", ".data", "test-results", "playwright-report", "blob-report", "coverage", "out"]);
const GENERATED = ["lib/generated/"];

/** Absolute paths that only exist on one machine. System paths such as `/usr/bin/chromium` are fine. */
const MACHINE_PATHS: { pattern: RegExp; reason: string }[] = [
  { pattern: /(?<![\w.~-])\.\.[\\/]shared\b/g, reason: "the sibling folder next to the repository" },
  { pattern: /(?<![\w.~})\]-])\/work\//g, reason: "an absolute path of a machine" },
  { pattern: /(?<![\w.~})\]-])\/root\//g, reason: "the root user's home folder" },
  { pattern: /(?<![\w.~})\]-])\/(?:home|Users)\/[\w.-]+/g, reason: "somebody's home folder" },
  { pattern: /\b[A-Za-z]:\\{1,2}Users\\{1,2}/g, reason: "somebody's home folder" },
];

/** A relative path: at least one `../`, then anything up to a quote, bracket, space or similar. */
const CLIMBING_PATH = /(?<![\w.~-])(?:\.\/)?(?:\.\.\/)+[^\s"'`()<>[\]{},;]*/g;

/** URLs are addresses, not paths (`https://example.com/home/x` is fine); blank them out, keeping columns. */
const URL = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>)]*/gi;

/** Scans one file's text; `file` is relative to the repository root, with forward slashes. */
export function scanText(file: string, text: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  const dir = path.posix.dirname(file);
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(URL, (url) => " ".repeat(url.length));
    const hit = (reason: string) => found.push({ file, line: index + 1, text: raw.trim().slice(0, 160), reason });
    for (const { pattern, reason } of MACHINE_PATHS) {
      if (line.match(pattern)) hit(reason);
    }
    for (const [match] of line.matchAll(CLIMBING_PATH)) {
      const target = path.posix.normalize(path.posix.join(dir, match));
      if (target === ".." || target.startsWith("../")) hit(`"${match}" climbs out of the repository from ${dir}/`);
    }
  });
  return found;
}

/** The repository's files: what git tracks, or, in a copy without git, every file but installed and generated ones. */
export function repositoryFiles(root: string): string[] {
  const fromGit = trackedFiles(root);
  if (fromGit) return fromGit.filter((f) => existsSync(path.join(root, f)) || isSymlink(path.join(root, f)));
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!NOT_OURS.has(entry.name) && !GENERATED.includes(`${child}/`)) walk(child);
      } else out.push(child);
    }
  };
  walk("");
  return out.sort();
}

function trackedFiles(root: string): string[] | undefined {
  try {
    // Only when `root` is itself the top of a work tree (a copy inside some other repository is not).
    const top = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (path.resolve(top) !== path.resolve(root)) return undefined;
    return execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\0").filter(Boolean);
  } catch {
    return undefined;
  }
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Scans every repository file but `exempt` ones; binary files are skipped, symlinks must stay inside. */
export function scanRepository(root: string, exempt: readonly string[] = []): { files: number; found: OutsideReference[] } {
  const found: OutsideReference[] = [];
  const files = repositoryFiles(root).filter((f) => !exempt.includes(f));
  for (const file of files) {
    const full = path.join(root, file);
    if (isSymlink(full)) {
      const target = path.relative(root, path.resolve(path.dirname(full), readlinkSync(full)));
      if (target.startsWith("..") || path.isAbsolute(target)) found.push({ file, line: 0, text: readlinkSync(full), reason: "a symlink to outside the repository" });
      continue;
    }
    const bytes = readFileSync(full);
    if (bytes.subarray(0, 8000).includes(0)) continue;
    found.push(...scanText(file, bytes.toString("utf8")));
  }
  return { files: files.length, found };
}

export function describeReferences(found: readonly OutsideReference[]): string {
  return found.map((f) => `${f.file}:${f.line}: ${f.reason}\n    ${f.text}`).join("\n");
}
