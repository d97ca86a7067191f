import type { AppLocale } from "@/lib/i18n/locales";
// The signed-in user as pages and components receive it (pure: no server code, safe in the browser).

export interface OrganisationChoice {
  /** "m:<merchantId>", "p:<partnerId>" or "admin": the value kept in the active-organisation cookie. */
  key: string;
  kind: "merchant" | "partner" | "admin";
  id: string;
  name: string;
  role: string;
}
export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
  /** The language the person chose in the portal; null follows the browser. */
  locale?: AppLocale | null;
  organisations: OrganisationChoice[];
}
