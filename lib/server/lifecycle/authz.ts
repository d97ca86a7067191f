import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { MerchantContext, PartnerContext } from "@/lib/server/authz/contexts";
import { merchantCan, partnerCan, type MerchantPermission, type PartnerPermission } from "@/lib/server/authz/permissions";
import { lifecycleTranslator } from "@/lib/server/lifecycle/server-messages";

/**
 * The core functions check the role again (the action wrappers already did): they are also called from
 * tests and jobs, and a forgotten wrapper must not turn into a privilege. Same tenant, wrong role → 403.
 */
export function assertMerchantCan(ctx: MerchantContext, perm: MerchantPermission): void {
  if (!merchantCan(ctx.role, perm)) throw new AppError("FORBIDDEN", lifecycleTranslator("lifecycleProblems")("forbidden"));
}

/** A suspended partner may do nothing; otherwise as the partner permission table says. */
export function assertPartnerCan(ctx: PartnerContext, perm: PartnerPermission): void {
  if (ctx.partnerStatus === "suspended" || !partnerCan(ctx.role, perm)) throw new AppError("FORBIDDEN", lifecycleTranslator("lifecycleProblems")("forbidden"));
}

/** The audit trail's actor for a signed-in person. */
export function actorOf(ctx: { user: { id: string; name: string | null; email: string } }): { actorUserId: string; actorLabel: string } {
  // Same form as the grant core's events ("Name <email>"), so the audit trail reads alike.
  return { actorUserId: ctx.user.id, actorLabel: ctx.user.name ? `${ctx.user.name} <${ctx.user.email}>` : ctx.user.email };
}

/** Jobs act as "system". */
export const SYSTEM_ACTOR = { actorUserId: null, actorLabel: "system" } as const;
