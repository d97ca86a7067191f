import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/server/auth/auth";
import { db } from "@/lib/server/db";
import type { OrganisationChoice, CurrentUser } from "@/lib/authz/types";
import { isAppLocale } from "@/lib/i18n/locales";

interface UserRow {
  id: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
  locale: string | null;
  merchants: { id: string; name: string; role: string }[];
  partners: { id: string; name: string; role: string }[];
}

/**
 * The signed-in user with every organisation they belong to, or null. Cached per request.
 * One statement: every page's frame reads this, and Prisma's relation loading took five (the user, each
 * membership table, each organisation table), a fixed cost on every request (decision 051).
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const [user] = await db.$queryRaw<UserRow[]>`
    SELECT u."id", u."email", u."name", u."isPlatformAdmin", u."locale",
      COALESCE((SELECT json_agg(json_build_object('id', m."id", 'name', m."name", 'role', mm."role") ORDER BY m."name", m."id")
        FROM "MerchantMembership" mm JOIN "Merchant" m ON m."id" = mm."merchantId" WHERE mm."userId" = u."id"), '[]') AS "merchants",
      COALESCE((SELECT json_agg(json_build_object('id', p."id", 'name', p."name", 'role', pm."role") ORDER BY p."name", p."id")
        FROM "PartnerMembership" pm JOIN "AccountingPartner" p ON p."id" = pm."partnerId" WHERE pm."userId" = u."id"), '[]') AS "partners"
    FROM "User" u WHERE u."id" = ${userId}::uuid`;
  if (!user) return null;
  const organisations: OrganisationChoice[] = [
    ...user.merchants.map((m) => ({ key: `m:${m.id}`, kind: "merchant" as const, id: m.id, name: m.name, role: m.role })),
    ...user.partners.map((m) => ({ key: `p:${m.id}`, kind: "partner" as const, id: m.id, name: m.name, role: m.role })),
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
