import "server-only";
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
 * active organisation is not a merchant resolves to "not-found": another persona sees nothing here.
 */
export async function resolveMerchantContext(): Promise<Resolved<MerchantContext>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, reason: "unauthenticated" };
  const org = await getActiveOrganisation(user);
  if (!org) return { ok: false, reason: "choose-organisation" };
  if (org.kind !== "merchant") return { ok: false, reason: "not-found" };
  const membership = await db.merchantMembership.findUnique({
    where: { userId_merchantId: { userId: user.id, merchantId: org.id } },
    select: { role: true, merchant: { select: { name: true } }, salesUnits: { select: { salesUnitId: true } } },
  });
  if (!membership) return { ok: false, reason: "not-found" };
  return {
    ok: true,
    ctx: {
      user,
      merchantId: org.id,
      merchantName: membership.merchant.name,
      role: membership.role,
      salesUnitScope: membership.role === "manager" ? membership.salesUnits.map((s) => s.salesUnitId) : "all",
    },
  };
}

/** The partner the user acts for; same rules as resolveMerchantContext. */
export async function resolvePartnerContext(): Promise<Resolved<PartnerContext>> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, reason: "unauthenticated" };
  const org = await getActiveOrganisation(user);
  if (!org) return { ok: false, reason: "choose-organisation" };
  if (org.kind !== "partner") return { ok: false, reason: "not-found" };
  const membership = await db.partnerMembership.findUnique({
    where: { userId_partnerId: { userId: user.id, partnerId: org.id } },
    select: { role: true, partner: { select: { name: true, status: true } }, assignments: { select: { merchantId: true } } },
  });
  if (!membership) return { ok: false, reason: "not-found" };
  return {
    ok: true,
    ctx: {
      user,
      partnerId: org.id,
      partnerName: membership.partner.name,
      partnerStatus: membership.partner.status,
      role: membership.role,
      clientScope: membership.role === "accountant" ? membership.assignments.map((a) => a.merchantId) : "all",
    },
  };
}

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
