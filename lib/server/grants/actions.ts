"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { merchantAction } from "@/lib/server/actions/define-action";
import { changeGrant } from "@/lib/server/grants/change-grant";
import { approveGrant, declineGrant } from "@/lib/server/grants/decide-grant";
import { grantLedgerAccess } from "@/lib/server/grants/grant-ledger-access";
import { previewGrant } from "@/lib/server/grants/preview-grant";
import { revokeGrant } from "@/lib/server/grants/revoke-grant";
import { serverGrantSchemas as s } from "@/lib/server/grants/server-messages";
import { searchPartnerDirectory } from "@/lib/server/partner-directory/search-partners";

// Each action: session → zod (the same schema as the form) → permission → the core function, which checks
// the tenant and the manager's sales units again. Tenant ids come from the session context only.

function refreshMerchantPages() {
  revalidatePath("/merchant", "layout");
}

/** M2 "Grant access": one grant per chosen ledger. */
export const grantAccessAction = merchantAction(s.grantAccessSchema, "grants.write", async ({ input, ctx }) => {
  const { consentAccepted: _accepted, ...rest } = input;
  const grants = await grantLedgerAccess(rest, ctx);
  refreshMerchantPages();
  return { grants: grants.map((g) => ({ id: g.id, status: g.status, ledgerId: g.ledgerId })) };
});

/** M3: narrow or widen a grant. */
export const changeGrantAction = merchantAction(s.changeGrantSchema, "grants.write", async ({ input, ctx }) => {
  const grant = await changeGrant(input, ctx);
  refreshMerchantPages();
  return { id: grant.id, status: grant.status };
});

/** M3: revoke a grant (or withdraw one waiting for approval). */
export const revokeGrantAction = merchantAction(s.grantRefSchema, "grants.write", async ({ input, ctx }) => {
  const grant = await revokeGrant(input, ctx);
  refreshMerchantPages();
  return { id: grant.id, status: grant.status };
});

/** M5: a second admin approves. */
export const approveGrantAction = merchantAction(s.grantRefSchema, "grants.approve", async ({ input, ctx }) => {
  const grant = await approveGrant(input, ctx);
  refreshMerchantPages();
  return { id: grant.id, status: grant.status };
});

/** M5: a second admin declines. */
export const declineGrantAction = merchantAction(s.declineGrantSchema, "grants.approve", async ({ input, ctx }) => {
  const grant = await declineGrant(input, ctx);
  refreshMerchantPages();
  return { id: grant.id, status: grant.status };
});

/** M2 preview: real rows the partner would see (read-only, but only for people who may grant the ledger). Reads upstream. */
export const previewGrantAction = merchantAction(s.previewGrantSchema, "grants.write", { rateLimit: "upstream" }, async ({ input, ctx }) => previewGrant(input, ctx));

/** M2 partner search: the directory of approved partners. */
export const searchPartnersAction = merchantAction(s.partnerSearchSchema, "grants.write", async ({ input, ctx }) => searchPartnerDirectory(ctx, input.query));
