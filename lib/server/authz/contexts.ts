import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { db } from "@/lib/server/db";
import type { MerchantRole, PartnerRole, PartnerStatus } from "@/lib/generated/prisma/enums";
import { getActiveOrganisation } from "@/lib/server/authz/active-organisation";
import { getCurrentUser } from "@/lib/server/authz/current-user";
import type { CurrentUser } from "@/lib/authz/types";

export interface MerchantContext {
  user: CurrentUser;
  merchantId: string;
  merchantName: string;
  role: MerchantRole;
  /** Sales units this user may see: "all" for admins and viewers, the named ones for managers. */
  salesUnitScope: "all" | string[];
}

export interface PartnerContext {
  user: CurrentUser;
  partnerId: string;
  partnerName: string;
  partnerStatus: PartnerStatus;
  role: PartnerRole;
  /** Clients (merchant ids) this user may see: "all" for owners, the assigned ones for accountants. */
  clientScope: "all" | string[];
}

export type ContextFailure = "unauthenticated" | "choose-organisation" | "not-found";
type Resolved<T> = { ok: true; ctx: T } | { ok: false; reason: ContextFailure };

/**
 * The merchant the user acts for, from the session and their membership, never from input. A user whose
 * active organisation is not a merchant resolves to "not-found": another persona sees nothing here. Cached per
 * request (React's cache): the persona layout and the page both ask.
 */
export const resolveMerchantContext = cache(async (): Promise<Resolved<MerchantContext>> => {
  const user = await getCurrentUser();
  if (!user) return { ok: false, reason: "unauthenticated" };
  const org = await getActiveOrganisation(user);
  if (!org) return { ok: false, reason: "choose-organisation" };
  if (org.kind !== "merchant") return { ok: false, reason: "not-found" };
  // The membership read again (it decides what the request may see), in one statement with a manager's sales units.
  const [membership] = await db.$queryRaw<{ role: MerchantRole; name: string; units: string[] }[]>`
    SELECT mm."role"::text AS "role", m."name",
      ARRAY(SELECT s."salesUnitId"::text FROM "MerchantMembershipSalesUnit" s WHERE s."membershipId" = mm."id" AND mm."role" = 'manager') AS "units"
    FROM "MerchantMembership" mm JOIN "Merchant" m ON m."id" = mm."merchantId"
    WHERE mm."userId" = ${user.id}::uuid AND mm."merchantId" = ${org.id}::uuid`;
  if (!membership) return { ok: false, reason: "not-found" };
  return {
    ok: true,
    ctx: {
      user,
      merchantId: org.id,
      merchantName: membership.name,
      role: membership.role,
      salesUnitScope: membership.role === "manager" ? membership.units : "all",
    },
  };
});

/** The partner the user acts for; same rules as resolveMerchantContext. */
export const resolvePartnerContext = cache(async (): Promise<Resolved<PartnerContext>> => {
  const user = await getCurrentUser();
  if (!user) return { ok: false, reason: "unauthenticated" };
  const org = await getActiveOrganisation(user);
  if (!org) return { ok: false, reason: "choose-organisation" };
  if (org.kind !== "partner") return { ok: false, reason: "not-found" };
  const [membership] = await db.$queryRaw<{ role: PartnerRole; name: string; status: PartnerStatus; clients: string[] }[]>`
    SELECT pm."role"::text AS "role", p."name", p."status"::text AS "status",
      ARRAY(SELECT a."merchantId"::text FROM "PartnerClientAssignment" a WHERE a."membershipId" = pm."id" AND pm."role" = 'accountant') AS "clients"
    FROM "PartnerMembership" pm JOIN "AccountingPartner" p ON p."id" = pm."partnerId"
    WHERE pm."userId" = ${user.id}::uuid AND pm."partnerId" = ${org.id}::uuid`;
  if (!membership) return { ok: false, reason: "not-found" };
  return {
    ok: true,
    ctx: {
      user,
      partnerId: org.id,
      partnerName: membership.name,
      partnerStatus: membership.status,
      role: membership.role,
      clientScope: membership.role === "accountant" ? membership.clients : "all",
    },
  };
});

export async function resolveAdminContext(): Promise<Resolved<CurrentUser>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, reason: "unauthenticated" };
  const org = await getActiveOrganisation(user);
  if (!org) return { ok: false, reason: "choose-organisation" };
  if (org.kind !== "admin" || !user.isPlatformAdmin) return { ok: false, reason: "not-found" };
  return { ok: true, ctx: user };
}

/** For pages: the failure becomes the sign-in page, the organisation chooser, or a 404. */
function orFail<T>(resolved: Resolved<T>): T {
  if (resolved.ok) return resolved.ctx;
  if (resolved.reason === "unauthenticated") redirect("/sign-in");
  if (resolved.reason === "choose-organisation") redirect("/select-organisation");
  notFound();
}

export const requireMerchantContext = async () => orFail(await resolveMerchantContext());
export const requirePartnerContext = async () => orFail(await resolvePartnerContext());
export const requirePlatformAdmin = async () => orFail(await resolveAdminContext());
