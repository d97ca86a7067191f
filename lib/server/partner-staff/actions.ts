"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { partnerAction } from "@/lib/server/actions/define-action";
import { serverLifecycleSchemas } from "@/lib/server/actions/lifecycle-schemas";
import { setClientAssignments } from "@/lib/server/partner-staff/set-client-assignments";

/** P6: the partner owner sets an accountant's clients. */
export const setClientAssignmentsAction = partnerAction(serverLifecycleSchemas.setClientAssignmentsSchema, "staff.write", async ({ input, ctx }) => {
  const change = await setClientAssignments(ctx, input);
  revalidatePath("/partner/staff");
  return change;
});
