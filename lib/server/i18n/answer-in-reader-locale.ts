import "server-only";
import { requestLocale } from "@/lib/server/i18n/request-locale";
import { withReaderLocale } from "@/lib/server/i18n/reader-locale";
import { SERVER_LOCALE } from "@/lib/server/i18n/server-translator";

/**
 * Runs an action's or a route's work in the language of the person asking (their choice, else Accept-Language).
 * Apart from reader-locale.ts, so the data layer's error texts do not pull in the request (session, headers).
 */
export async function answerInReaderLocale<T>(run: () => Promise<T>): Promise<T> {
  const locale = await requestLocale().catch(() => SERVER_LOCALE);
  return withReaderLocale(locale, run);
}
