"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { merchantAction } from "@/lib/server/actions/define-action";
import { renewGrant } from "@/lib/server/renewals/renew-grant";
import { serverLifecycleSchemas } from "@/lib/server/actions/lifecycle-schemas";

/** M8: one-click renewal of a grant that ends soon. */
export const renewGrantAction = merchantAction(serverLifecycleSchemas.renewGrantSchema, "grants.write", async ({ input, ctx }) => {
  const result = await renewGrant(ctx, input);
  revalidatePath("/merchant/requests/renewals");
  revalidatePath("/merchant/partners");
  return { grantId: result.grant.id, validUntil: result.grant.validUntil, status: result.grant.status, days: result.days };
});
