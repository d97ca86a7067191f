import "server-only";
// use-intl/core: the same translator without React, so scripts and benchmarks run this outside Next.js too.
import { createTranslator } from "use-intl/core";
import { messagesFor, type Messages } from "@/messages";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * The language of texts the server writes for no one person in particular (audit records, consent text: the
 * portal's record language, decision 036). Texts for a person (notifications, e-mails, CSV headers) pass that
 * person's language instead; answers to the person asking use `errorTranslator` (decision 043).
 */
export const SERVER_LOCALE: AppLocale = "en";

/** The one server translator: a namespace of the same catalogue the pages use, in `locale` (SERVER_LOCALE by default). */
export function serverTranslator<N extends Extract<keyof Messages, string>>(namespace: N, locale: AppLocale = SERVER_LOCALE) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}
