import { z } from "zod";
import { formError } from "@/lib/validation/form-errors";

/**
 * Input of the key forms. The values end up in HTTP headers upstream, so only printable ASCII without spaces is
 * accepted; the length caps keep a pasted document from being stored. Messages are `formErrors` keys, shown next to
 * the fields in the reader's language (the key names are Vipps MobilePay's own, the same in every language).
 */
const keyValue = (label: string, max: number) =>
  z
    .string({ error: formError("keyRequired", { label }) })
    .trim()
    .min(1, formError("keyRequired", { label }))
    .max(max, formError("keyTooLong", { label, max }))
    .regex(/^[\x21-\x7e]+$/, formError("keyCharacters", { label }));

export const msnSchema = z.string().regex(/^\d{4,7}$/, formError("msnDigits"));

export const salesUnitKeysSchema = z.object({
  msn: msnSchema,
  clientId: keyValue("Client ID", 200),
  clientSecret: keyValue("Client secret", 512),
  subscriptionKey: keyValue("Subscription key", 512),
});
export type SalesUnitKeysInput = z.infer<typeof salesUnitKeysSchema>;

export const partnerKeysSchema = z.object({
  clientId: keyValue("Client ID", 200),
  clientSecret: keyValue("Client secret", 512),
});
export type PartnerKeysInput = z.infer<typeof partnerKeysSchema>;

export const salesUnitRefSchema = z.object({ msn: msnSchema });
export const noInputSchema = z.object({}).strict();
