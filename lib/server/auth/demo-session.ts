import "server-only";
import { randomBytes } from "node:crypto";
import { cookies, headers } from "next/headers";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { isDemoSignInAllowed } from "@/lib/config/env-schema";

const SESSION_DAYS = 30;

/**
 * Starts a database session for a user, the same row and cookie Auth.js creates after an OIDC sign-in,
 * so everything after sign-in is one code path. Used only by the demo sign-in of the embedded mode.
 */
export async function startSessionForUser(userId: string): Promise<void> {
  // A session without any credential: never in production mode, whoever calls this.
  if (!isDemoSignInAllowed(env())) throw new Error("Demo sessions are refused outside the embedded mode.");
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  await db.session.create({ data: { sessionToken, userId, expires } });
  const h = await headers();
  const secure = h.get("x-forwarded-proto") === "https";
  // Auth.js' cookie name: "__Secure-" prefixed on https.
  (await cookies()).set(`${secure ? "__Secure-" : ""}authjs.session-token`, sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    expires,
  });
}
