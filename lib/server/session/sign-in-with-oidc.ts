"use server";
import "server-only";
import { OIDC_PROVIDER_ID, signIn } from "@/lib/server/auth/auth";

/** Starts the configured OIDC flow (Vipps Login or another provider). */
export async function signInWithOidcAction(): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: "/" });
}
