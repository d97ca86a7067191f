import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { MerchantContext, PartnerContext } from "@/lib/server/authz/contexts";
import { merchantCan, partnerCan, type MerchantPermission, type PartnerPermission } from "@/lib/server/authz/permissions";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const problems = errorTranslator("lifecycleProblems");

/**
 * The one family of permission checks: `require…` throws FORBIDDEN (same tenant, wrong role → 403). The core
 * functions check the role again although the action wrappers already did: they are also called from tests and
 * jobs, and a forgotten wrapper must not turn into a privilege.
 */
export function requireMerchantCan(ctx: Pick<MerchantContext, "role">, perm: MerchantPermission, message?: string): void {
  if (!merchantCan(ctx.role, perm)) throw new AppError("FORBIDDEN", message ?? problems("forbidden"));
}

/** A suspended partner may do nothing; otherwise as the partner permission table says. */
export function requirePartnerCan(ctx: Pick<PartnerContext, "role" | "partnerStatus">, perm: PartnerPermission): void {
  if (ctx.partnerStatus === "suspended" || !partnerCan(ctx.role, perm)) throw new AppError("FORBIDDEN", problems("forbidden"));
}
