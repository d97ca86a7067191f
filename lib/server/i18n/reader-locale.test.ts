import { describe, expect, it } from "vitest";
import { errorTranslator, readerLocale, withReaderLocale } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

// Decision 043: one server answers many people at once. Each request's language lives in its own async scope, so
// two answers interleaved on the same process never borrow each other's language.
describe("the reader's language under concurrency", () => {
  it("keeps each scope's language across awaits while other scopes run in between", async () => {
    const answer = (locale: "en" | "nb" | "da") =>
      withReaderLocale(locale, async () => {
        const said: string[] = [];
        for (let i = 0; i < 5; i++) {
          await tick();
          said.push(`${readerLocale()}:${serverErrors("notFound")}`);
        }
        return said;
      });
    const [nb, da, en] = await Promise.all([answer("nb"), answer("da"), answer("en")]);
    expect(new Set(nb)).toEqual(new Set(["nb:Fant ikke siden."]));
    expect(new Set(da)).toEqual(new Set(["da:Ikke fundet."]));
    expect(new Set(en)).toEqual(new Set(["en:Not found."]));
  });

  it("says English outside any scope (jobs, scripts), also after scopes ended", async () => {
    await withReaderLocale("nb", async () => tick());
    expect(readerLocale()).toBe("en");
    expect(serverErrors("notFound")).toBe("Not found.");
  });
});
