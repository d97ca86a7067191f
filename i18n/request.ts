import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "@/messages";
import { requestLocale } from "@/lib/server/i18n/request-locale";

// The person's language (stored on the user), else the browser's, else English: lib/server/i18n/request-locale.ts.
// The languages themselves are listed in lib/i18n/locales.ts; their texts in messages/<locale>/.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, timeZone: "Europe/Oslo", messages: messagesFor(locale) };
});
