import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * What the app exposes, found on disk rather than listed by hand: every page and route handler under app/
 * (the App Router's file conventions), and every module under lib/, app/ or components/ that starts with the "use server"
 * directive (each of its exported functions is a POST endpoint the browser can call).
 */
const ROOT = path.resolve(import.meta.dirname, "../../..");

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    return e.isDirectory() ? walk(rel) : [rel];
  });
}

export function pageFiles(): string[] {
  return walk("app").filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f)).sort();
}

export function routeFiles(): string[] {
  return walk("app").filter((f) => /\/route\.(ts|js)$/.test(f)).sort();
}

export function serverActionModules(): string[] {
  return [...walk("lib"), ...walk("app"), ...walk("components")]
    .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
    .filter((f) => /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(path.join(ROOT, f), "utf8")))
    .sort();
}

/**
 * Files under app/ and components/ with a "use server" inside a function: inline server actions, which no
 * module exports and so no row can call. Each must only delegate to an exported (and so matrix-tested) action.
 */
export function inlineServerActionFiles(): string[] {
  return [...walk("app"), ...walk("components")]
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .filter((f) => /\{\s*["']use server["']/.test(readFileSync(path.join(ROOT, f), "utf8")))
    .sort();
}

/** "<module>#<export>" for every exported function of every "use server" module. */
export async function serverActions(): Promise<Map<string, unknown>> {
  const found = new Map<string, unknown>();
  for (const file of serverActionModules()) {
    const mod = (await import(path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") found.set(`${file}#${name}`, value);
  }
  return found;
}

export function absolute(file: string): string {
  return path.join(ROOT, file);
}
