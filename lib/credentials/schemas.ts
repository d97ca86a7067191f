import { z } from "zod";

/**
 * Input of the key forms. The values end up in HTTP headers upstream, so only printable ASCII without spaces is
 * accepted; the length caps keep a pasted document from being stored. Messages are shown next to the fields.
 */
const keyValue = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} is too long (at most ${max} characters).`)
    .regex(/^[\x21-\x7e]+$/, `${label} may only contain letters, digits and symbols, without spaces.`);

export const msnSchema = z.string().regex(/^\d{4,7}$/, "An MSN is 4 to 7 digits.");

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
