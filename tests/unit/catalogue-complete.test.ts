import { describe, expect, it } from "vitest";
import { catalogueFiles } from "@/messages";
import { diffCatalogue, placeholders } from "@/lib/i18n/catalogue-diff";
import { SUPPORTED_LOCALES } from "@/lib/i18n/locales";

// Every language has every English key, no key English lacks, and the same placeholders in each message.
// A failure here after merging English keys from elsewhere: `npx tsx scripts/missing-translations.ts` lists them.
describe.each(SUPPORTED_LOCALES.filter((l) => l !== "en"))("the %s catalogue", (locale) => {
  it("has the same feature files as English", () => {
    expect(Object.keys(catalogueFiles[locale]).sort()).toEqual(Object.keys(catalogueFiles.en).sort());
  });

  it.each(Object.keys(catalogueFiles.en))("%s: same keys and placeholders as English", (file) => {
    const diff = diffCatalogue(catalogueFiles.en[file]!, catalogueFiles[locale][file] ?? {});
    expect(diff.missing, "keys missing (translate them)").toEqual([]);
    expect(diff.extra, "keys English does not have (remove them)").toEqual([]);
    expect(diff.unparsable, "messages that are not valid ICU").toEqual([]);
    expect(diff.placeholderMismatch, "messages whose placeholders differ from English").toEqual([]);
  });
});

describe("placeholder comparison", () => {
  it("sees a dropped argument, a renamed tag and a changed select, but not translated plural text", () => {
    expect(placeholders("{count, plural, =0 {today} one {# day} other {# days}}")).toEqual(placeholders("{count, plural, =0 {i dag} one {# dag} other {# dager}}"));
    expect(diffCatalogue({ a: "Hi {name}" }, { a: "Hei" }).placeholderMismatch).toHaveLength(1);
    expect(diffCatalogue({ a: "<link>add</link>" }, { a: "<lenke>legg til</lenke>" }).placeholderMismatch).toHaveLength(1);
    expect(diffCatalogue({ a: "{s, select, yes {x} other {}}" }, { a: "{s, select, ja {x} other {}}" }).placeholderMismatch).toHaveLength(1);
    expect(diffCatalogue({ a: "x", b: { c: "y" } }, { a: "x", d: "z" })).toMatchObject({ missing: ["b.c"], extra: ["d"] });
  });
});
