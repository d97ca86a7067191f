import { redirect } from "next/navigation";

/**
 * Signs a demo person in for a database test, so that pages, route handlers and server actions run through
 * their real authorization: Auth.js' `auth()` answers with that person's user id, and Next's cookie store
 * holds the active-organisation cookie. Everything after that is real: current-user, the memberships,
 * active-organisation, the contexts, the permission table, the action wrapper and PostgreSQL.
 *
 * Only the request plumbing is replaced, because it needs a live request: Auth.js' cookie decoding and
 * `next/headers`. Auth.js' redirecting flows (`signIn`, `signOut`) become the redirect they end in.
 * vi.mock is hoisted into the test file, so each test file writes the three lines itself:
 *
 *   vi.mock("@/lib/server/auth/auth", async (original) => (await import("@/tests/support/persona-session")).mockAuthModule(await original()));
 *   vi.mock("next/headers", async () => (await import("@/tests/support/persona-session")).mockNextHeaders());
 *   vi.mock("next/cache", async () => (await import("@/tests/support/persona-session")).mockNextCache());
 */
const ACTIVE_ORG_COOKIE = "portal-active-org";

interface SessionState {
  userId: string | null;
  cookies: Map<string, string>;
}

const state: SessionState = { userId: null, cookies: new Map() };

export function mockAuthModule<T extends object>(original: T): T {
  return {
    ...original,
    auth: async () => (state.userId ? { user: { id: state.userId }, expires: new Date(Date.now() + 3_600_000).toISOString() } : null),
    signIn: async (_provider?: string, opts?: { redirectTo?: string }) => redirect(opts?.redirectTo ?? "/"),
    signOut: async (opts?: { redirectTo?: string }) => {
      state.userId = null;
      redirect(opts?.redirectTo ?? "/");
    },
  };
}

export function mockNextHeaders() {
  return {
    cookies: async () => ({
      get: (name: string) => (state.cookies.has(name) ? { name, value: state.cookies.get(name)! } : undefined),
      getAll: () => [...state.cookies].map(([name, value]) => ({ name, value })),
      has: (name: string) => state.cookies.has(name),
      set: (name: string, value: string) => void state.cookies.set(name, value),
      delete: (name: string) => void state.cookies.delete(name),
    }),
    headers: async () => new Headers(),
  };
}

export function mockNextCache() {
  return { revalidatePath: () => undefined, revalidateTag: () => undefined, unstable_cache: <F>(fn: F) => fn };
}

export interface PersonaSession {
  userId: string;
  /** The organisation key the cookie names ("m:<id>", "p:<id>" or "admin"). */
  activeOrg: string | null;
}

/** Signed out: no session and no cookies. */
export function signOutPersona(): void {
  state.userId = null;
  state.cookies.clear();
}

/**
 * Signs the person with this e-mail in. The active-organisation cookie names `activeOrg` when given
 * (any value: a forged cookie is the caller's business), else the person's first organisation in the order the
 * chooser lists them (merchants, then partners, by name).
 */
export async function signInPersona(email: string, opts: { activeOrg?: string } = {}): Promise<PersonaSession> {
  const { db } = await import("@/lib/server/db");
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, isPlatformAdmin: true, merchantMemberships: { select: { merchantId: true }, orderBy: { merchant: { name: "asc" } } }, partnerMemberships: { select: { partnerId: true }, orderBy: { partner: { name: "asc" } } } },
  });
  const first = user.merchantMemberships[0]
    ? `m:${user.merchantMemberships[0].merchantId}`
    : user.partnerMemberships[0]
      ? `p:${user.partnerMemberships[0].partnerId}`
      : user.isPlatformAdmin
        ? "admin"
        : null;
  const activeOrg = opts.activeOrg ?? first;
  signOutPersona();
  state.userId = user.id;
  if (activeOrg) state.cookies.set(ACTIVE_ORG_COOKIE, activeOrg);
  return { userId: user.id, activeOrg };
}

/** The cookies as the code under test left them (e.g. after choosing an organisation). */
export function sessionCookies(): ReadonlyMap<string, string> {
  return state.cookies;
}
