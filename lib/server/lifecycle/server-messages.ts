import "server-only";
import { createTranslator } from "next-intl";
import { messagesFor } from "@/messages";
import type { AppLocale } from "@/lib/i18n/locales";
import { lifecycleSchemas, type LifecycleErrorKey } from "@/lib/lifecycle/schemas";

/**
 * Texts the lifecycle code writes itself (action errors, notifications, e-mails, CSV headers), from the same
 * catalogue as the pages. English: users have no stored locale yet, and a notification is written once.
 */
export const SERVER_LOCALE: AppLocale = "en";

type Namespace = "lifecycleErrors" | "lifecycleProblems" | "lifecycleNotices" | "accessLog";

export function lifecycleTranslator<N extends Namespace>(namespace: N, locale: AppLocale = SERVER_LOCALE) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}

const errors = lifecycleTranslator("lifecycleErrors");

/** The schemas the server actions parse with: the same definitions as the forms, with the English texts. */
export const serverLifecycleSchemas = lifecycleSchemas((key: LifecycleErrorKey, values) => errors(key, values));
