"use server";
import "server-only";
import { z } from "zod";
import { userAction } from "@/lib/server/actions/define-action";
import { db } from "@/lib/server/db";
import { SUPPORTED_LOCALES } from "@/lib/i18n/locales";

/**
 * The language switch: stores the person's language on their own user (the id comes from the session only), so it
 * holds on every device and after signing in again, and e-mails to them follow it. `null` goes back to following
 * the browser. Nothing else about the person changes; no audit event (it is their own display preference).
 */
export const setLocaleAction = userAction(z.object({ locale: z.enum(SUPPORTED_LOCALES).nullable() }), async ({ input, ctx }) => {
  await db.user.update({ where: { id: ctx.id }, data: { locale: input.locale } });
  return { locale: input.locale };
});
