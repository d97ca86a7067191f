import "server-only";
import { createTranslator } from "next-intl";
import { messagesFor, type Messages } from "@/messages";
import type { AppLocale } from "@/lib/i18n/locales";

/** A translator for text the server writes outside a page (e-mails, notifications, CSV headers), in `locale`. */
export function translatorFor<N extends Extract<keyof Messages, string>>(locale: AppLocale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}
