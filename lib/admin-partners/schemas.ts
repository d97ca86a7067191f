import { z } from "zod";
import { formError } from "@/lib/validation/form-errors";
import { userText } from "@/lib/validation/text";

/**
 * A4's action inputs, shared by the suspend dialog and the server actions so both refuse the same input. Pure.
 * Messages are `formErrors` keys (decision 042): the dialog checks the reason first and says them in the admin's language.
 */
export const MAX_SUSPEND_REASON = 500;

const partnerId = z.uuid({ error: formError("choosePartner") });

export const partnerRefSchema = z.object({ partnerId }).strict();
export const suspendPartnerSchema = z
  .object({
    partnerId,
    reason: userText({ max: MAX_SUSPEND_REASON, tooLong: formError("reasonTooLong", { max: MAX_SUSPEND_REASON }), invalid: formError("reasonInvalid"), multiline: true }).pipe(
      z.string().min(3, { error: formError("suspendReason") }),
    ),
  })
  .strict();
