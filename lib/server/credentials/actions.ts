"use server";
import "server-only";
import { revalidatePath } from "next/cache";
import { merchantAction, partnerAction } from "@/lib/server/actions/define-action";
import { noInputSchema, partnerKeysSchema, salesUnitKeysSchema, salesUnitRefSchema } from "@/lib/credentials/schemas";
import { storePartnerKeys } from "@/lib/server/credentials/store-partner-keys";
import { storeSalesUnitKeys } from "@/lib/server/credentials/store-sales-unit-keys";
import { testPartnerConnection, testSalesUnitConnection } from "@/lib/server/credentials/test-connection";

// Keys go in, never out: every action returns masked views or connection results only.

export const storeSalesUnitKeysAction = merchantAction(salesUnitKeysSchema, "keys.write", async ({ input, ctx }) => {
  const stored = await storeSalesUnitKeys(ctx, input);
  revalidatePath("/merchant/keys");
  return stored;
});

export const testSalesUnitConnectionAction = merchantAction(salesUnitRefSchema, "keys.write", async ({ input, ctx }) => {
  const result = await testSalesUnitConnection(ctx, input.msn);
  revalidatePath("/merchant/keys");
  return result;
});

export const storePartnerKeysAction = partnerAction(partnerKeysSchema, "keys.write", async ({ input, ctx }) => {
  const stored = await storePartnerKeys(ctx, input);
  revalidatePath("/partner/keys");
  return stored;
});

export const testPartnerConnectionAction = partnerAction(noInputSchema, "keys.write", async ({ ctx }) => {
  const result = await testPartnerConnection(ctx);
  revalidatePath("/partner/keys");
  return result;
});
