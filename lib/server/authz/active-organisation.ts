import "server-only";
import { cookies } from "next/headers";
import type { CurrentUser, OrganisationChoice } from "@/lib/server/authz/current-user";

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
