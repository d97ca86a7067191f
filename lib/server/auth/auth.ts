import "server-only";
import NextAuth from "next-auth";
import type { Provider } from "next-auth/providers";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { AdapterSession, AdapterUser } from "next-auth/adapters";
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

/**
 * Prisma's adapter, with the session lookup every signed-in request makes in one statement (the adapter's
 * `include: { user: true }` is two with Prisma 7's relation loading: a fixed cost on every page, decision 051).
 */
export function portalAuthAdapter() {
  const base = PrismaAdapter(db);
  return {
    ...base,
    async getSessionAndUser(sessionToken: string): Promise<{ session: AdapterSession; user: AdapterUser } | null> {
      const [row] = await db.$queryRaw<(AdapterSession & { u_id: string; u_name: string | null; u_email: string; u_emailVerified: Date | null; u_image: string | null })[]>`
        SELECT s."sessionToken", s."userId", s."expires",
          u."id" AS "u_id", u."name" AS "u_name", u."email" AS "u_email", u."emailVerified" AS "u_emailVerified", u."image" AS "u_image"
        FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."sessionToken" = ${sessionToken}`;
      if (!row) return null;
      return {
        session: { sessionToken: row.sessionToken, userId: row.userId, expires: row.expires },
        user: { id: row.u_id, name: row.u_name, email: row.u_email, emailVerified: row.u_emailVerified, image: row.u_image },
      };
    },
  };
}

// Sessions live in the database (strategy "database"), so signing out or removing a user ends their
// session at once. The config is built per request so runtime env, not build-time env, applies.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: portalAuthAdapter(),
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
