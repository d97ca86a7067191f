import "server-only";
import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers";
import { PrismaAdapter } from "@auth/prisma-adapter";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { checkOidcEmail } from "@/lib/server/auth/oidc-email-admission";
import { isSignInAllowed, SIGN_IN_RATE_LIMITED } from "@/lib/server/rate-limit/sign-in-limit";

/** The id of the configured OIDC provider (Vipps Login or any other), when OIDC_* is set. */
export const OIDC_PROVIDER_ID = "oidc";

function providers(): Provider[] {
  const e = env();
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: e.OIDC_NAME,
      type: "oidc",
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      // People are invited by e-mail (seeded or added by an admin): the first OIDC sign-in links to that user.
      // Safe only because the signIn callback below admits verified addresses alone (checkOidcEmail).
      allowDangerousEmailAccountLinking: true,
    },
  ];
}

// Sessions live in the database (strategy "database"), so signing out or removing a user ends their
// session at once. The config is built per request so runtime env, not build-time env, applies.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: PrismaAdapter(db),
  session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
  secret: env().AUTH_SECRET,
  trustHost: true,
  providers: providers(),
  pages: { signIn: "/sign-in", error: "/sign-in" },
  callbacks: {
    // Only people the portal knows (seeded, invited) may sign in through OIDC, with an address their provider
    // verified; no self-registration. Runs before Auth.js links or creates anything.
    async signIn({ user, account, profile }) {
      if (account?.provider === OIDC_PROVIDER_ID) {
        const e = env();
        const refusal = checkOidcEmail(profile ?? {}, e.OIDC_ISSUER ?? "", e.OIDC_TRUSTED_EMAIL_ISSUERS);
        if (refusal) return `/sign-in?error=${refusal}`;
      }
      if (!user.email) return false;
      if (!(await isSignInAllowed("signIn", user.email))) return `/sign-in?error=${SIGN_IN_RATE_LIMITED}`;
      const known = await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true } });
      return known ? true : "/sign-in?error=NotInvited";
    },
  },
}));
