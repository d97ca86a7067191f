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
  organisations: OrganisationChoice[];
}
