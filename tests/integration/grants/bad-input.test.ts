import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Bad input to every grant action gives INVALID_INPUT with a plain message per field, and changes nothing.
 * Called through the real action wrapper as Kari (Fjord Kaffe admin), as in actions-authz.test.ts.
 */
vi.mock("@/lib/server/auth/auth", async () => (await import("@/tests/support/action-session")).authMock);
vi.mock("next/headers", async () => (await import("@/tests/support/action-session")).headersMock);
vi.mock("next/cache", async () => (await import("@/tests/support/action-session")).cacheMock);

const { actAs } = await import("@/tests/support/action-session");
const { db } = await import("@/lib/server/db");
const actions = await import("@/lib/server/grants/actions");
const core = await import("@/lib/server/grants");
const { actor, EMAILS, ledgerId, partnerId, resetGrants, shiftLedgerDate, startGrantTestWorld, todayPortalDate } = await import("./support");

let world: Awaited<ReturnType<typeof startGrantTestWorld>>;
let ids: { konto: string; l1: string; l2: string; nordlysLedger: string; grant: string };

beforeAll(async () => {
  world = await startGrantTestWorld();
  const kari = await actor(EMAILS.kari);
  actAs(kari.user.id, `m:${kari.merchantId}`);
  const konto = await partnerId("konto-partner");
  const l1 = await ledgerId("302101");
  const [grant] = await core.grantLedgerAccess({ partnerId: konto, ledgerIds: [l1], periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: inDays(20) }, kari);
  ids = { konto, l1, l2: await ledgerId("302102"), nordlysLedger: await ledgerId("302201"), grant: grant!.id };
});
afterAll(async () => {
  await resetGrants();
  await world.stop();
});

const today = () => todayPortalDate();
const inDays = (n: number) => shiftLedgerDate(today(), n);

async function snapshot() {
  return {
    grants: await db.ledgerGrant.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, updatedAt: true } }),
    audit: await db.auditEvent.count(),
    notifications: await db.notification.count(),
  };
}

const validGrant = () => ({ partnerId: ids.konto, ledgerIds: [ids.l2], periodFrom: inDays(-30), periodTo: null, includesPersonalData: false, validUntil: inDays(30), consentAccepted: true });
const validChange = () => ({ grantId: ids.grant, periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: inDays(10) });

type Case = [label: string, input: () => unknown, field: string, message: RegExp];

const grantCases: Case[] = [
  ["nothing at all", () => ({}), "partnerId", /Choose an accounting partner/],
  ["a form with no partner chosen", () => ({ ...validGrant(), partnerId: "" }), "partnerId", /Choose an accounting partner/],
  ["no ledger", () => ({ ...validGrant(), ledgerIds: [] }), "ledgerIds", /at least one ledger/],
  ["ledgers as a string", () => ({ ...validGrant(), ledgerIds: ids.l2 }), "ledgerIds", /at least one ledger/],
  ["a ledger twice", () => ({ ...validGrant(), ledgerIds: [ids.l2, ids.l2] }), "ledgerIds", /chosen twice/],
  ["51 ledgers", () => ({ ...validGrant(), ledgerIds: Array.from({ length: 51 }, () => crypto.randomUUID()) }), "ledgerIds", /at most 50/],
  ["a malformed ledger id", () => ({ ...validGrant(), ledgerIds: ["302102"] }), "ledgerIds.0", /not valid/],
  ["an oversized id", () => ({ ...validGrant(), partnerId: "x".repeat(100_000) }), "partnerId", /not valid/],
  ["a number for a date", () => ({ ...validGrant(), periodFrom: 20250101 }), "periodFrom", /YYYY-MM-DD/],
  ["a date that does not exist", () => ({ ...validGrant(), periodFrom: "2025-02-30" }), "periodFrom", /YYYY-MM-DD/],
  ["a date in another format", () => ({ ...validGrant(), validUntil: "31.12.2030" }), "validUntil", /YYYY-MM-DD/],
  ["a date far out", () => ({ ...validGrant(), validUntil: "2999-01-01" }), "validUntil", /between 2000 and 2099/],
  ["dates out of order", () => ({ ...validGrant(), periodFrom: inDays(-1), periodTo: inDays(-10) }), "periodTo", /on or after its start/],
  ["an end date in the past", () => ({ ...validGrant(), validUntil: inDays(-1) }), "validUntil", /today or later/],
  ["personal data as a string", () => ({ ...validGrant(), includesPersonalData: "yes" }), "includesPersonalData", /yes or no/],
  ["no consent", () => ({ ...validGrant(), consentAccepted: false }), "consentAccepted", /Confirm the consent text/],
];

describe("grantAccessAction", () => {
  it.each(grantCases)("%s → a clear message on %s, nothing changes", async (_label, input, field, message) => {
    const before = await snapshot();
    const result = await actions.grantAccessAction(input());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("INVALID_INPUT");
    expect(result.error.fields?.[field]).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it("ids of another tenant: NOT_FOUND, nothing changes", async () => {
    const before = await snapshot();
    const result = await actions.grantAccessAction({ ...validGrant(), ledgerIds: [ids.l2, ids.nordlysLedger] });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND", fields: { ledgerIds: expect.stringMatching(/does not exist/) } } });
    expect(await snapshot()).toEqual(before);
  });

  it("an unknown partner: NOT_FOUND, nothing changes", async () => {
    const before = await snapshot();
    const result = await actions.grantAccessAction({ ...validGrant(), partnerId: crypto.randomUUID() });
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND", fields: { partnerId: expect.stringMatching(/approved partners/) } } });
    expect(await snapshot()).toEqual(before);
  });

  it("FormData (a plain form post) with text where a list is expected is refused, not a crash", async () => {
    const form = new FormData();
    form.set("partnerId", ids.konto);
    form.set("ledgerIds", ids.l2);
    form.set("includesPersonalData", "false");
    const result = await actions.grantAccessAction(form);
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
  });
});

const changeCases: Case[] = [
  ["no grant id", () => ({ ...validChange(), grantId: undefined }), "grantId", /not valid/],
  ["a malformed grant id", () => ({ ...validChange(), grantId: "'; drop table" }), "grantId", /not valid/],
  ["dates out of order", () => ({ ...validChange(), periodFrom: "2025-06-02", periodTo: "2025-06-01" }), "periodTo", /on or after its start/],
  ["an end date in the past", () => ({ ...validChange(), validUntil: "2020-01-01" }), "validUntil", /today or later/],
  ["personal data missing", () => ({ ...validChange(), includesPersonalData: undefined }), "includesPersonalData", /yes or no/],
];

describe("changeGrantAction", () => {
  it.each(changeCases)("%s → a clear message on %s, nothing changes", async (_label, input, field, message) => {
    const before = await snapshot();
    const result = await actions.changeGrantAction(input());
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    if (!result.ok) expect(result.error.fields?.[field]).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });
});

describe("revoke, approve, decline, preview, search", () => {
  it.each([
    ["revokeGrantAction", () => actions.revokeGrantAction({ grantId: 42 }), "grantId"],
    ["approveGrantAction", () => actions.approveGrantAction({}), "grantId"],
    ["declineGrantAction (id)", () => actions.declineGrantAction({ grantId: "nope" }), "grantId"],
    ["declineGrantAction (reason too long)", () => actions.declineGrantAction({ grantId: ids.grant, reason: "x".repeat(501) }), "reason"],
    ["previewGrantAction", () => actions.previewGrantAction({ ledgerId: ids.l1, periodFrom: "2025-06-02", periodTo: "2025-06-01", includesPersonalData: false }), "periodTo"],
    ["searchPartnersAction", () => actions.searchPartnersAction({ query: "x".repeat(101) }), "query"],
  ] as const)("%s with bad input names the field and changes nothing", async (_label, run, field) => {
    const before = await snapshot();
    const result = await run();
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toContain(field);
    expect(await snapshot()).toEqual(before);
  });
});

describe("core functions check their input themselves (other features call them directly)", () => {
  it("grantLedgerAccess refuses dates out of order with field messages", async () => {
    const kari = await actor(EMAILS.kari);
    await expect(
      core.grantLedgerAccess({ partnerId: ids.konto, ledgerIds: [ids.l2], periodFrom: "2025-06-02", periodTo: "2025-06-01", includesPersonalData: false, validUntil: null }, kari),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fields: { periodTo: expect.stringMatching(/on or after/) } });
  });

  it("changeGrant refuses a malformed id and revokeGrant a malformed id", async () => {
    const kari = await actor(EMAILS.kari);
    await expect(core.changeGrant({ grantId: "x", periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: null }, kari)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(core.revokeGrant({ grantId: "x" }, kari)).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });
});
