import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("@/lib/server/authz/contexts", async () => (await import("./session")).sessionMocks.contexts);
vi.mock("@/lib/server/authz/current-user", async () => (await import("./session")).sessionMocks.currentUser);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { db } from "@/lib/server/db";
import { approveAccessRequestAction, createAccessRequestAction, withdrawAccessRequestAction } from "@/lib/server/access-requests/actions";
import { listRequestsForMerchant, listRequestsForPartner } from "@/lib/server/access-requests/list-requests";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { asMerchant, asPartner, signOut } from "./session";
import { resetWorld, startLifecycleWorld, type LifecycleWorld } from "./world";

/**
 * Security finding 7: the request form told a partner which MSNs exist ("Sales unit 99999999 is not in the
 * portal") and whether two belong to one merchant ("belong to different merchants"), and a sent request named
 * the merchant. Now the answer is byte-for-byte the same whatever the MSNs are, and the partner's list shows what
 * it typed, with the merchant's name only once that merchant accepted.
 */
let w: LifecycleWorld;
beforeAll(async () => {
  w = await startLifecycleWorld();
});
afterEach(async () => {
  signOut();
  await resetWorld(w);
});
afterAll(() => w.stop());

const ask = (msns: string[]) => ({ by: "msn", msns, orgNo: "", periodFrom: "", periodTo: "", includesPersonalData: false, purpose: "Monthly bookkeeping and the annual accounts" });

async function sendAsOwner(msns: string[]): Promise<string> {
  asPartner(w.ctx.owner);
  const result = await createAccessRequestAction(ask(msns));
  await resetWorld(w); // each case starts from nothing: no open request changes the next one
  return JSON.stringify(result);
}

describe("the answer to a request does not depend on the MSNs (finding 7)", () => {
  it("is byte-equal for an existing MSN, an unknown one, a mix, and MSNs of two merchants", async () => {
    const existing = await sendAsOwner([w.merchant.units.b.msn]);
    const unknown = await sendAsOwner(["98765432"]);
    const mixed = await sendAsOwner([w.merchant.units.b.msn, "98765432"]);
    const twoMerchants = await sendAsOwner([w.merchant.units.b.msn, w.other.unit.msn]);
    const orgNoUnknown = await (async () => {
      asPartner(w.ctx.owner);
      return JSON.stringify(await createAccessRequestAction({ ...ask([]), by: "orgNo", orgNo: "999999999" }));
    })();
    expect(existing).toBe(JSON.stringify({ ok: true, data: { sent: true } }));
    for (const other of [unknown, mixed, twoMerchants, orgNoUnknown]) expect(other).toBe(existing);
    expect(existing).not.toContain(w.merchant.name);
  });

  it("sends each merchant only its own sales units, and unknown MSNs to nobody", async () => {
    asPartner(w.ctx.owner);
    const audit = await db.auditEvent.count();
    await createAccessRequestAction(ask([w.merchant.units.b.msn, w.other.unit.msn, "98765432"]));
    const mine = await listRequestsForMerchant(w.ctx.admin);
    expect(mine.map((r) => r.salesUnits.map((s) => s.msn))).toEqual([[w.merchant.units.b.msn]]);
    const theirs = await listRequestsForMerchant(w.ctx.otherAdmin);
    expect(theirs.map((r) => r.salesUnits.map((s) => s.msn))).toEqual([[w.other.unit.msn]]);
    // One audit event per merchant reached, none for the unknown number.
    expect(await db.auditEvent.count()).toBe(audit + 2);
      expect(JSON.stringify(await db.auditEvent.findMany({ where: { partnerId: w.partner.id }, select: { after: true } }))).not.toContain("98765432");
  });

  it("leaves no trace a merchant or a count could see when no MSN exists", async () => {
    asPartner(w.ctx.owner);
    const before = { audit: await db.auditEvent.count(), notifications: await db.notification.count(), mails: await db.outboxEmail.count(), merchantRows: await db.accessRequest.count({ where: { merchantId: { not: null } } }) };
    await createAccessRequestAction(ask(["98765432", "87654321"]));
    expect({ audit: await db.auditEvent.count(), notifications: await db.notification.count(), mails: await db.outboxEmail.count(), merchantRows: await db.accessRequest.count({ where: { merchantId: { not: null } } }) }).toEqual(before);
  });
});

describe("the partner's list names the merchant only once it accepts (finding 7)", () => {
  it("shows what the partner typed while pending, the same for known and unknown MSNs, and the merchant once approved", async () => {
    asPartner(w.ctx.owner);
    await createAccessRequestAction(ask([w.merchant.units.b.msn]));
    await createAccessRequestAction(ask(["98765432"]));
    const list = await listRequestsForPartner(w.ctx.owner);
    expect(list).toHaveLength(2);
    const text = JSON.stringify(list);
    expect(text).not.toContain(w.merchant.name);
    expect(text).not.toContain(w.merchant.orgNo);
    const shape = (r: (typeof list)[number]) => ({ ...r, id: "", createdAt: "", expiresAt: "", requestedMsns: [] });
    expect(shape(list[0]!)).toEqual(shape(list[1]!));
    const known = list.find((r) => r.requestedMsns.includes(w.merchant.units.b.msn))!;
    expect(known).toMatchObject({ status: "pending", requestedMsns: [w.merchant.units.b.msn], accepted: [] });

    asMerchant(w.ctx.admin);
    const [received] = await listRequestsForMerchant(w.ctx.admin);
    const validUntil = shiftLedgerDate(todayPortalDate(), 30);
    expect(await approveAccessRequestAction({ requestId: received!.id, ledgerIds: [w.merchant.ledgers.l2.id], periodFrom: "", periodTo: "", includesPersonalData: false, validUntil })).toMatchObject({ ok: true });
    const approved = (await listRequestsForPartner(w.ctx.owner)).find((r) => r.id === known.id);
    expect(approved).toMatchObject({ status: "approved", accepted: [{ merchant: { name: w.merchant.name, orgNo: w.merchant.orgNo } }] });
  });

  it("withdraws a request the same way whether it reached a merchant or not", async () => {
    asPartner(w.ctx.owner);
    await createAccessRequestAction(ask([w.merchant.units.b.msn]));
    await createAccessRequestAction(ask(["98765432"]));
    const list = await listRequestsForPartner(w.ctx.owner);
    const results = [];
    for (const r of list) results.push(await withdrawAccessRequestAction({ requestId: r.id }));
    expect(results.map((r) => JSON.stringify(r).replace(/[0-9a-f-]{36}/g, "<id>"))).toEqual(Array(2).fill(JSON.stringify({ ok: true, data: { requestId: "<id>" } })));
    expect((await listRequestsForPartner(w.ctx.owner)).map((r) => r.status)).toEqual(["withdrawn", "withdrawn"]);
  });
});
