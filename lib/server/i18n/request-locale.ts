import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { getCurrentUser } from "@/lib/server/authz/current-user";
import { negotiateLocale, type AppLocale } from "@/lib/i18n/locales";

/**
 * The language of this request: the signed-in person's choice, else the browser's Accept-Language, else English
 * (docs/decisions/036). The user is the per-request cached one the page loads anyway, so this adds no query.
 */
export const requestLocale = cache(async (): Promise<AppLocale> => {
  const user = await getCurrentUser().catch(() => null);
  if (user?.locale) return user.locale;
  return negotiateLocale((await headers()).get("accept-language"));
});
