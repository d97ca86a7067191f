import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/server/authz/contexts", async () => (await import("./session")).sessionMocks.contexts);
vi.mock("@/lib/server/authz/current-user", async () => (await import("./session")).sessionMocks.currentUser);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { db } from "@/lib/server/db";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import {
  approveAccessRequestAction, createAccessRequestAction, declineAccessRequestAction, withdrawAccessRequestAction,
} from "@/lib/server/access-requests/actions";
import { createAccessRequest } from "@/lib/server/access-requests/create-access-request";
import { listRequestsForMerchant, listRequestsForPartner } from "@/lib/server/access-requests/list-requests";
import { listClients } from "@/lib/server/partner-clients/list-clients";
import { asMerchant, asPartner, signOut } from "./session";
import { makeGrant, resetWorld, snapshot, startLifecycleWorld, upstreamLedgers, type LifecycleWorld } from "./world";

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
const ask = (over: Record<string, unknown> = {}) => ({
  by: "msn",
  msns: [w.merchant.units.b.msn, w.merchant.units.c.msn],
  orgNo: "",
  periodFrom: "2025-01-01",
  periodTo: "",
  includesPersonalData: false,
  purpose: "Year-end closing 2025 and the VAT returns",
  ...over,
});

/** A request made by the partner owner; returns the id of the request its merchant received. */
async function requestAsOwner(over: Record<string, unknown> = {}): Promise<string> {
  asPartner(w.ctx.owner);
  const res = await createAccessRequestAction(ask(over));
  if (!res.ok) throw new Error(`request failed: ${JSON.stringify(res.error)}`);
  expect(res.data).toEqual({ sent: true });
  return latestRequestId();
}

async function latestRequestId(): Promise<string> {
  return (await db.accessRequest.findFirstOrThrow({ where: { partnerId: w.partner.id }, orderBy: { createdAt: "desc" }, select: { id: true } })).id;
}

async function notificationsOf(userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, title: true, body: true, href: true } });
}

describe("asking for access (P7)", () => {
  it("sends the request to the merchant of the MSNs, tells its admins, and audits it", async () => {
    const requestId = await requestAsOwner();
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id: requestId }, include: { salesUnits: true } });
    expect(row).toMatchObject({ merchantId: w.merchant.id, partnerId: w.partner.id, requestedById: w.people.owner.id, status: "pending", includesPersonalData: false });
    expect(row.salesUnits.map((s) => s.salesUnitId).sort()).toEqual([w.merchant.units.b.id, w.merchant.units.c.id].sort());
    // Fourteen days to answer.
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(14 * 86_400_000);

    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: requestId } });
    expect(event).toMatchObject({ action: "access_request.created", actorUserId: w.people.owner.id, merchantId: w.merchant.id, partnerId: w.partner.id });
    expect(event.after).toMatchObject({ status: "pending", msns: [w.merchant.units.b.msn, w.merchant.units.c.msn], periodFrom: "2025-01-01", periodTo: null });

    for (const admin of [w.people.admin, w.people.admin2]) {
      const notes = await notificationsOf(admin.id);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ kind: "request.created", title: `${w.partner.name} asks for access to your settlements`, href: "/merchant/requests" });
      expect(notes[0]?.body).toContain("Year-end closing 2025");
    }
    // Admins decide; a manager or viewer is not e-mailed about it.
    expect(await notificationsOf(w.people.viewer.id)).toEqual([]);
    expect(await db.outboxEmail.count({ where: { toAddress: { in: [w.people.admin.email, w.people.admin2.email] } } })).toBe(2);
  });

  it("sends a request by organisation number to that merchant, without sales units", async () => {
    const requestId = await requestAsOwner({ by: "orgNo", msns: [], orgNo: ` ${w.merchant.orgNo.slice(0, 3)} ${w.merchant.orgNo.slice(3)} ` });
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id: requestId }, include: { salesUnits: true } });
    expect(row.merchantId).toBe(w.merchant.id);
    expect(row.salesUnits).toEqual([]);
  });

  it("does not say whether an organisation number or MSN is in the portal: unknown ones reach no merchant (finding 7)", async () => {
    asPartner(w.ctx.owner);
    const before = await snapshot(w);
    expect(await createAccessRequestAction(ask({ by: "orgNo", msns: [], orgNo: "999999999" }))).toEqual({ ok: true, data: { sent: true } });
    expect(await createAccessRequestAction(ask({ msns: ["99999999"] }))).toEqual({ ok: true, data: { sent: true } });
    const after = await snapshot(w);
    // Only the partner's own rows: no merchant, no audit event, no notice, no mail.
    expect(after.requests.filter((r) => r.merchantId === null)).toHaveLength(2);
    expect({ ...after, requests: after.requests.filter((r) => r.merchantId !== null) }).toEqual(before);
  });

  it("sends nothing more to a merchant already asked, or for ledgers already granted, and says the same as always", async () => {
    await requestAsOwner();
    const merchantSide = async () => ({ ...(await snapshot(w)), requests: (await snapshot(w)).requests.filter((r) => r.merchantId !== null) });
    const before = await merchantSide();
    const again = await createAccessRequestAction(ask({ by: "orgNo", msns: [], orgNo: w.merchant.orgNo }));
    expect(again).toEqual({ ok: true, data: { sent: true } });
    expect(await merchantSide()).toEqual(before);

    await makeGrant(w, { ledger: w.other.ledger, merchantId: w.other.id, validUntil: inDays(30) });
    const mid = await merchantSide();
    const granted = await createAccessRequestAction(ask({ msns: [w.other.unit.msn] }));
    expect(granted).toEqual({ ok: true, data: { sent: true } });
    expect(await merchantSide()).toEqual(mid);
  });

  it("lets only an approved firm's owner ask: 403 for an accountant, a pending or suspended firm; 404 for a merchant user", async () => {
    const before = await snapshot(w);
    for (const ctx of [w.ctx.accountant, w.ctx.pendingOwner, w.ctx.suspendedOwner]) {
      asPartner(ctx);
      expect(await createAccessRequestAction(ask())).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    }
    asMerchant(w.ctx.admin);
    expect(await createAccessRequestAction(ask())).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    signOut();
    expect(await createAccessRequestAction(ask())).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await snapshot(w)).toEqual(before);
  });

  it("refuses bad input with field messages and changes nothing", async () => {
    asPartner(w.ctx.owner);
    const before = await snapshot(w);
    const cases: [unknown, string][] = [
      [{}, "by"],
      [ask({ by: "email" }), "by"],
      [ask({ msns: [] }), "msns"],
      [ask({ msns: "212002" }), "msns"],
      [ask({ msns: ["12ab"] }), "msns.0"],
      [ask({ msns: [w.merchant.units.b.msn, w.merchant.units.b.msn] }), "msns"],
      [ask({ msns: Array.from({ length: 21 }, (_, i) => String(100000 + i)) }), "msns"],
      [ask({ by: "orgNo", msns: [], orgNo: "" }), "orgNo"],
      [ask({ by: "orgNo", msns: [], orgNo: "12-34" }), "orgNo"],
      [ask({ periodFrom: "2025-02-30" }), "periodFrom"],
      [ask({ periodFrom: "2025-06-01", periodTo: "2025-01-01" }), "periodTo"],
      [ask({ periodTo: 20250101 }), "periodTo"],
      [ask({ includesPersonalData: "yes" }), "includesPersonalData"],
      [ask({ purpose: "   " }), "purpose"],
      [ask({ purpose: "short" }), "purpose"],
      [ask({ purpose: "x".repeat(501) }), "purpose"],
      [ask({ orgNo: "9".repeat(10_000) }), "orgNo"],
      ["not an object", "_"],
    ];
    for (const [input, field] of cases) {
      const res = await createAccessRequestAction(input);
      expect(res.ok, JSON.stringify(input).slice(0, 80)).toBe(false);
      if (res.ok) continue;
      expect(res.error.code).toBe("INVALID_INPUT");
      expect(Object.keys(res.error.fields ?? {}), JSON.stringify(res.error)).toContain(field);
    }
    expect(await snapshot(w)).toEqual(before);
  });
});

describe("answering a request (M4)", () => {
  it("approves narrowed: one ledger, a shorter period, an end date; the partner sees exactly that", async () => {
    const requestId = await requestAsOwner();
    asMerchant(w.ctx.admin);
    const validUntil = inDays(90);
    const res = await approveAccessRequestAction({ requestId, ledgerIds: [w.merchant.ledgers.l2.id], periodFrom: "2025-06-01", periodTo: "2025-12-31", includesPersonalData: false, validUntil });
    expect(res).toEqual({ ok: true, data: { requestId, grantCount: 1, pendingApproval: false, narrowed: true } });

    const grants = await db.ledgerGrant.findMany({ where: { requestId } });
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ ledgerId: w.merchant.ledgers.l2.id, partnerId: w.partner.id, status: "active", grantedById: w.people.admin.id, includesPersonalData: false });
    const request = await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "approved", decidedById: w.people.admin.id });

    const events = await db.auditEvent.findMany({ where: { targetId: { in: [requestId, grants[0]!.id] } }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["access_request.created", "grant.created", "access_request.approved"]);
    expect(events[2]?.after).toMatchObject({ status: "approved", ledgers: [w.merchant.ledgers.l2.externalId], periodFrom: "2025-06-01", periodTo: "2025-12-31", validUntil, narrowed: true });
    expect(events[2]?.before).toMatchObject({ status: "pending", periodFrom: "2025-01-01", periodTo: null });

    // The owner hears it from the grant core (granted) and from the request (less than asked).
    const notes = await notificationsOf(w.people.owner.id);
    expect(notes.map((n) => n.kind).sort()).toEqual(["grant.granted", "request.approved"]);
    expect(notes.find((n) => n.kind === "request.approved")?.title).toBe(`${w.merchant.name} approved part of your access request`);

    const clients = await listClients(w.ctx.owner);
    expect(clients).toEqual([
      expect.objectContaining({
        merchantId: w.merchant.id,
        ledgers: [expect.objectContaining({ ledgerExternalId: w.merchant.ledgers.l2.externalId, periodFrom: "2025-06-01", periodTo: "2025-12-31", validUntil, includesPersonalData: false })],
      }),
    ]);
    expect(upstreamLedgers(w, w.partner.orgNo)).toEqual([w.merchant.ledgers.l2.externalId]);

    const partnerView = await listRequestsForPartner(w.ctx.owner);
    expect(partnerView[0]).toMatchObject({
      id: requestId,
      status: "approved",
      accepted: [{ merchant: { name: w.merchant.name, orgNo: w.merchant.orgNo }, grants: [expect.objectContaining({ ledgerExternalId: w.merchant.ledgers.l2.externalId, validUntil })] }],
    });
  });

  it("approves a request by organisation number with ledgers the merchant chooses", async () => {
    const requestId = await requestAsOwner({ by: "orgNo", msns: [], orgNo: w.merchant.orgNo, periodFrom: "" });
    asMerchant(w.ctx.admin);
    const res = await approveAccessRequestAction({ requestId, ledgerIds: [w.merchant.ledgers.l1.id], periodFrom: "", periodTo: "", includesPersonalData: false, validUntil: inDays(30) });
    expect(res).toMatchObject({ ok: true, data: { grantCount: 1, narrowed: false } });
    // As asked: the grant core's notice is the answer; no second one.
    expect((await notificationsOf(w.people.owner.id)).map((n) => n.kind)).toEqual(["grant.granted"]);
  });

  it("never gives more than was asked: earlier start, open period, personal data, other ledgers", async () => {
    const requestId = await requestAsOwner({ periodTo: "2025-12-31" });
    asMerchant(w.ctx.admin);
    const base = { requestId, ledgerIds: [w.merchant.ledgers.l2.id], periodFrom: "2025-01-01", periodTo: "2025-12-31", includesPersonalData: false, validUntil: inDays(30) };
    const before = await snapshot(w);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ periodFrom: "2024-12-31" }, "INVALID_INPUT", "periodFrom"],
      [{ periodFrom: "" }, "INVALID_INPUT", "periodFrom"],
      [{ periodTo: "" }, "INVALID_INPUT", "periodTo"],
      [{ periodTo: "2026-01-01" }, "INVALID_INPUT", "periodTo"],
      [{ includesPersonalData: true }, "INVALID_INPUT", "includesPersonalData"],
      [{ ledgerIds: [w.merchant.ledgers.l1.id] }, "INVALID_INPUT", "ledgerIds"],
      [{ ledgerIds: [w.other.ledger.id] }, "NOT_FOUND", "ledgerIds"],
      [{ validUntil: inDays(-1) }, "INVALID_INPUT", "validUntil"],
    ];
    for (const [over, code, field] of cases) {
      const res = await approveAccessRequestAction({ ...base, ...over });
      expect(res, JSON.stringify(over)).toMatchObject({ ok: false, error: { code } });
      if (!res.ok) expect(Object.keys(res.error.fields ?? {}), JSON.stringify(res.error)).toContain(field);
    }
    expect(await snapshot(w)).toEqual(before);
  });

  it("waits for a second admin when the grant core's four-eyes rule applies (personal data)", async () => {
    const requestId = await requestAsOwner({ includesPersonalData: true });
    asMerchant(w.ctx.admin);
    const res = await approveAccessRequestAction({ requestId, ledgerIds: [w.merchant.ledgers.l2.id], periodFrom: "2025-01-01", periodTo: "", includesPersonalData: true, validUntil: inDays(30) });
    expect(res).toMatchObject({ ok: true, data: { pendingApproval: true, narrowed: true } });
    expect(await db.ledgerGrant.findMany({ where: { requestId }, select: { status: true, requiresSecondApproval: true } })).toEqual([{ status: "pending_approval", requiresSecondApproval: true }]);
    expect((await notificationsOf(w.people.owner.id)).map((n) => [n.kind, n.title])).toEqual([["request.approved", `${w.merchant.name} approved part of your access request`]]);
    expect((await notificationsOf(w.people.admin2.id)).map((n) => n.kind)).toContain("grant.approval_needed");
    // Nothing upstream until the second admin approves.
    expect(upstreamLedgers(w, w.partner.orgNo)).toEqual([]);
  });

  it("declines with a reason: the partner is told, the audit keeps the reason, the request is closed", async () => {
    const requestId = await requestAsOwner();
    asMerchant(w.ctx.admin2);
    expect(await declineAccessRequestAction({ requestId, reason: "We change accounting firm in March." })).toEqual({ ok: true, data: { requestId } });
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "declined", decidedById: w.people.admin2.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: requestId, action: "access_request.declined" } });
    expect(event.after).toEqual({ status: "declined", reason: "We change accounting firm in March." });
    const [note] = await notificationsOf(w.people.owner.id);
    expect(note).toMatchObject({ kind: "request.declined", title: "Your access request was declined" });
    expect(note?.body).not.toContain(w.merchant.name);
    expect(note?.body).toContain("We change accounting firm in March.");
    // Closed: neither approve nor decline nor withdraw again.
    const before = await snapshot(w);
    expect(await approveAccessRequestAction({ requestId, ledgerIds: [w.merchant.ledgers.l2.id], periodFrom: "2025-01-01", periodTo: "", includesPersonalData: false, validUntil: inDays(30) })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await declineAccessRequestAction({ requestId, reason: "" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    asPartner(w.ctx.owner);
    expect(await withdrawAccessRequestAction({ requestId })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await snapshot(w)).toEqual(before);
  });

  it("treats a request past its 14 days as expired, even before the job has run", async () => {
    const now = new Date();
    await createAccessRequest(w.ctx.owner, ask() as never, new Date(now.getTime() - 14 * 86_400_000 - 60_000));
    const created = { requestId: await latestRequestId() };
    expect((await listRequestsForMerchant(w.ctx.admin, now))[0]).toMatchObject({ id: created.requestId, status: "expired", ledgerChoices: [] });
    asMerchant(w.ctx.admin);
    const before = await snapshot(w);
    const res = await approveAccessRequestAction({ requestId: created.requestId, ledgerIds: [w.merchant.ledgers.l2.id], periodFrom: "2025-01-01", periodTo: "", includesPersonalData: false, validUntil: inDays(30) });
    expect(res).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "This request has expired. The partner can send a new one." } });
    expect(await snapshot(w)).toEqual(before);
  });

  it("lets the partner withdraw its own open request; another firm gets 404", async () => {
    const requestId = await requestAsOwner();
    asPartner(w.ctx.rivalOwner);
    const before = await snapshot(w);
    expect(await withdrawAccessRequestAction({ requestId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    asPartner(w.ctx.accountant);
    expect(await withdrawAccessRequestAction({ requestId })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    asMerchant(w.ctx.admin);
    expect(await withdrawAccessRequestAction({ requestId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await snapshot(w)).toEqual(before);
    asPartner(w.ctx.owner);
    for (const bad of [{}, { requestId: "" }, { requestId: 5 }, { requestId: "r".repeat(10_000) }, [requestId]]) {
      expect(await withdrawAccessRequestAction(bad)).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    }
    expect(await snapshot(w)).toEqual(before);
    expect(await withdrawAccessRequestAction({ requestId })).toEqual({ ok: true, data: { requestId } });
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("withdrawn");
    expect((await notificationsOf(w.people.admin.id)).map((n) => n.kind)).toEqual(["request.created", "request.withdrawn"]);
  });
});

describe("who may answer (personas, roles, tenants)", () => {
  const approval = (requestId: string, ledgerIds: string[]) => ({ requestId, ledgerIds, periodFrom: "2025-01-01", periodTo: "", includesPersonalData: false, validUntil: inDays(30) });

  it("404 for another merchant, the partner persona and unknown or malformed ids; 403 for a viewer", async () => {
    const requestId = await requestAsOwner();
    const before = await snapshot(w);
    asMerchant(w.ctx.otherAdmin);
    expect(await approveAccessRequestAction(approval(requestId, [w.other.ledger.id]))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await declineAccessRequestAction({ requestId, reason: "" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await listRequestsForMerchant(w.ctx.otherAdmin)).toEqual([]);
    asPartner(w.ctx.owner);
    expect(await approveAccessRequestAction(approval(requestId, [w.merchant.ledgers.l2.id]))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await declineAccessRequestAction({ requestId, reason: "" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    asMerchant(w.ctx.admin);
    expect(await approveAccessRequestAction(approval("00000000-0000-4000-8000-000000000000", [w.merchant.ledgers.l2.id]))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await declineAccessRequestAction({ requestId: "../../etc/passwd", reason: "" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    asMerchant(w.ctx.viewer);
    expect(await approveAccessRequestAction(approval(requestId, [w.merchant.ledgers.l2.id]))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await declineAccessRequestAction({ requestId, reason: "" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // The viewer still sees it, read-only.
    expect((await listRequestsForMerchant(w.ctx.viewer))[0]).toMatchObject({ id: requestId, decidable: false });
    expect(await snapshot(w)).toEqual(before);
  });

  it("a manager decides requests for their own sales units, within their ledgers only", async () => {
    // b (ledger l2) and c (joint ledger l3 with d): all named units are the manager's, but l3 also settles d.
    const requestId = await requestAsOwner();
    asMerchant(w.ctx.manager);
    const [view] = await listRequestsForMerchant(w.ctx.manager);
    expect(view?.decidable).toBe(true);
    expect(view?.ledgerChoices.map((l) => [l.id, l.grantable]).sort()).toEqual(
      [[w.merchant.ledgers.l2.id, true], [w.merchant.ledgers.l3.id, false]].sort(),
    );
    const before = await snapshot(w);
    expect(await approveAccessRequestAction(approval(requestId, [w.merchant.ledgers.l3.id]))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await snapshot(w)).toEqual(before);
    expect(await approveAccessRequestAction(approval(requestId, [w.merchant.ledgers.l2.id]))).toMatchObject({ ok: true, data: { grantCount: 1 } });
  });

  it("a manager cannot decide a request by org. number (403) and never sees one for units not theirs (404)", async () => {
    const byOrg = await requestAsOwner({ by: "orgNo", msns: [], orgNo: w.merchant.orgNo });
    asMerchant(w.ctx.manager);
    const before = await snapshot(w);
    expect(await approveAccessRequestAction(approval(byOrg, [w.merchant.ledgers.l1.id]))).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await declineAccessRequestAction({ requestId: byOrg, reason: "" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await snapshot(w)).toEqual(before);
    await resetWorld(w);

    const onlyD = await requestAsOwner({ msns: [w.merchant.units.d.msn] });
    asMerchant(w.ctx.manager);
    expect(await listRequestsForMerchant(w.ctx.manager)).toEqual([]);
    expect(await declineAccessRequestAction({ requestId: onlyD, reason: "" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: onlyD } })).status).toBe("pending");
  });

  it("refuses bad input to approve and decline with field messages, changing nothing", async () => {
    const requestId = await requestAsOwner();
    asMerchant(w.ctx.admin);
    const before = await snapshot(w);
    const good = approval(requestId, [w.merchant.ledgers.l2.id]);
    const cases: [unknown, string][] = [
      [{}, "requestId"],
      [{ ...good, requestId: 42 }, "requestId"],
      [{ ...good, ledgerIds: [] }, "ledgerIds"],
      [{ ...good, ledgerIds: "all" }, "ledgerIds"],
      [{ ...good, ledgerIds: [w.merchant.ledgers.l2.id, w.merchant.ledgers.l2.id] }, "ledgerIds"],
      [{ ...good, ledgerIds: ["x".repeat(5000)] }, "ledgerIds.0"],
      [{ ...good, periodFrom: "2025-13-01" }, "periodFrom"],
      [{ ...good, periodFrom: "2025-06-01", periodTo: "2025-05-31" }, "periodTo"],
      [{ ...good, validUntil: null }, "validUntil"],
      [{ ...good, includesPersonalData: 1 }, "includesPersonalData"],
    ];
    for (const [input, field] of cases) {
      const res = await approveAccessRequestAction(input);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe("INVALID_INPUT");
        expect(Object.keys(res.error.fields ?? {}), JSON.stringify(res.error)).toContain(field);
      }
    }
    for (const input of [{ requestId }, { requestId, reason: "x".repeat(501) }, { requestId, reason: ["no"] }]) {
      expect(await declineAccessRequestAction(input)).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    }
    expect(await snapshot(w)).toEqual(before);
  });
});
