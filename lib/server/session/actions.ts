"use server";
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { USERS } from "@/lib/demo-world/world";
import { publicAction, userAction } from "@/lib/server/actions/define-action";
import { ACTIVE_ORG_COOKIE, activeOrganisationCookieOptions, homePathFor } from "@/lib/server/authz/active-organisation";
import { signOut } from "@/lib/server/auth/auth";
import { startSessionForUser } from "@/lib/server/auth/demo-session";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { isDemoSignInAllowed } from "@/lib/config/env-schema";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

const DEMO_EMAILS = new Set(USERS.map((u) => u.email));

/**
 * Embedded mode only: one click signs in as a seeded demo persona. Anything else is "not found". The mode is
 * checked here again, at request time, although production mode already forces DEMO_SIGN_IN off: this action
 * is a public POST endpoint that makes anyone the platform admin without a password.
 */
export const demoSignInAction = publicAction(z.object({ email: z.email().max(200) }), { rateLimit: "signIn" }, async ({ input }) => {
  if (!isDemoSignInAllowed(env()) || !DEMO_EMAILS.has(input.email)) throw new AppError("NOT_FOUND", serverErrors("noSuchDemoUser"));
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", serverErrors("noSuchDemoUser"));
  await startSessionForUser(user.id);
  (await cookies()).delete(ACTIVE_ORG_COOKIE);
  redirect("/");
});

/** Chooses the organisation to act for. Only one the user belongs to; the choice is re-checked on every request. */
export const selectOrganisationAction = userAction(z.object({ key: z.string().min(1).max(80) }), async ({ input, ctx }) => {
  const org = ctx.organisations.find((o) => o.key === input.key);
  if (!org) throw new AppError("NOT_FOUND", serverErrors("notOrgMember"));
  (await cookies()).set(ACTIVE_ORG_COOKIE, org.key, await activeOrganisationCookieOptions());
  redirect(homePathFor(org));
});

export async function signOutAction(): Promise<void> {
  (await cookies()).delete(ACTIVE_ORG_COOKIE);
  await signOut({ redirectTo: "/sign-in" });
}

/**
 * The organisation switcher's entry point: same checks as selectOrganisationAction, keyed by the org key. A key
 * the user may not choose changes nothing, and the switcher's refresh shows the organisation still active. It
 * used to throw, which turned any crafted call of this public endpoint into a 500.
 */
export async function switchOrganisationAction(key: unknown): Promise<void> {
  await selectOrganisationAction({ key });
}
