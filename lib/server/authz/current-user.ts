import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/server/auth/auth";
import { db } from "@/lib/server/db";
import type { OrganisationChoice, CurrentUser } from "@/lib/authz/types";
import { isAppLocale } from "@/lib/i18n/locales";

/** The signed-in user with every organisation they belong to, or null. Cached per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      isPlatformAdmin: true,
      locale: true,
      merchantMemberships: { select: { role: true, merchant: { select: { id: true, name: true } } }, orderBy: { merchant: { name: "asc" } } },
      partnerMemberships: { select: { role: true, partner: { select: { id: true, name: true } } }, orderBy: { partner: { name: "asc" } } },
    },
  });
  if (!user) return null;
  const organisations: OrganisationChoice[] = [
    ...user.merchantMemberships.map((m) => ({ key: `m:${m.merchant.id}`, kind: "merchant" as const, id: m.merchant.id, name: m.merchant.name, role: m.role })),
    ...user.partnerMemberships.map((m) => ({ key: `p:${m.partner.id}`, kind: "partner" as const, id: m.partner.id, name: m.partner.name, role: m.role })),
    ...(user.isPlatformAdmin ? [{ key: "admin", kind: "admin" as const, id: "admin", name: "Platform administration", role: "admin" }] : []),
  ];
  return { id: user.id, email: user.email, name: user.name, isPlatformAdmin: user.isPlatformAdmin, locale: isAppLocale(user.locale) ? user.locale : null, organisations };
});

/** Pages call this first: no session → the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
