import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppErrorCode } from "@/lib/errors/app-error";

/**
 * Every grant action, called as each persona and role would call it: through the real action wrapper
 * (session → zod → permission → core), the real memberships and the real database. Only the request plumbing
 * is replaced: Auth.js' cookie decoding (the session's user id) and Next's cookie/cache APIs, which need a
 * live request (tests/support/persona-session.ts). Wrong persona or other tenant: 404; same tenant without the
 * permission: 403; nothing changes.
 */
vi.mock("@/lib/server/auth/auth", async (original) => (await import("@/tests/support/persona-session")).mockAuthModule(await original()));
vi.mock("next/headers", async () => (await import("@/tests/support/persona-session")).mockNextHeaders());
vi.mock("next/cache", async () => (await import("@/tests/support/persona-session")).mockNextCache());

const { db } = await import("@/lib/server/db");
const actions = await import("@/lib/server/grants/actions");
const { grantLedgerAccess } = await import("@/lib/server/grants");
const support = await import("./support");
const { signInPersona, signOutPersona } = await import("@/tests/support/persona-session");
const { actor, EMAILS, ledgerId, partnerId, resetGrants, shiftLedgerDate, startGrantTestWorld, todayPortalDate } = support;

let world: Awaited<ReturnType<typeof startGrantTestWorld>>;
beforeAll(async () => {
  world = await startGrantTestWorld();
});
afterAll(() => world.stop());

type Persona = "kari" | "ola" | "mona" | "vera" | "nils" | "freja" | "kariAtNordlys" | "per" | "anne" | "mads" | "admin" | "anonymous";

async function signIn(persona: Persona): Promise<void> {
  if (persona === "anonymous") return signOutPersona();
  if (persona === "kariAtNordlys") {
    const nordlys = await db.merchant.findUniqueOrThrow({ where: { slug: "nordlys-sport" }, select: { id: true } });
    return void (await signInPersona(EMAILS.kari, { activeOrg: `m:${nordlys.id}` }));
  }
  await signInPersona(EMAILS[persona]); // Kari's first organisation is Fjord Kaffe (sorted by name)
}

const inDays = (n: number) => shiftLedgerDate(todayPortalDate(), n);
const plain = { periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: inDays(30) };

interface Fixtures {
  active: string; // Kirjanpito on 302102 (Grünerløkka Nettbutikk: in Mona's scope)
  pending: string; // Kirjanpito on 302101 with personal data, asked for by Kari
  outOfScope: string; // Kirjanpito on 302103 (Bryggen: outside Mona's scope)
}
let fx: Fixtures;

beforeEach(async () => {
  await resetGrants({ push: false });
  const kari = await actor(EMAILS.kari);
  const kirjanpito = await partnerId("kirjanpito");
  const [active] = await grantLedgerAccess({ partnerId: kirjanpito, ledgerIds: [await ledgerId("302102")], ...plain }, kari);
  const [pending] = await grantLedgerAccess({ partnerId: kirjanpito, ledgerIds: [await ledgerId("302101")], ...plain, includesPersonalData: true }, kari);
  const [outOfScope] = await grantLedgerAccess({ partnerId: kirjanpito, ledgerIds: [await ledgerId("302103")], ...plain }, kari);
  fx = { active: active!.id, pending: pending!.id, outOfScope: outOfScope!.id };
});

async function snapshot() {
  const grants = await db.ledgerGrant.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, updatedAt: true, validUntil: true, includesPersonalData: true } });
  return { grants, audit: await db.auditEvent.count(), notifications: await db.notification.count() };
}

type Expect = "ok" | AppErrorCode;
type Call = () => Promise<{ ok: boolean; error?: { code: AppErrorCode } }>;

const cases: { action: string; call: (f: Fixtures) => Promise<Call>; expect: Partial<Record<Persona, Expect>> }[] = [
  {
    action: "grantAccessAction (302101 for Konto Partner)",
    call: async () => {
      const input = { partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId("302101")], ...plain, consentAccepted: true };
      return () => actions.grantAccessAction(input);
    },
    expect: { kari: "ok", ola: "ok", mona: "ok", vera: "FORBIDDEN", kariAtNordlys: "FORBIDDEN", nils: "NOT_FOUND", freja: "NOT_FOUND", per: "NOT_FOUND", anne: "NOT_FOUND", mads: "NOT_FOUND", admin: "NOT_FOUND", anonymous: "UNAUTHENTICATED" },
  },
  {
    action: "grantAccessAction (302103, outside Mona's sales units)",
    call: async () => {
      const input = { partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId("302103")], ...plain, consentAccepted: true };
      return () => actions.grantAccessAction(input);
    },
    expect: { kari: "ok", mona: "NOT_FOUND", vera: "FORBIDDEN", nils: "NOT_FOUND" },
  },
  {
    action: "changeGrantAction (active grant)",
    call: async (f) => () => actions.changeGrantAction({ grantId: f.active, ...plain, validUntil: inDays(10) }),
    expect: { kari: "ok", ola: "ok", mona: "ok", vera: "FORBIDDEN", kariAtNordlys: "FORBIDDEN", nils: "NOT_FOUND", freja: "NOT_FOUND", per: "NOT_FOUND", anne: "NOT_FOUND", mads: "NOT_FOUND", admin: "NOT_FOUND", anonymous: "UNAUTHENTICATED" },
  },
  {
    action: "changeGrantAction (grant outside Mona's sales units)",
    call: async (f) => () => actions.changeGrantAction({ grantId: f.outOfScope, ...plain, validUntil: inDays(10) }),
    expect: { kari: "ok", mona: "NOT_FOUND", nils: "NOT_FOUND" },
  },
  {
    action: "revokeGrantAction (active grant)",
    call: async (f) => () => actions.revokeGrantAction({ grantId: f.active }),
    expect: { kari: "ok", ola: "ok", mona: "ok", vera: "FORBIDDEN", kariAtNordlys: "FORBIDDEN", nils: "NOT_FOUND", freja: "NOT_FOUND", per: "NOT_FOUND", anne: "NOT_FOUND", mads: "NOT_FOUND", admin: "NOT_FOUND", anonymous: "UNAUTHENTICATED" },
  },
  {
    action: "revokeGrantAction (grant outside Mona's sales units)",
    call: async (f) => () => actions.revokeGrantAction({ grantId: f.outOfScope }),
    expect: { ola: "ok", mona: "NOT_FOUND" },
  },
  {
    action: "approveGrantAction (Kari's pending grant)",
    call: async (f) => () => actions.approveGrantAction({ grantId: f.pending }),
    expect: { ola: "ok", kari: "FORBIDDEN", mona: "FORBIDDEN", vera: "FORBIDDEN", kariAtNordlys: "FORBIDDEN", nils: "NOT_FOUND", freja: "NOT_FOUND", per: "NOT_FOUND", anne: "NOT_FOUND", mads: "NOT_FOUND", admin: "NOT_FOUND", anonymous: "UNAUTHENTICATED" },
  },
  {
    action: "declineGrantAction (Kari's pending grant)",
    call: async (f) => () => actions.declineGrantAction({ grantId: f.pending, reason: "no" }),
    expect: { ola: "ok", kari: "FORBIDDEN", mona: "FORBIDDEN", vera: "FORBIDDEN", nils: "NOT_FOUND", freja: "NOT_FOUND", per: "NOT_FOUND", anne: "NOT_FOUND", mads: "NOT_FOUND", admin: "NOT_FOUND", anonymous: "UNAUTHENTICATED" },
  },
  {
    action: "previewGrantAction (302101)",
    call: async () => {
      const input = { ledgerId: await ledgerId("302101"), periodFrom: null, periodTo: null, includesPersonalData: false };
      return () => actions.previewGrantAction(input);
    },
    expect: { kari: "ok", mona: "ok", vera: "FORBIDDEN", nils: "NOT_FOUND", per: "NOT_FOUND", admin: "NOT_FOUND", anonymous: "UNAUTHENTICATED" },
  },
  {
    action: "previewGrantAction (302103, outside Mona's sales units)",
    call: async () => {
      const input = { ledgerId: await ledgerId("302103"), periodFrom: null, periodTo: null, includesPersonalData: false };
      return () => actions.previewGrantAction(input);
    },
    expect: { kari: "ok", mona: "NOT_FOUND" },
  },
  {
    action: "searchPartnersAction",
    call: async () => () => actions.searchPartnersAction({ query: "konto" }),
    expect: { kari: "ok", mona: "ok", vera: "FORBIDDEN", per: "NOT_FOUND", mads: "NOT_FOUND", admin: "NOT_FOUND", anonymous: "UNAUTHENTICATED" },
  },
];

describe.each(cases)("$action", ({ call, expect: expected }) => {
  it.each(Object.entries(expected) as [Persona, Expect][])("as %s → %s", async (persona, outcome) => {
    await signIn(persona);
    const run = await call(fx);
    const before = await snapshot();
    const result = await run();
    if (outcome === "ok") {
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      return;
    }
    expect(result, JSON.stringify(result)).toMatchObject({ ok: false, error: { code: outcome } });
    expect(await snapshot(), "a refused action changes nothing").toEqual(before);
  });
});

describe("what a refusal reveals", () => {
  it("another tenant's grant answers exactly like a grant that does not exist", async () => {
    await signIn("nils");
    const foreign = await actions.revokeGrantAction({ grantId: fx.active });
    const missing = await actions.revokeGrantAction({ grantId: "00000000-0000-4000-8000-000000000000" });
    expect(foreign).toEqual(missing);
  });

  it("the search lists approved partners only, with what this merchant already granted each", async () => {
    await signIn("kari");
    const result = await actions.searchPartnersAction({ query: "" });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.map((p) => p.name)).toEqual(["Kirjanpito Kumppanit Oy", "Konto Partner ApS", "Tall & Balanse Regnskap AS"]);
    expect(result.data.find((p) => p.name === "Kirjanpito Kumppanit Oy")?.liveLedgerCount).toBe(3);
    const byOrgNo = await actions.searchPartnersAction({ query: "987 654 321" });
    expect(byOrgNo.ok && byOrgNo.data.map((p) => p.name)).toEqual(["Tall & Balanse Regnskap AS"]);
    const byDashedOrgNo = await actions.searchPartnersAction({ query: "2345678-9" });
    expect(byDashedOrgNo.ok && byDashedOrgNo.data.map((p) => p.name)).toEqual(["Kirjanpito Kumppanit Oy"]);
  });
});
