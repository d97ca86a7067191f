import { z } from "zod";
import { userText } from "@/lib/validation/text";

/**
 * A4's action inputs, shared by the suspend dialog and the server actions so both refuse the same input. Pure.
 * Messages are English (the admin console is used by platform staff; the form shows the server's words).
 */
export const MAX_SUSPEND_REASON = 500;

const partnerId = z.uuid({ error: "Choose a partner from the list." });

export const partnerRefSchema = z.object({ partnerId }).strict();
export const suspendPartnerSchema = z
  .object({
    partnerId,
    reason: userText({ max: MAX_SUSPEND_REASON, tooLong: `Keep the reason under ${MAX_SUSPEND_REASON} characters.`, invalid: "The reason holds a character that cannot be stored.", multiline: true }).pipe(
      z.string().min(3, { error: "Say why the partner is suspended (it is shown to the partner and its merchants)." }),
    ),
  })
  .strict();
