/**
 * The languages the portal speaks. English is the fallback; Norwegian Bokmål and Danish are complete catalogues.
 * Finnish follows by adding "fi" here, messages/fi/ (a copy of messages/nb/index.ts) and its line in
 * messages/index.ts: the catalogue test then names every key still missing.
 *
 * Pure: imported by the request config, the language switch, the e-mail senders and the tests.
 */
export const SUPPORTED_LOCALES = ["en", "nb", "da"] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "en";

/** Each language's own name, as its speakers write it (the switch shows these, never translated). */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: "English", nb: "Norsk bokmål", da: "Dansk" };

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * The best supported language for an Accept-Language header, else English. Norwegian browsers send "nb", "no" or
 * "nn" (Nynorsk readers read Bokmål more easily than English), Danish ones "da"; region tags ("nb-NO") count as
 * their language. Quality values order the choices; a malformed entry is skipped.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): AppLocale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranked) {
    const language = tag.split("-")[0];
    if (language === "no" || language === "nn" || language === "nb") return "nb";
    if (isAppLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}
