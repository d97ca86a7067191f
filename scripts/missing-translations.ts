/**
 * Lists, per language, the catalogue keys that differ from English: missing (added to messages/en since the
 * translation), extra (removed or renamed in English) and placeholder mismatches. For merging branches that add
 * English text: run it, translate what it names, and tests/unit/catalogue-complete.test.ts passes again.
 *
 *   npx tsx scripts/missing-translations.ts          # every language
 *   npx tsx scripts/missing-translations.ts nb --json
 */
import { catalogueFiles } from "@/messages";
import { diffCatalogue, flatten } from "@/lib/i18n/catalogue-diff";
import { SUPPORTED_LOCALES, isAppLocale } from "@/lib/i18n/locales";

const args = process.argv.slice(2);
const json = args.includes("--json");
const chosen = args.filter((a) => !a.startsWith("--"));
const locales = (chosen.length ? chosen : SUPPORTED_LOCALES).filter((l) => l !== "en");
const report: Record<string, Record<string, { missing: Record<string, string>; extra: string[]; placeholders: string[] }>> = {};
let problems = 0;

for (const locale of locales) {
  if (!isAppLocale(locale)) throw new Error(`Unknown language ${locale}; supported: ${SUPPORTED_LOCALES.join(", ")}`);
  for (const [file, english] of Object.entries(catalogueFiles.en)) {
    const diff = diffCatalogue(english, catalogueFiles[locale][file] ?? {});
    const texts = flatten(english);
    const count = diff.missing.length + diff.extra.length + diff.placeholderMismatch.length + diff.unparsable.length;
    if (!count) continue;
    problems += count;
    (report[locale] ??= {})[file] = {
      missing: Object.fromEntries(diff.missing.map((k) => [k, texts.get(k) ?? ""])),
      extra: diff.extra,
      placeholders: [...diff.placeholderMismatch.map((m) => m.key), ...diff.unparsable],
    };
  }
}

if (json) console.log(JSON.stringify(report, null, 2));
else if (!problems) console.log(`Every catalogue (${locales.join(", ")}) has exactly the English keys and placeholders.`);
else
  for (const [locale, files] of Object.entries(report))
    for (const [name, { missing, extra, placeholders }] of Object.entries(files)) {
      const file = `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.json`;
      for (const [key, text] of Object.entries(missing)) console.log(`${locale}\tmessages/${locale}/${file}\tmissing\t${key}\t${text}`);
      for (const key of extra) console.log(`${locale}\tmessages/${locale}/${file}\textra\t${key}`);
      for (const key of placeholders) console.log(`${locale}\tmessages/${locale}/${file}\tplaceholders\t${key}`);
    }
process.exitCode = problems ? 1 : 0;
