import "server-only";
import { messagesFor, type Messages } from "@/messages";
import type { AppLocale } from "@/lib/i18n/locales";
type Namespace = keyof Messages;

/**
 * The catalogue namespaces sent to the browser, per route group: only what the group's client components call
 * useTranslations with. Server components translate with getTranslations, which sends nothing. The root layout's
 * provider serves the pages outside a persona (sign-in, organisation choice, not found); each persona's frame
 * (app/_shared/persona-shell.tsx) replaces it with its own set.
 *
 * A client component that starts using a namespace (or a new namespace file in messages/en/) needs the namespace
 * added here for each group whose pages show the component: tests/unit/client-messages.test.ts walks the imports
 * from app/(group)/ and names what is missing or no longer used.
 */
export const CLIENT_NAMESPACES = {
  root: ["signIn"],
  merchant: [
    "accessLog",
    "apiKeys",
    "entryTypes",
    "exports",
    "formErrors",
    "fourEyesHint",
    "grantDetail",
    "grantErrors",
    "grantForm",
    "grantNotices",
    "grantPreview",
    "journal",
    "ledgerBackfill",
    "ledgerChecks",
    "ledgerSync",
    "ledgerView",
    "lifecycleErrors",
    "merchantPartners",
    "merchantRequests",
    "notifications",
    "partnersOverview",
    "renewals",
  ],
  partner: ["apiKeys", "entryTypes", "exports", "formErrors", "journal", "ledgerBackfill", "ledgerChecks", "ledgerSync", "ledgerView", "lifecycleErrors", "notifications", "partnerRequests", "partnerStaff"],
  admin: ["adminAudit", "adminPartners", "formErrors", "notifications", "reconciliation"],
} as const satisfies Record<string, readonly Namespace[]>;

export type ClientMessageGroup = keyof typeof CLIENT_NAMESPACES;

/** The part of the catalogue a route group's client components need (for NextIntlClientProvider's `messages`). */
export function clientMessages<G extends ClientMessageGroup>(group: G, locale: AppLocale): Pick<Messages, (typeof CLIENT_NAMESPACES)[G][number]> {
  const names: readonly Namespace[] = CLIENT_NAMESPACES[group];
  const messages = messagesFor(locale);
  return Object.fromEntries(names.map((ns) => [ns, messages[ns]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[G][number]>;
}
