/**
 * Which catalogue namespaces the client components of each page and layout use: the import graph walked from the
 * route file, every module at or below a "use client" boundary scanned for useTranslations("…").
 * Used by tests/unit/client-messages.test.ts to hold i18n/client-namespaces.ts to the code, and (packages reached by
 * static imports) by tests/unit/first-load-js.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null; // a package: its namespaces are not ours
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (/\.(ts|tsx)$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Specifiers of value imports (type-only imports bring no code), static, re-exported and (unless `staticOnly`) dynamic. */
export function importsOf(source: string, staticOnly = false): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?\bfrom\s*["']([^"']+)["']/g)) if (!m[2]) out.push(m[3]!);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s*["']([^"']+)["']/g)) out.push(m[1]!);
  if (!staticOnly) for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1]!);
  return out;
}

/** Top-level namespaces named by useTranslations("ns" or "ns.sub"); "*" for a bare useTranslations(). */
export function namespacesUsedIn(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/\buseTranslations\(\s*(?:["']([^"']*)["'])?\s*\)/g)) out.push(m[1] ? m[1].split(".")[0]! : "*");
  return out;
}

const isClientModule = (source: string) => /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use client["']/.test(source);
const isServerActionModule = (source: string) => /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use server["']/.test(source);

/**
 * Packages a page's browser bundle needs before it is interactive: from the route files, every module at or below
 * a "use client" boundary, following static imports only (an import() is a chunk loaded on first use) and not
 * into "use server" modules (the browser gets a reference to call). Package name -> the modules importing it.
 * Used by tests/unit/first-load-js.test.ts.
 */
export function clientPackagesFrom(entries: string[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  walkModules(entries, { staticOnly: true, intoServerActions: false }, (file, _source, onClient, unresolved) => {
    if (!onClient) return;
    for (const spec of unresolved) {
      if (spec.startsWith(".") || spec.startsWith("@/")) continue;
      if (!found.has(spec)) found.set(spec, new Set());
      found.get(spec)!.add(path.relative(ROOT, file));
    }
  });
  return found;
}

/**
 * The one walk of the module graph both questions share: every file from the entries, with whether it runs on the
 * client (at or below a "use client" boundary) and the imports that are not project files (packages).
 */
function walkModules(entries: string[], opts: { staticOnly: boolean; intoServerActions: boolean }, onModule: (file: string, source: string, onClient: boolean, unresolved: string[]) => void): void {
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${client ? "c" : "s"}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const source = readFileSync(file, "utf8");
    if (client && !opts.intoServerActions && isServerActionModule(source)) return;
    const onClient = client || isClientModule(source);
    const unresolved: string[] = [];
    for (const spec of importsOf(source, opts.staticOnly)) {
      const target = resolveImport(file, spec);
      if (target) visit(target, onClient);
      else unresolved.push(spec);
    }
    onModule(file, source, onClient, unresolved);
  };
  for (const e of entries) visit(e, false);
}

/** Namespaces reached on the client from these entry files (and the client modules that use each). */
function clientNamespacesFrom(entries: string[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  walkModules(entries, { staticOnly: false, intoServerActions: true }, (file, source, onClient) => {
    if (!onClient) return;
    for (const ns of namespacesUsedIn(source)) {
      if (!found.has(ns)) found.set(ns, new Set());
      found.get(ns)!.add(path.relative(ROOT, file));
    }
  });
  return found;
}

/** A page or layout under app/ (route handlers send no messages), with the route its folder serves. */
export interface RouteFile {
  /** Relative to the project, e.g. "app/(merchant)/merchant/ledger/[msn]/page.tsx". */
  file: string;
  kind: "page" | "layout";
  /** The folder's route: route groups leave no mark, e.g. "/merchant/ledger/[msn]"; the app folder's is "/". */
  route: string;
}

/** Every page.tsx and layout.tsx under app/. */
export function routeFiles(dir = path.join(ROOT, "app")): RouteFile[] {
  const out: RouteFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...routeFiles(p));
    else if (/^(page|layout)\.tsx$/.test(entry.name)) out.push({ file: path.relative(ROOT, p), kind: entry.name.startsWith("page") ? "page" : "layout", route: routeOf(path.dirname(p)) });
  }
  return out;
}

function routeOf(dir: string): string {
  const segments = path.relative(path.join(ROOT, "app"), dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

/** A project file's source. */
export function sourceOf(file: string): string {
  return readFileSync(path.join(ROOT, file), "utf8");
}

/** Namespaces reached on the client from one project file, each with the client modules using it (sorted). */
export function clientNamespacesOf(file: string): Record<string, string[]> {
  return Object.fromEntries([...clientNamespacesFrom([path.join(ROOT, file)])].sort(([a], [b]) => a.localeCompare(b)).map(([ns, users]) => [ns, [...users].sort()]));
}
