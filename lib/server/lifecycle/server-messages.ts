import "server-only";
import { createTranslator } from "next-intl";
import messages from "@/messages/en";
import { lifecycleSchemas, type LifecycleErrorKey } from "@/lib/lifecycle/schemas";

/**
 * Texts the lifecycle code writes itself (action errors, notifications, e-mails, CSV headers), from the same
 * catalogue as the pages. English: users have no stored locale yet, and a notification is written once.
 */
export const SERVER_LOCALE = "en";

type Namespace = "lifecycleErrors" | "lifecycleProblems" | "lifecycleNotices" | "accessLog";

export function lifecycleTranslator<N extends Namespace>(namespace: N) {
  return createTranslator({ locale: SERVER_LOCALE, messages, namespace });
}

const errors = lifecycleTranslator("lifecycleErrors");

/** The schemas the server actions parse with: the same definitions as the forms, with the English texts. */
export const serverLifecycleSchemas = lifecycleSchemas((key: LifecycleErrorKey, values) => errors(key, values));
