import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/server/authz/contexts", async () => (await import("./session")).sessionMocks.contexts);
vi.mock("@/lib/server/authz/current-user", async () => (await import("./session")).sessionMocks.currentUser);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { db } from "@/lib/server/db";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { renewGrantAction } from "@/lib/server/renewals/renewal-actions";
import { listRenewals } from "@/lib/server/renewals/list-renewals";
import { countMyUnreadNotificationsAction, listMyNotificationsAction, markNotificationsReadAction } from "@/lib/server/notifications/inbox-actions";
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

const today = () => todayPortalDate();
const inDays = (n: number) => shiftLedgerDate(today(), n);
// Noon (UTC) of the portal date n days back: a grant's length is counted in Oslo dates, and a moment n × 24 h back
// lands on another Oslo date late in the evening when summer time lies between (22:00–23:00 UTC in winter).
const daysAgo = (n: number) => new Date(`${shiftLedgerDate(today(), -n)}T12:00:00Z`);

describe("one-click renewal (M8)", () => {
  it("extends by the grant's own length, counted from its end date, through the grant core's change", async () => {
    // Granted 80 days ago until 10 days from now: a 90-day grant.
    const g = await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: inDays(10), createdAt: daysAgo(80), lastReminderDays: 14 });
    const [candidate] = (await listRenewals(w.ctx.admin)).ending;
    expect(candidate).toMatchObject({ grantId: g, daysLeft: 10, lengthDays: 90, canRenew: true });

    asMerchant(w.ctx.admin);
    const res = await renewGrantAction({ grantId: g, length: "same" });
    expect(res).toEqual({ ok: true, data: { grantId: g, validUntil: inDays(100), status: "active", days: 90 } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: g, action: "grant.changed" } });
    expect(event).toMatchObject({ actorUserId: w.people.admin.id, before: { validUntil: inDays(10) }, after: { validUntil: inDays(100), status: "active" } });
    // The partner is told by the grant core.
    expect((await db.notification.findMany({ where: { userId: w.people.owner.id } })).map((n) => n.kind)).toEqual(["grant.changed"]);
    // Out of the renewal window now.
    expect((await listRenewals(w.ctx.admin)).ending).toEqual([]);
  });

  it("extends by a chosen length; a manager only on ledgers of their own sales units", async () => {
    const g1 = await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: inDays(3) });
    const g3 = await makeGrant(w, { ledger: w.merchant.ledgers.l3, validUntil: inDays(3) });
    asMerchant(w.ctx.manager);
    expect(await renewGrantAction({ grantId: g1, length: "30" })).toMatchObject({ ok: true, data: { validUntil: inDays(33), days: 30 } });
    // l3 also settles a sales unit the manager does not manage.
    const before = await snapshot(w);
    expect(await renewGrantAction({ grantId: g3, length: "30" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await snapshot(w)).toEqual(before);
    // Both still end within the renewal window (45 days); only the manager's own ledger can be renewed by them.
    expect((await listRenewals(w.ctx.manager)).ending.map((c) => [c.grantId, c.daysLeft, c.canRenew])).toEqual([[g3, 3, false], [g1, 33, true]]);
  });

  it("404 for another merchant's grant and for the partner persona; 403 for a viewer; CONFLICT for ended or open-ended access", async () => {
    const g = await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: inDays(5) });
    const ended = await makeGrant(w, { ledger: w.merchant.ledgers.l2, validUntil: inDays(-2), status: "expired" });
    const open = await makeGrant(w, { ledger: w.merchant.ledgers.l3, validUntil: null });
    const before = await snapshot(w);
    asMerchant(w.ctx.otherAdmin);
    expect(await renewGrantAction({ grantId: g, length: "same" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    asPartner(w.ctx.owner);
    expect(await renewGrantAction({ grantId: g, length: "same" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    asMerchant(w.ctx.viewer);
    expect(await renewGrantAction({ grantId: g, length: "same" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    asMerchant(w.ctx.admin);
    expect(await renewGrantAction({ grantId: ended, length: "30" })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await renewGrantAction({ grantId: open, length: "30" })).toMatchObject({ ok: false, error: { code: "CONFLICT", message: "This access has no end date, so there is nothing to renew." } });
    for (const bad of [{}, { grantId: g }, { grantId: g, length: "forever" }, { grantId: g, length: 30 }, { grantId: "x".repeat(1000), length: "30" }]) {
      expect(await renewGrantAction(bad)).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    }
    expect(await snapshot(w)).toEqual(before);
    expect((await listRenewals(w.ctx.admin)).lapsed.map((c) => c.grantId)).toEqual([ended]);
  });

  it("puts a grant with personal data back to a second admin, as the grant core does for any widening", async () => {
    const g = await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: inDays(5), includesPersonalData: true });
    asMerchant(w.ctx.admin);
    expect(await renewGrantAction({ grantId: g, length: "90" })).toMatchObject({ ok: true, data: { status: "pending_approval" } });
    expect((await db.notification.findMany({ where: { userId: w.people.admin2.id } })).map((n) => n.kind)).toContain("grant.approval_needed");
  });
});

describe("the notifications bell", () => {
  it("lists and marks only the signed-in person's own notifications", async () => {
    const mine = await db.notification.create({ data: { userId: w.people.admin.id, kind: "test", title: "Mine", body: "b", href: "https://evil.example/phish" } });
    const mine2 = await db.notification.create({ data: { userId: w.people.admin.id, kind: "test", title: "Mine too", body: "b", href: "/merchant/requests" } });
    const theirs = await db.notification.create({ data: { userId: w.people.owner.id, kind: "test", title: "Theirs", body: "b" } });
    asMerchant(w.ctx.admin);
    const listed = await listMyNotificationsAction({ limit: 10 });
    expect(listed.ok && listed.data.items.map((n) => [n.title, n.href])).toEqual([["Mine too", "/merchant/requests"], ["Mine", null]]);
    expect(listed.ok && listed.data.unread).toBe(2);
    expect(await countMyUnreadNotificationsAction({})).toEqual({ ok: true, data: { unread: 2 } });
    expect(await countMyUnreadNotificationsAction({ userId: w.people.owner.id })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });

    // Someone else's id is simply not theirs to mark.
    expect(await markNotificationsReadAction({ ids: [theirs.id, mine.id] })).toEqual({ ok: true, data: { marked: 1 } });
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect(await markNotificationsReadAction({ all: true })).toEqual({ ok: true, data: { marked: 1 } });
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine2.id } })).readAt).not.toBeNull();
    expect(await countMyUnreadNotificationsAction({})).toEqual({ ok: true, data: { unread: 0 } });

    for (const bad of [{}, { ids: [] }, { ids: "all" }, { all: false }, { ids: ["1"] }, { ids: Array.from({ length: 101 }, () => mine.id) }]) {
      expect(await markNotificationsReadAction(bad)).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    }
    expect(await listMyNotificationsAction({ limit: 1000 })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    signOut();
    expect(await listMyNotificationsAction({ limit: 10 })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await markNotificationsReadAction({ all: true })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });
});
