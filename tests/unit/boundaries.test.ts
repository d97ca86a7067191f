/**
 * The layer boundaries of style.md are held by ESLint (eslint.config.mjs). These tests pin the two facts the lint
 * rules rely on, and show each rule refusing what it is there to refuse, so a config edit cannot quietly drop one.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
// The files on disk, not `git ls-files`: CI's second leg tests a copy of the repository without its .git.
const filesUnder = (dir: string) => readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" }).map((f) => path.posix.join(dir, f.split(path.sep).join("/")));

describe("action modules", () => {
  it("every lib/server file named *actions.ts is a \"use server\" module (the lint rule lets components import exactly these)", () => {
    const named = filesUnder("lib/server").filter((f) => /(^|\/|-)actions\.ts$/.test(f));
    expect(named.length).toBeGreaterThan(10);
    const notActions = named.filter((f) => !readFileSync(path.join(ROOT, f), "utf8").startsWith('"use server";'));
    expect(notActions).toEqual([]);
  });
});

describe("the lint boundaries", () => {
  // Plain JavaScript, so the type-aware rules (which need the file in the TypeScript project) stay out of it.
  const eslint = new ESLint({ cwd: ROOT });
  const lint = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
  };

  it("a component may import an action module, and not the data layer, its types or server-only", async () => {
    expect(await lint("components/x/ok.js", 'import { markNotificationsReadAction } from "@/lib/server/notifications/inbox-actions";\nimport { grantAction } from "@/lib/server/grants/actions";\nexport const a = [markNotificationsReadAction, grantAction];\n')).toEqual([]);
    expect(await lint("components/x/bad.js", 'import { listInbox } from "@/lib/server/notifications/inbox";\nexport const a = listInbox;\n')).toHaveLength(1);
    expect(await lint("components/x/bad.js", 'import { db } from "../../lib/server/db";\nexport const a = db;\n')).toHaveLength(1);
    expect(await lint("components/x/bad.js", 'import "server-only";\n')).toHaveLength(1);
  }, 60_000);

  it("a page may read through the data layer, and not call the Report API client", async () => {
    expect(await lint("app/x/page.js", 'import { listInbox } from "@/lib/server/notifications/inbox";\nexport const a = listInbox;\n')).toEqual([]);
    expect(await lint("app/x/page.js", 'import { createReportApiClient } from "@/lib/report-api";\nexport const a = createReportApiClient;\n')).toHaveLength(1);
  }, 60_000);

  it("the Report API client and the sandbox stay free of Next.js and of the app", async () => {
    for (const file of ["lib/report-api/x.js", "sandbox/x.js"]) {
      expect(await lint(file, 'import { headers } from "next/headers";\nexport const a = headers;\n')).toHaveLength(1);
      expect(await lint(file, 'import { getTranslations } from "next-intl/server";\nexport const a = getTranslations;\n')).toHaveLength(1);
      expect(await lint(file, 'import { env } from "@/lib/server/env";\nexport const a = env;\n')).toHaveLength(1);
      expect(await lint(file, 'import { z } from "zod";\nexport const a = z;\n')).toEqual([]);
    }
  }, 60_000);
});
