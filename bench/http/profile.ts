/** Summary of a V8 CPU profile (`node --cpu-prof`): self time by function and by package, largest first. */
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { Stack } from "./stack";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  functions: { name: string; ms: number; share: number }[];
  packages: { name: string; ms: number; share: number }[];
}

/** Where a frame's code lives: a package under node_modules, the app's own build, Node itself, or V8 (gc, program). */
export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
    // Next's own compiled copies of React and friends live in next/dist/compiled/<name>.
    const compiled = url.match(/next\/dist\/compiled\/([^/]+)/);
    return compiled ? `next (compiled ${compiled[1]})` : pkg;
  }
  if (url.startsWith("node:")) return "node (built-in)";
  if (/\/(\.next[^/]*|next-bench[^/]*)\//.test(url) || url.includes("/server/chunks/")) return "app (server bundle)";
  return "other";
}

export function summariseProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const fns = new Map<string, number>();
  const pkgs = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    total += ms;
    if (functionName === "(idle)") {
      idle += ms;
      continue;
    }
    const pkg = packageOf(url, functionName);
    const file = url ? url.replace(/^.*node_modules\//, "").replace(/^file:\/\/.*\/(\.next[^/]*)\//, "$1/") : "";
    const name = `${functionName || "(anonymous)"}${file ? ` — ${file}:${lineNumber + 1}` : ""}`;
    fns.set(name, (fns.get(name) ?? 0) + ms);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + ms);
  }
  const busy = total - idle;
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, share: busy > 0 ? ms / busy : 0 }));
  return { totalMs: total, idleMs: idle, functions: rank(fns), packages: rank(pkgs) };
}

/**
 * Serves `load` from a `next start` restarted under `node --cpu-prof` (profiles written to `dir`, emptied first),
 * then restarts it plainly, which writes the profile; returns the largest profile written (the server's), if any.
 */
export async function profileServer(stack: Stack, dir: string, load: () => Promise<unknown>): Promise<string | undefined> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await stack.restartApp(`--cpu-prof --cpu-prof-dir=${dir}`);
  await load();
  await stack.restartApp(); // stopping the profiled server writes its profile
  return readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
}
