import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * The request context every signed-in page builds before anything else (decision 051): the session, the person
 * with their organisations, and the membership of the organisation they act for. It used to take ten statements
 * (Prisma's relation loading: one per table); it takes three, and gives what the membership rows say.
 * Auth.js' cookie decoding and next/headers are replaced (tests/support/persona-session.ts); the adapter's session
 * lookup is called as Auth.js calls it.
 */
vi.mock("@/lib/server/auth/auth", async (original) => (await import("@/tests/support/persona-session")).mockAuthModule(await original()));
vi.mock("next/headers", async () => (await import("@/tests/support/persona-session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("@/tests/support/persona-session")).mockNextCache());

const { createScratchDatabase } = await import("@/tests/support/scratch-database");
const scratch = await createScratchDatabase("context");
const { installCountingDb } = await import("@/tests/support/counting-db");
const counting = installCountingDb(scratch.url);
const { db } = await import("@/lib/server/db");
const { seedDemoWorld } = await import("@/lib/server/seed/seed-demo-world");
const { merchantContextFor, partnerContextFor, TEST_KEY } = await import("@/tests/support/test-db");
const { signInPersona, signOutPersona } = await import("@/tests/support/persona-session");
const { resolveMerchantContext, resolvePartnerContext } = await import("@/lib/server/authz/contexts");
const { getCurrentUser } = await import("@/lib/server/authz/current-user");
const { portalAuthAdapter } = await import("@/lib/server/auth/auth");

async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  counting.stats.queries = 0;
  const result = await fn();
  return { result, statements: counting.stats.queries };
}

beforeAll(async () => {
  await seedDemoWorld(db, { encryptionKey: TEST_KEY, withDemoKeys: true });
}, 120_000);

afterAll(async () => {
  signOutPersona();
  await counting.client.$disconnect();
  await counting.pool.end();
  await scratch.drop();
});

describe("the request context", () => {
  it("gives every merchant membership's role, name and sales-unit scope, in two statements after the session", async () => {
    const memberships = await db.merchantMembership.findMany({ select: { user: { select: { email: true } }, merchant: { select: { id: true, slug: true } }, role: true } });
    expect(memberships.map((m) => m.role)).toEqual(expect.arrayContaining(["admin", "manager", "viewer"]));
    for (const m of memberships) {
      await signInPersona(m.user.email, { activeOrg: `m:${m.merchant.id}` });
      const { result, statements } = await counted(() => resolveMerchantContext());
      expect(result.ok, m.user.email).toBe(true);
      if (!result.ok) continue;
      const expected = await merchantContextFor(m.user.email, m.merchant.slug);
      const { user, ...ctx } = result.ctx;
      const { user: _stub, ...want } = expected;
      expect({ ...ctx, salesUnitScope: sorted(ctx.salesUnitScope) }).toEqual({ ...want, salesUnitScope: sorted(want.salesUnitScope) });
      expect(user.email).toBe(m.user.email);
      expect(statements).toBeLessThanOrEqual(2);
    }
  });

  it("gives every partner membership's role, name, status and client scope, in two statements after the session", async () => {
    const memberships = await db.partnerMembership.findMany({ select: { user: { select: { email: true } }, partner: { select: { id: true, slug: true } }, role: true } });
    expect(memberships.map((m) => m.role)).toEqual(expect.arrayContaining(["owner", "accountant"]));
    for (const m of memberships) {
      await signInPersona(m.user.email, { activeOrg: `p:${m.partner.id}` });
      const { result, statements } = await counted(() => resolvePartnerContext());
      expect(result.ok, m.user.email).toBe(true);
      if (!result.ok) continue;
      const { user: _u, ...ctx } = result.ctx;
      const { user: _stub, ...want } = await partnerContextFor(m.user.email, m.partner.slug);
      expect({ ...ctx, clientScope: sorted(ctx.clientScope) }).toEqual({ ...want, clientScope: sorted(want.clientScope) });
      expect(statements).toBeLessThanOrEqual(2);
    }
  });

  it("lists a person's organisations in the chooser's order (merchants, then partners, by name), in one statement", async () => {
    const people = await db.user.findMany({
      select: {
        email: true,
        isPlatformAdmin: true,
        merchantMemberships: { select: { role: true, merchant: { select: { id: true, name: true } } } },
        partnerMemberships: { select: { role: true, partner: { select: { id: true, name: true } } } },
      },
    });
    expect(people.some((p) => p.merchantMemberships.length + p.partnerMemberships.length > 1)).toBe(true);
    for (const p of people) {
      await signInPersona(p.email);
      const { result: user, statements } = await counted(() => getCurrentUser());
      const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name, "en"));
      expect(user?.organisations.map((o) => `${o.key} ${o.role}`)).toEqual([
        ...byName(p.merchantMemberships.map((m) => ({ name: m.merchant.name, k: `m:${m.merchant.id} ${m.role}` }))).map((x) => x.k),
        ...byName(p.partnerMemberships.map((m) => ({ name: m.partner.name, k: `p:${m.partner.id} ${m.role}` }))).map((x) => x.k),
        ...(p.isPlatformAdmin ? ["admin admin"] : []),
      ]);
      expect(statements).toBe(1);
    }
  });

  it("another organisation's key in the cookie resolves to nothing of it", async () => {
    const outsider = await db.merchantMembership.findFirstOrThrow({ select: { user: { select: { email: true, id: true } }, merchantId: true } });
    const foreign = await db.merchant.findFirstOrThrow({ where: { memberships: { none: { userId: outsider.user.id } } }, select: { id: true } });
    await signInPersona(outsider.user.email, { activeOrg: `m:${foreign.id}` });
    const result = await resolveMerchantContext();
    // Not a membership of theirs: the cookie names no choice they have (the chooser, or their only organisation).
    expect(result.ok ? result.ctx.merchantId : result.reason).not.toBe(foreign.id);
  });
});

describe("the session lookup (Auth.js adapter)", () => {
  it("returns the session and its person in one statement, and nothing for an unknown token", async () => {
    const person = await db.user.findFirstOrThrow({ select: { id: true, email: true, name: true } });
    const token = randomBytes(16).toString("hex");
    const expires = new Date("2031-01-02T03:04:05.678Z");
    await db.session.create({ data: { sessionToken: token, userId: person.id, expires } });
    const adapter = portalAuthAdapter();
    const { result, statements } = await counted(() => adapter.getSessionAndUser(token));
    expect(statements).toBe(1);
    expect(result?.session).toEqual({ sessionToken: token, userId: person.id, expires });
    expect(result?.session.expires).toBeInstanceOf(Date);
    expect(result?.user).toMatchObject({ id: person.id, email: person.email, name: person.name });
    expect(await adapter.getSessionAndUser(`${token}x`)).toBeNull();
  });
});

function sorted(scope: "all" | string[]): "all" | string[] {
  return scope === "all" ? scope : [...scope].sort();
}
