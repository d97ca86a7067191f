import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/server/authz/contexts", async () => (await import("./session")).sessionMocks.contexts);
vi.mock("@/lib/server/authz/current-user", async () => (await import("./session")).sessionMocks.currentUser);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { db } from "@/lib/server/db";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { setClientAssignmentsAction } from "@/lib/server/partner-staff/actions";
import { listPartnerStaff } from "@/lib/server/partner-staff/list-partner-staff";
import { listPartnerPeopleForMerchant } from "@/lib/server/partner-staff/list-partner-people-for-merchant";
import { listClients } from "@/lib/server/partner-clients/list-clients";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { asMerchant, asPartner, signOut } from "./session";
import { makeGrant, resetWorld, snapshot, startLifecycleWorld, type LifecycleWorld } from "./world";

let w: LifecycleWorld;
beforeAll(async () => {
  w = await startLifecycleWorld();
});
afterEach(async () => {
  signOut();
  await resetWorld(w);
});
afterAll(() => w.stop());

const inDays = (n: number) => shiftLedgerDate(todayPortalDate(), n);

/** The accountant's context as the session would build it now (assignments read from the database). */
async function accountantNow(): Promise<PartnerContext> {
  const rows = await db.partnerClientAssignment.findMany({ where: { membershipId: w.memberships.accountant }, select: { merchantId: true } });
  return { ...w.ctx.accountant, clientScope: rows.map((r) => r.merchantId) };
}

/** The partner's clients: both merchants granted it a ledger. */
async function grantBoth() {
  await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: inDays(60) });
  await makeGrant(w, { ledger: w.other.ledger, merchantId: w.other.id, validUntil: inDays(60) });
}

describe("the owner assigns accountants to clients (P6)", () => {
  it("assigns Anja to one client: audited, she is told, and then she sees exactly that client", async () => {
    await grantBoth();
    expect(await listClients(await accountantNow())).toEqual([]);
    asPartner(w.ctx.owner);
    const res = await setClientAssignmentsAction({ membershipId: w.memberships.accountant, merchantIds: [w.other.id] });
    expect(res).toEqual({ ok: true, data: { added: [w.other.id], removed: [] } });

    expect((await listClients(await accountantNow())).map((c) => c.merchantName)).toEqual([w.other.name]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "partner_staff.assignments_changed", targetId: w.memberships.accountant }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorUserId: w.people.owner.id, partnerId: w.partner.id, before: { merchantIds: [] }, after: { merchantIds: [w.other.id], added: [w.other.id], removed: [] } });
    const notes = await db.notification.findMany({ where: { userId: w.people.accountant.id } });
    expect(notes).toEqual([expect.objectContaining({ kind: "staff.assignments_changed", body: `You now work on ${w.other.name}.` })]);

    // Replacing the set: one added, one removed, one event.
    const res2 = await setClientAssignmentsAction({ membershipId: w.memberships.accountant, merchantIds: [w.merchant.id] });
    expect(res2).toEqual({ ok: true, data: { added: [w.merchant.id], removed: [w.other.id] } });
    expect((await listClients(await accountantNow())).map((c) => c.merchantName)).toEqual([w.merchant.name]);

    // The same set again changes nothing (no event, no notice).
    const before = await snapshot(w);
    expect(await setClientAssignmentsAction({ membershipId: w.memberships.accountant, merchantIds: [w.merchant.id] })).toEqual({ ok: true, data: { added: [], removed: [] } });
    expect(await snapshot(w)).toEqual(before);
  });

  it("lists the firm's people and clients for the owner only", async () => {
    await grantBoth();
    const staff = await listPartnerStaff(w.ctx.owner);
    expect(staff.clients.map((c) => c.name).sort()).toEqual([w.merchant.name, w.other.name].sort());
    expect(staff.members.map((m) => [m.name, m.role])).toEqual([
      [w.people.owner.name, "owner"],
      ...[[w.people.accountant.name, "accountant"], [w.people.accountant2.name, "accountant"]].sort(),
    ]);
    await expect(listPartnerStaff(w.ctx.accountant)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses other firms' people and merchants that are not clients (404), owners (400), and wrong roles (403/404)", async () => {
    await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: inDays(60) });
    // The other merchant granted the rival, not this partner.
    await makeGrant(w, { ledger: w.other.ledger, merchantId: w.other.id, partnerId: w.rival.id, validUntil: inDays(60) });
    const before = await snapshot(w);
    asPartner(w.ctx.owner);
    expect(await setClientAssignmentsAction({ membershipId: w.memberships.rivalOwner, merchantIds: [] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await setClientAssignmentsAction({ membershipId: w.memberships.accountant, merchantIds: [w.other.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await setClientAssignmentsAction({ membershipId: w.memberships.owner, merchantIds: [w.merchant.id] })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    asPartner(w.ctx.rivalOwner);
    expect(await setClientAssignmentsAction({ membershipId: w.memberships.accountant, merchantIds: [w.merchant.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    asPartner(w.ctx.accountant);
    expect(await setClientAssignmentsAction({ membershipId: w.memberships.accountant, merchantIds: [w.merchant.id] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    asPartner({ ...w.ctx.owner, partnerStatus: "suspended" });
    expect(await setClientAssignmentsAction({ membershipId: w.memberships.accountant, merchantIds: [w.merchant.id] })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    asMerchant(w.ctx.admin);
    expect(await setClientAssignmentsAction({ membershipId: w.memberships.accountant, merchantIds: [w.merchant.id] })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    signOut();
    expect(await setClientAssignmentsAction({ membershipId: w.memberships.accountant, merchantIds: [w.merchant.id] })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await snapshot(w)).toEqual(before);
  });

  it("refuses bad input with field messages, changing nothing", async () => {
    await grantBoth();
    asPartner(w.ctx.owner);
    const before = await snapshot(w);
    const cases: [unknown, string][] = [
      [{}, "membershipId"],
      [{ membershipId: w.memberships.accountant }, "merchantIds"],
      [{ membershipId: "nope", merchantIds: [] }, "membershipId"],
      [{ membershipId: w.memberships.accountant, merchantIds: w.merchant.id }, "merchantIds"],
      [{ membershipId: w.memberships.accountant, merchantIds: [w.merchant.id, w.merchant.id] }, "merchantIds"],
      [{ membershipId: w.memberships.accountant, merchantIds: ["x".repeat(100_000)] }, "merchantIds.0"],
      [{ membershipId: w.memberships.accountant, merchantIds: Array.from({ length: 501 }, () => w.merchant.id) }, "merchantIds"],
    ];
    for (const [input, field] of cases) {
      const res = await setClientAssignmentsAction(input);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe("INVALID_INPUT");
        expect(Object.keys(res.error.fields ?? {}), JSON.stringify(res.error).slice(0, 200)).toContain(field);
      }
    }
    expect(await snapshot(w)).toEqual(before);
  });
});

describe("the merchant sees the named people who can read its ledgers (P6)", () => {
  it("lists owners always and accountants only when assigned to this merchant, with their last use", async () => {
    const grantId = await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: inDays(60) });
    await makeGrant(w, { ledger: w.other.ledger, merchantId: w.other.id, validUntil: inDays(60) });
    await db.partnerClientAssignment.create({ data: { membershipId: w.memberships.accountant2, merchantId: w.other.id } });
    const at = new Date("2026-01-15T10:00:00Z");
    await db.ledgerAccessEvent.create({ data: { at, userId: w.people.owner.id, partnerId: w.partner.id, merchantId: w.merchant.id, ledgerId: w.merchant.ledgers.l1.id, grantId, action: "read", fromDate: new Date("2025-01-01"), toDate: new Date("2025-01-31") } });

    const mine = await listPartnerPeopleForMerchant(w.ctx.admin);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.name).toBe(w.partner.name);
    expect(mine[0]?.people).toEqual([{ userId: w.people.owner.id, name: w.people.owner.name, email: w.people.owner.email, role: "owner", lastAccessAt: at.toISOString() }]);

    await db.partnerClientAssignment.create({ data: { membershipId: w.memberships.accountant, merchantId: w.merchant.id } });
    expect((await listPartnerPeopleForMerchant(w.ctx.viewer))[0]?.people.map((p) => [p.name, p.role])).toEqual([
      [w.people.owner.name, "owner"],
      [w.people.accountant.name, "accountant"],
    ]);
    // The other merchant sees its own partner people (Aksel is assigned there), nothing of this merchant.
    const theirs = await listPartnerPeopleForMerchant(w.ctx.otherAdmin);
    expect(theirs[0]?.ledgers.map((l) => l.externalId)).toEqual([w.other.ledger.externalId]);
    expect(theirs[0]?.people.map((p) => p.name)).toEqual([w.people.owner.name, w.people.accountant2.name]);
    expect(theirs[0]?.people[0]?.lastAccessAt).toBeNull();
  });

  it("shows a manager only partners of their own ledgers, and nothing for ended grants", async () => {
    await makeGrant(w, { ledger: w.merchant.ledgers.l3, validUntil: inDays(60) });
    const manager = { ...w.ctx.manager, salesUnitScope: [w.merchant.units.a.id] };
    expect(await listPartnerPeopleForMerchant(manager)).toEqual([]);
    expect(await listPartnerPeopleForMerchant(w.ctx.manager)).toHaveLength(1);
    await db.ledgerGrant.updateMany({ where: { merchantId: w.merchant.id }, data: { status: "revoked", revokedAt: new Date() } });
    expect(await listPartnerPeopleForMerchant(w.ctx.admin)).toEqual([]);
  });
});
