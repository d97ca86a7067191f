import "server-only";
import { messagesFor, type Messages } from "@/messages";
import type { AppLocale } from "@/lib/i18n/locales";
type Namespace = keyof Messages;

/**
 * The catalogue namespaces sent to the browser, per provider: only what the client components below it call
 * useTranslations with. Server components translate with getTranslations, which sends nothing. Each provider's
 * messages travel in every page below it, so the sets sit as close to the pages as a layout can:
 *
 * - `/`: the root layout (organisation choice, not found, the toaster);
 * - `shell`: each persona's frame (app/_shared/persona-shell.tsx), for the frame's own client components;
 * - a route (`/merchant/ledger/[msn]`): that folder's `layout.tsx`, `export default routeMessagesLayout(route)`
 *   (app/_shared/route-messages-layout.tsx), for the client components of its page and of the pages below it that
 *   have no layout of their own.
 *
 * A nested provider replaces the messages of the one above it (use-intl does not merge them), so a route's set
 * names everything its pages' client components use, and a page that sends nothing needs no layout.
 * A client component that starts using a namespace (or a new page with client components) needs an entry here
 * and, for a new route, its layout: tests/unit/client-messages.test.ts walks the imports from every page and
 * layout and names what is missing or no longer used.
 */
export const CLIENT_NAMESPACES = {
  "/": [],
  shell: ["notifications"],
  "/sign-in": ["signIn"],

  "/merchant/access-log": ["accessLog", "exports"],
  "/merchant/approvals": ["grantDetail"],
  "/merchant/keys": ["apiKeys", "formErrors"],
  "/merchant/ledger/[msn]": ["entryTypes", "exports", "formErrors", "journal", "ledgerBackfill", "ledgerChecks", "ledgerSync", "ledgerView"],
  "/merchant/partners": ["partnersOverview"],
  "/merchant/partners/grants/[grantId]": ["formErrors", "grantDetail", "grantErrors", "grantForm", "grantNotices"],
  "/merchant/partners/new": ["entryTypes", "formErrors", "grantErrors", "grantForm", "grantNotices", "grantPreview", "merchantPartners"],
  // The requests and, below them, the renewals page.
  "/merchant/requests": ["fourEyesHint", "formErrors", "lifecycleErrors", "merchantRequests", "renewals"],

  "/partner/clients/[merchantId]/journal-accounts": ["formErrors", "journal"],
  "/partner/keys": ["apiKeys", "formErrors"],
  "/partner/ledgers/[ledgerId]": ["entryTypes", "exports", "formErrors", "journal", "ledgerBackfill", "ledgerChecks", "ledgerSync", "ledgerView"],
  "/partner/requests": ["formErrors", "lifecycleErrors", "partnerRequests"],
  "/partner/staff": ["formErrors", "lifecycleErrors", "partnerStaff"],

  "/admin/audit": ["adminAudit"],
  "/admin/partners": ["adminPartners", "formErrors"],
  "/admin/reconciliation": ["reconciliation"],
} as const satisfies Record<string, readonly Namespace[]>;

type Provider = keyof typeof CLIENT_NAMESPACES;
/** A route with a layout of its own that sends its part of the catalogue. */
export type ClientMessageRoute = Exclude<Provider, "/" | "shell">;

/** The part of the catalogue a provider's client components need (for NextIntlClientProvider's `messages`). */
export function clientMessages<P extends Provider>(provider: P, locale: AppLocale): Pick<Messages, (typeof CLIENT_NAMESPACES)[P][number]> {
  const names: readonly Namespace[] = CLIENT_NAMESPACES[provider];
  const messages = messagesFor(locale);
  return Object.fromEntries(names.map((ns) => [ns, messages[ns]])) as Pick<Messages, (typeof CLIENT_NAMESPACES)[P][number]>;
}
