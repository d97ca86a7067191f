import type { MerchantContext, PartnerContext } from "@/lib/server/authz/contexts";
import type { CurrentUser } from "@/lib/authz/types";

/**
 * The signed-in person for the action tests. The action wrappers resolve the session through
 * lib/server/authz/contexts and current-user; the tests replace only those two modules (cookies and Auth.js
 * are the browser tests' business) and run everything after them for real: zod, permissions, the core
 * functions and PostgreSQL.
 *
 * Usage in a test file (vi.mock is hoisted, so it must be written there):
 *   vi.mock("@/lib/server/authz/contexts", async () => (await import("./session")).sessionMocks.contexts);
 *   vi.mock("@/lib/server/authz/current-user", async () => (await import("./session")).sessionMocks.currentUser);
 */
type Session = { kind: "merchant"; ctx: MerchantContext } | { kind: "partner"; ctx: PartnerContext } | null;

const state: { session: Session } = { session: null };

export function signInAs(session: Session): void {
  state.session = session;
}

export const asMerchant = (ctx: MerchantContext) => signInAs({ kind: "merchant", ctx });
export const asPartner = (ctx: PartnerContext) => signInAs({ kind: "partner", ctx });
export const signOut = () => signInAs(null);

function current(): Session {
  return state.session;
}

export const sessionMocks = {
  contexts: {
    resolveMerchantContext: async () => {
      const s = current();
      if (!s) return { ok: false, reason: "unauthenticated" };
      return s.kind === "merchant" ? { ok: true, ctx: s.ctx } : { ok: false, reason: "not-found" };
    },
    resolvePartnerContext: async () => {
      const s = current();
      if (!s) return { ok: false, reason: "unauthenticated" };
      return s.kind === "partner" ? { ok: true, ctx: s.ctx } : { ok: false, reason: "not-found" };
    },
    resolveAdminContext: async () => (current() ? { ok: false, reason: "not-found" } : { ok: false, reason: "unauthenticated" }),
  },
  currentUser: {
    getCurrentUser: async (): Promise<CurrentUser | null> => current()?.ctx.user ?? null,
  },
};
