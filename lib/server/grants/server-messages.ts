import "server-only";
import { createTranslator } from "next-intl";
import messages from "@/messages/en";
import { grantSchemas, type GrantErrorKey } from "@/lib/grants/schemas";

/**
 * Texts the server writes itself (notifications, e-mails, error messages of the actions), taken from the
 * same catalogue as the pages. English for now: users have no stored locale yet, and a notification is
 * written once for every reader.
 */
export const SERVER_LOCALE = "en";

export function serverTranslator<N extends "grantErrors" | "grantNotices" | "grantMail" | "grantProblems">(namespace: N) {
  return createTranslator({ locale: SERVER_LOCALE, messages, namespace });
}

const errors = serverTranslator("grantErrors");

/** The schemas the server actions parse with: the same definitions as the forms, with the English texts. */
export const serverGrantSchemas = grantSchemas((key: GrantErrorKey) => errors(key));
