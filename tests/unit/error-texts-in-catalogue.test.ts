import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Every text the server sends a person as an error comes from the catalogue (serverTranslator, namespace
 * `serverErrors` or the feature's), so it has its nb and da twins. This scans the action and route code for the
 * ways an error text leaves the server and fails on a string literal in the message position:
 *   new AppError(CODE, "…")   fail(CODE, "…")   plain(403, "…") / plainResponse(404, "…")   { message: "…" }
 * A template literal or a plain string counts; a translator call, a variable or a zod issue's message does not.
 */
const ROOTS = ["lib/server", "app"];
const PATTERNS: { name: string; re: RegExp }[] = [
  { name: "new AppError(code, literal)", re: /new AppError\(\s*"[A-Z_]+"\s*,\s*["'`]/g },
  { name: "fail(code, literal)", re: /\bfail\(\s*"[A-Z_]+"\s*,\s*["'`]/g },
  { name: "plain response with a literal", re: /\bplain(?:Response)?\(\s*\d{3}\s*,\s*["'`]/g },
  { name: "message: literal", re: /\bmessage:\s*["'`][^"'`]*[A-Za-z]{2}/g },
  { name: "field error literal", re: /new AppError\([^;]*?\{\s*[\w.]+:\s*["'`]/g },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

/** Comments removed (line and block), so a doc comment quoting an old message does not count. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");

describe("error texts sent to people are in the catalogue", () => {
  const files = ROOTS.flatMap((r) => sourceFiles(r));

  it("scans the action and route code", () => {
    // A moved folder must not make this test pass by finding nothing.
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.endsWith(join("lib", "server", "actions", "define-action.ts")))).toBe(true);
  });

  it("finds no literal error text in lib/server or app", () => {
    const found: string[] = [];
    for (const file of files) {
      const text = code(readFileSync(file, "utf8"));
      for (const { name, re } of PATTERNS) {
        for (const m of text.matchAll(re)) {
          const line = text.slice(0, m.index).split("\n").length;
          found.push(`${relative(".", file)}:${line} ${name}: ${text.split("\n")[line - 1]!.trim().slice(0, 120)}`);
        }
      }
    }
    expect(found, "move these texts to messages/en/*.json (with nb and da) and use serverTranslator").toEqual([]);
  });

  it("would catch each form (the patterns are live)", () => {
    const samples = [
      'throw new AppError("NOT_FOUND", "Not found.");',
      'return fail("FORBIDDEN", `Nope ${x}`);',
      'return plainResponse(404, "Not found.");',
      "return plain(403, 'Your role does not allow this.');",
      'return { ok: false, message: "The journal is for accounting partners." };',
      'throw new AppError("INVALID_INPUT", serverErrors("x"), { reason: "Say why." });',
    ];
    for (const s of samples) expect(PATTERNS.some(({ re }) => new RegExp(re.source).test(code(s))), s).toBe(true);
    const fine = ['throw new AppError("NOT_FOUND", serverErrors("notFound"));', "return plain(400, parsed.error.issues.map((i) => i.message).join(\" \"));", 'logger().info({ message: "x" })'];
    expect(fine.filter((s) => PATTERNS.slice(0, 3).some(({ re }) => new RegExp(re.source).test(code(s))))).toEqual([]);
  });
});
