"use server";
import "server-only";
import { redirect } from "next/navigation";
import { OIDC_PROVIDER_ID, signIn } from "@/lib/server/auth/auth";
import { isSignInAllowed, SIGN_IN_RATE_LIMITED } from "@/lib/server/rate-limit/sign-in-limit";

/** Starts the configured OIDC flow (Vipps Login or another provider), within the per-IP limit on starting one. */
export async function signInWithOidcAction(): Promise<void> {
  if (!(await isSignInAllowed("signInStart"))) redirect(`/sign-in?error=${SIGN_IN_RATE_LIMITED}`);
  await signIn(OIDC_PROVIDER_ID, { redirectTo: "/" });
}
