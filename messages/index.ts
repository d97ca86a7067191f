import type { AppLocale } from "@/lib/i18n/locales";
import en, { catalogues as enFiles } from "./en";
import nb, { catalogues as nbFiles } from "./nb";
import da, { catalogues as daFiles } from "./da";

/** The English catalogue is the shape every other language must have (tests/unit/catalogue-complete.test.ts). */
export type Messages = typeof en;

const ALL: Record<AppLocale, Messages> = { en, nb: nb as Messages, da: da as Messages };

/** One language's whole catalogue. */
export function messagesFor(locale: AppLocale): Messages {
  return ALL[locale];
}

/** Every language's catalogue per feature file, for the completeness test and scripts/missing-translations.ts. */
export const catalogueFiles: Record<AppLocale, Record<string, Record<string, unknown>>> = { en: enFiles, nb: nbFiles, da: daFiles };
