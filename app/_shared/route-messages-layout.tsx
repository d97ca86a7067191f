import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { clientMessages, type ClientMessageRoute } from "@/i18n/client-namespaces";
import type { AppLocale } from "@/lib/i18n/locales";

/**
 * The layout of a route whose client components need messages: it sends the browser that route's part of the
 * catalogue (i18n/client-namespaces.ts) and nothing else. A layout rather than a wrapper in the page, so the pages
 * stay as they are and one map holds every route's set.
 */
export function routeMessagesLayout(route: ClientMessageRoute) {
  return async function RouteMessagesLayout({ children }: { children: ReactNode }) {
    const locale = (await getLocale()) as AppLocale;
    return <NextIntlClientProvider messages={clientMessages(route, locale)}>{children}</NextIntlClientProvider>;
  };
}
