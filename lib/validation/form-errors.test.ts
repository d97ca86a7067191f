import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { formError, formErrorText } from "@/lib/validation/form-errors";
import { exportOptionsSchema, parseExportQuery } from "@/lib/exports/schemas";
import { journalAccountsSchema } from "@/lib/journal/accounts";
import { suspendPartnerSchema } from "@/lib/admin-partners/schemas";
import coreEn from "@/messages/en/core.json";
import coreNb from "@/messages/nb/core.json";
import coreDa from "@/messages/da/core.json";

const en = createTranslator({ locale: "en", messages: coreEn, namespace: "formErrors" });
const nb = createTranslator({ locale: "nb", messages: coreNb, namespace: "formErrors" });
const da = createTranslator({ locale: "da", messages: coreDa, namespace: "formErrors" });
const firstMessage = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues[0]?.message ?? "";

describe("schema messages as catalogue keys", () => {
  it("carries the key and its values, and says them in each language", () => {
    const message = formError("tooLong", { max: 366 });
    expect(message).toBe("formErrors.tooLong?max=366");
    expect(formErrorText(message, en)).toBe("Choose at most 366 days at a time.");
    expect(formErrorText(message, nb)).toBe("Velg høyst 366 dager om gangen.");
    expect(formErrorText(message, da)).toBe("Vælg højst 366 dage ad gangen.");
  });

  it("shows any other message as it is, an unknown key included", () => {
    expect(formErrorText("Search for at most 100 characters.", nb)).toBe("Search for at most 100 characters.");
    expect(formErrorText("formErrors.noSuchKey", nb)).toBe("formErrors.noSuchKey");
  });

  it("says an export's, an account's and a suspension's mistakes in the reader's language", () => {
    const exportRange = exportOptionsSchema.safeParse({ from: "2026-01-01", to: "2027-06-01", format: "csv" });
    expect(formErrorText(firstMessage(exportRange), nb)).toBe("Velg høyst 366 dager om gangen.");
    expect(formErrorText(firstMessage(exportOptionsSchema.safeParse({ from: "2026-01-01", to: "2026-01-02", format: "pdf" })), da)).toBe("Vælg CSV eller XLSX.");
    const query = parseExportQuery(new URLSearchParams("from=2026-01-01&to=2026-01-02&format=csv&tz=Mars/Olympus"));
    expect(query.ok ? "" : formErrorText(query.message, en)).toBe("Choose a time zone from the list.");

    const account = journalAccountsSchema.safeParse({ ...validAccounts(), fees: "12345678901234" });
    expect(formErrorText(firstMessage(account), nb)).toBe("Bruk høyst 12 tegn.");

    const suspension = suspendPartnerSchema.safeParse({ partnerId: "7d3f4c8e-2b1a-4c5d-9e6f-0a1b2c3d4e5f", reason: "no" });
    expect(formErrorText(firstMessage(suspension), da)).toMatch(/^Skriv, hvorfor partneren suspenderes/);
  });

  it("finds no English message literal in the shared schemas (lib outside lib/server)", () => {
    const found: string[] = [];
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? (d.name === "server" || d.name === "generated" ? [] : walk(join(dir, d.name))) : [join(dir, d.name)]));
    for (const file of walk("lib").filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f) && !f.endsWith(join("config", "env-schema.ts")))) {
      const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
      for (const m of text.matchAll(/(?:\b(?:error|message):\s*|,\s*)["'`][A-Z$][^"'`]*[a-z}]{2}[.!?]["'`]/g)) found.push(`${file}: ${m[0]}`);
    }
    expect(found, "use formError(key) and add the key to formErrors in messages/*/core.json").toEqual([]);
  });
});

function validAccounts() {
  return journalAccountsSchema.parse(Object.fromEntries(Object.keys(journalAccountsSchema.shape).map((k) => [k, "1920"])));
}
