import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/**
 * Security finding 2: with DATABASE_URL set (production mode), DEMO_SIGN_IN=on was accepted and the demo
 * sign-in action made anyone the platform admin without a password. The action is called here as the
 * browser would call it (a public POST), against the real database; only Next's request plumbing (cookies,
 * headers) and Auth.js' cookie decoding are replaced. Each test loads the modules afresh, because the
 * configuration is parsed once per process.
 *
 * Also: the organisation cookie carries `Secure` in production mode (finding 3).
 */
const request = vi.hoisted(() => ({
  userId: null as string | null,
  set: [] as { name: string; value: string; options: Record<string, unknown> }[],
}));
vi.mock("@/lib/server/auth/auth", () => ({ auth: async () => (request.userId ? { user: { id: request.userId } } : null), signOut: async () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: () => undefined,
    set: (name: string, value: string, options: Record<string, unknown>) => void request.set.push({ name, value, options }),
    delete: () => undefined,
  }),
  headers: async () => new Headers(),
}));

const SAVED = ["PORTAL_MODE", "DEMO_SIGN_IN"] as const;
const saved = Object.fromEntries(SAVED.map((k) => [k, process.env[k]]));
let disconnect: (() => Promise<void>) | undefined;

async function load(env: Partial<Record<(typeof SAVED)[number], string>>) {
  for (const k of SAVED) delete process.env[k];
  Object.assign(process.env, env);
  vi.resetModules();
  const { db } = await import("@/lib/server/db");
  disconnect = () => db.$disconnect();
  const { seedDemoWorld } = await import("@/lib/server/seed/seed-demo-world");
  await seedDemoWorld(db, { encryptionKey: Buffer.alloc(32, 7), withDemoKeys: true });
  const actions = await import("@/lib/server/session/actions");
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@portal.example" }, select: { id: true } });
  const sessionsOfAdmin = () => db.session.count({ where: { userId: admin.id } });
  return { db, actions, admin, sessionsOfAdmin };
}

beforeEach(() => {
  request.userId = null;
  request.set = [];
});
afterEach(async () => {
  await disconnect?.();
  for (const k of SAVED) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

describe("demo sign-in in production mode", () => {
  it("is refused with DEMO_SIGN_IN=on and no PORTAL_MODE (DATABASE_URL alone means production): no session row, no cookie", async () => {
    const { actions, sessionsOfAdmin } = await load({ DEMO_SIGN_IN: "on" });
    const before = await sessionsOfAdmin();
    const result = await actions.demoSignInAction({ email: "admin@portal.example" });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await sessionsOfAdmin()).toBe(before);
    expect(request.set.map((c) => c.name)).not.toContain("authjs.session-token");
  });

  it("is refused with PORTAL_MODE=production set explicitly", async () => {
    const { actions, sessionsOfAdmin } = await load({ PORTAL_MODE: "production", DEMO_SIGN_IN: "on" });
    const before = await sessionsOfAdmin();
    expect(await actions.demoSignInAction({ email: "admin@portal.example" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await sessionsOfAdmin()).toBe(before);
  });

  it("still works in the embedded mode (the same call starts a session)", async () => {
    const { actions, sessionsOfAdmin } = await load({ PORTAL_MODE: "embedded", DEMO_SIGN_IN: "on" });
    const before = await sessionsOfAdmin();
    // Success ends in redirect("/"), which Next.js throws.
    await expect(actions.demoSignInAction({ email: "admin@portal.example" })).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await sessionsOfAdmin()).toBe(before + 1);
    expect(request.set.map((c) => c.name)).toContain("authjs.session-token");
  });
});

describe("the organisation cookie", () => {
  async function chooseOrganisation(env: Partial<Record<(typeof SAVED)[number], string>>) {
    const { db, actions } = await load(env);
    const kari = await db.user.findUniqueOrThrow({ where: { email: "kari@fjordkaffe.example" }, select: { id: true, merchantMemberships: { select: { merchantId: true } } } });
    request.userId = kari.id;
    await expect(actions.selectOrganisationAction({ key: `m:${kari.merchantMemberships[0]!.merchantId}` })).rejects.toThrow(/NEXT_REDIRECT/);
    const cookie = request.set.find((c) => c.name === "portal-active-org");
    expect(cookie).toBeDefined();
    return cookie!.options;
  }

  it("is Secure in production mode", async () => {
    expect(await chooseOrganisation({})).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });

  it("is not Secure on the embedded mode's http://localhost", async () => {
    expect(await chooseOrganisation({ PORTAL_MODE: "embedded" })).toMatchObject({ secure: false, httpOnly: true });
  });
});
