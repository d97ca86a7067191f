"use server";
import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { USERS } from "@/lib/demo-world/world";
import { publicAction, userAction } from "@/lib/server/actions/define-action";
import { ACTIVE_ORG_COOKIE, homePathFor } from "@/lib/server/authz/active-organisation";
import { signOut } from "@/lib/server/auth/auth";
import { startSessionForUser } from "@/lib/server/auth/demo-session";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";

const DEMO_EMAILS = new Set(USERS.map((u) => u.email));

/** Embedded mode only: one click signs in as a seeded demo persona. Anything else is "not found". */
export const demoSignInAction = publicAction(z.object({ email: z.email().max(200) }), { rateLimit: "signIn" }, async ({ input }) => {
  if (env().DEMO_SIGN_IN !== "on" || !DEMO_EMAILS.has(input.email)) throw new AppError("NOT_FOUND", "There is no such demo user.");
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!user) throw new AppError("NOT_FOUND", "There is no such demo user.");
  await startSessionForUser(user.id);
  (await cookies()).delete(ACTIVE_ORG_COOKIE);
  redirect("/");
});

/** Chooses the organisation to act for. Only one the user belongs to; the choice is re-checked on every request. */
export const selectOrganisationAction = userAction(z.object({ key: z.string().min(1).max(80) }), async ({ input, ctx }) => {
  const org = ctx.organisations.find((o) => o.key === input.key);
  if (!org) throw new AppError("NOT_FOUND", "You are not a member of that organisation.");
  (await cookies()).set(ACTIVE_ORG_COOKIE, org.key, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 * 24 * 365 });
  redirect(homePathFor(org));
});

export async function signOutAction(): Promise<void> {
  (await cookies()).delete(ACTIVE_ORG_COOKIE);
  await signOut({ redirectTo: "/sign-in" });
}

/** The organisation switcher's entry point: same checks as selectOrganisationAction, keyed by the org key. */
export async function switchOrganisationAction(key: string): Promise<void> {
  const result = await selectOrganisationAction({ key });
  if (!result.ok) throw new Error(result.error.message);
}
