import "server-only";
import { USERS } from "@/lib/demo-world/world";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { isDemoSignInAllowed } from "@/lib/config/env-schema";

export interface DemoPersona {
  email: string;
  name: string;
  persona: string;
  group: "merchant" | "partner" | "admin";
}

export interface SignInOptions {
  oidcName: string | null;
  demoPersonas: DemoPersona[];
}

/** What the sign-in page offers: the configured OIDC provider, and in the embedded mode the seeded personas. */
export async function getSignInOptions(): Promise<SignInOptions> {
  const e = env();
  const oidcName = e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET ? e.OIDC_NAME : null;
  if (!isDemoSignInAllowed(e)) return { oidcName, demoPersonas: [] };
  const seeded = new Set((await db.user.findMany({ where: { email: { in: USERS.map((u) => u.email) } }, select: { email: true } })).map((u) => u.email));
  const demoPersonas = USERS.filter((u) => seeded.has(u.email)).map((u) => ({
    email: u.email,
    name: u.name,
    persona: u.persona,
    group: u.platformAdmin ? ("admin" as const) : u.partnerRoles?.length ? ("partner" as const) : ("merchant" as const),
  }));
  return { oidcName, demoPersonas };
}
