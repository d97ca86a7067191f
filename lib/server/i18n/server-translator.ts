import "server-only";
import { createTranslator } from "next-intl";
import messages from "@/messages/en";

/**
 * The one locale of texts the server writes itself (notifications, e-mails, action errors, CSV headers). English:
 * users have no stored locale yet, and a notification is written once for every reader.
 */
export const SERVER_LOCALE = "en";

/** The one server translator: a namespace of the same catalogue the pages use, in SERVER_LOCALE. */
export function serverTranslator<N extends keyof typeof messages & string>(namespace: N) {
  return createTranslator({ locale: SERVER_LOCALE, messages, namespace });
}
