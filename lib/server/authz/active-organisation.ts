import "server-only";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/server/env";
import type { CurrentUser, OrganisationChoice } from "@/lib/authz/types";

export const ACTIVE_ORG_COOKIE = "portal-active-org";

/**
 * The organisation the user acts for. The cookie only names a choice; it is honoured only if the user
 * really belongs to that organisation (checked against the database on every request). With a single
 * organisation there is nothing to choose; with several and no valid choice, null (→ the chooser page).
 */
export async function getActiveOrganisation(user: CurrentUser): Promise<OrganisationChoice | null> {
  const chosen = (await cookies()).get(ACTIVE_ORG_COOKIE)?.value;
  const match = user.organisations.find((o) => o.key === chosen);
  if (match) return match;
  return user.organisations.length === 1 ? (user.organisations[0] ?? null) : null;
}

/**
 * The organisation cookie's attributes. `Secure` in production mode (and on any https request), so the choice
 * never travels over plain http; the embedded demo on http://localhost keeps working without it.
 */
export async function activeOrganisationCookieOptions() {
  const https = (await headers()).get("x-forwarded-proto") === "https";
  const secure = env().PORTAL_MODE === "production" || https;
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", maxAge: 60 * 60 * 24 * 365 };
}

export function homePathFor(org: OrganisationChoice): string {
  switch (org.kind) {
    case "merchant":
      return "/merchant/partners";
    case "partner":
      return "/partner/clients";
    case "admin":
      return "/admin/access";
  }
}
