"use server";
import "server-only";
import { adminAction } from "@/lib/server/actions/define-action";
import { partnerRefSchema, suspendPartnerSchema } from "@/lib/admin-partners/schemas";
import { changePartnerStatus } from "@/lib/server/admin-partners/change-partner-status";

/** A4: approve a pending partner. Platform admins only. */
export const approvePartnerAction = adminAction(partnerRefSchema, async ({ input, ctx }) => changePartnerStatus(ctx, { partnerId: input.partnerId, step: "approve" }));

/** A4: suspend an approved partner, with a reason its staff and merchants are shown. Platform admins only. */
export const suspendPartnerAction = adminAction(suspendPartnerSchema, async ({ input, ctx }) => changePartnerStatus(ctx, { partnerId: input.partnerId, step: "suspend", reason: input.reason }));

/** A4: re-activate a suspended partner. Platform admins only. */
export const reactivatePartnerAction = adminAction(partnerRefSchema, async ({ input, ctx }) => changePartnerStatus(ctx, { partnerId: input.partnerId, step: "reactivate" }));
