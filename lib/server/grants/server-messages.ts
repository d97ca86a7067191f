import "server-only";
import { createTranslator } from "next-intl";
import { messagesFor } from "@/messages";
import type { AppLocale } from "@/lib/i18n/locales";
import { grantSchemas, type GrantErrorKey } from "@/lib/grants/schemas";

/**
 * Texts the server writes itself (notifications, e-mails, error messages of the actions), taken from the
 * same catalogue as the pages. English for now: users have no stored locale yet, and a notification is
 * written once for every reader.
 */
export const SERVER_LOCALE: AppLocale = "en";

export function serverTranslator<N extends "grantErrors" | "grantNotices" | "grantMail" | "grantProblems">(namespace: N, locale: AppLocale = SERVER_LOCALE) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}

const errors = serverTranslator("grantErrors");

/** The schemas the server actions parse with: the same definitions as the forms, with the English texts. */
export const serverGrantSchemas = grantSchemas((key: GrantErrorKey) => errors(key));
