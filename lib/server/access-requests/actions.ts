"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { merchantAction, partnerAction } from "@/lib/server/actions/define-action";
import { approveAccessRequest } from "@/lib/server/access-requests/approve-access-request";
import { createAccessRequest } from "@/lib/server/access-requests/create-access-request";
import { declineAccessRequest } from "@/lib/server/access-requests/decline-access-request";
import { withdrawAccessRequest } from "@/lib/server/access-requests/withdraw-access-request";
import { serverLifecycleSchemas as s } from "@/lib/server/actions/lifecycle-schemas";

/** P7: a partner owner asks a merchant for access. */
export const createAccessRequestAction = partnerAction(s.createAccessRequestSchema, "requests.write", async ({ input, ctx }) => {
  const created = await createAccessRequest(ctx, input);
  revalidatePath("/partner/requests");
  return created;
});

/** P7: the partner takes back an open request. */
export const withdrawAccessRequestAction = partnerAction(s.requestRefSchema, "requests.write", async ({ input, ctx }) => {
  const result = await withdrawAccessRequest(ctx, input);
  revalidatePath("/partner/requests");
  return result;
});

/** M4: the merchant approves, possibly narrowed; grants are made by the grant core with the request's id. */
export const approveAccessRequestAction = merchantAction(s.approveAccessRequestSchema, "requests.decide", async ({ input, ctx }) => {
  const result = await approveAccessRequest(ctx, input);
  revalidatePath("/merchant/requests");
  revalidatePath("/merchant/partners");
  return { requestId: result.requestId, grantCount: result.grants.length, pendingApproval: result.pendingApproval, narrowed: result.narrowed };
});

/** M4: the merchant declines. */
export const declineAccessRequestAction = merchantAction(s.declineAccessRequestSchema, "requests.decide", async ({ input, ctx }) => {
  const result = await declineAccessRequest(ctx, input);
  revalidatePath("/merchant/requests");
  return result;
});
