// No app imports at the top: the mocks below are loaded by vi.mock factories, and an import of a module that is
// itself mocked (auth → this file → auth) would wait for itself. The database is imported when signing in.
const ACTIVE_ORG_COOKIE = "portal-active-org";

/**
 * A signed-in person for tests that call server actions through the real wrapper (session → zod → authorize →
 * run), the real contexts and memberships, and PostgreSQL. Only the request plumbing is replaced: Auth.js'
 * cookie decoding (which user) and Next's cookie, header and cache APIs (they need a live request).
 *
 * vi.mock is hoisted and must be written in the test file itself:
 *   vi.mock("@/lib/server/auth/auth", async () => (await import("@/tests/support/action-session")).authMock);
 *   vi.mock("next/headers", async () => (await import("@/tests/support/action-session")).headersMock);
 *   vi.mock("next/cache", async () => (await import("@/tests/support/action-session")).cacheMock);
 */
const state: { userId: string | null; activeOrg: string | null } = { userId: null, activeOrg: null };

export const authMock = {
  auth: async () => (state.userId ? { user: { id: state.userId } } : null),
  signOut: async () => undefined,
  signIn: async () => undefined,
  OIDC_PROVIDER_ID: "oidc",
};

export const headersMock = {
  cookies: async () => ({
    get: (name: string) => (name === ACTIVE_ORG_COOKIE && state.activeOrg ? { name, value: state.activeOrg } : undefined),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers(),
};

export const cacheMock = { revalidatePath: () => undefined, revalidateTag: () => undefined };

export type ActionOrg = { merchant: string } | { partner: string } | "admin";

/** Signs in as the user with this e-mail, acting for the merchant or partner with this slug (or as admin). */
export async function signInForActions(email: string, org: ActionOrg): Promise<{ userId: string; orgId: string | null }> {
  const { db } = await import("@/lib/server/db");
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  let activeOrg: string;
  let orgId: string | null = null;
  if (org === "admin") activeOrg = "admin";
  else if ("merchant" in org) {
    orgId = (await db.merchant.findUniqueOrThrow({ where: { slug: org.merchant }, select: { id: true } })).id;
    activeOrg = `m:${orgId}`;
  } else {
    orgId = (await db.accountingPartner.findUniqueOrThrow({ where: { slug: org.partner }, select: { id: true } })).id;
    activeOrg = `p:${orgId}`;
  }
  Object.assign(state, { userId: user.id, activeOrg });
  return { userId: user.id, orgId };
}

/** Signs in a user already at hand, acting for this organisation (`m:<merchantId>`, `p:<partnerId>`, `admin`). */
export function actAs(userId: string, activeOrg: string | null): void {
  Object.assign(state, { userId, activeOrg });
}

export function signOutForActions(): void {
  Object.assign(state, { userId: null, activeOrg: null });
}
