import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { approveGrant, changeGrant, declineGrant, grantLedgerAccess, listPendingApprovals, revokeGrant } from "@/lib/server/grants";
import { listClients } from "@/lib/server/partner-clients/list-clients";
import { partnerContextFor } from "@/tests/support/test-db";
import {
  actor, counts, EMAILS, ledgerId, partnerId, resetGrants, shiftLedgerDate, startGrantTestWorld, todayPortalDate, upstreamLedgers, type GrantTestWorld,
} from "./support";

let world: GrantTestWorld;
beforeAll(async () => {
  world = await startGrantTestWorld();
});
afterEach(() => resetGrants());
afterAll(() => world.stop());

const inDays = (n: number) => shiftLedgerDate(todayPortalDate(), n);
const scope = { periodFrom: null as string | null, periodTo: null as string | null, includesPersonalData: false, validUntil: null as string | null };

async function grantKonto(ledger = "302102", extra: Partial<typeof scope> = {}) {
  const kari = await actor(EMAILS.kari);
  const [grant] = await grantLedgerAccess({ partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId(ledger)], ...scope, validUntil: inDays(30), ...extra }, kari);
  return grant!;
}

async function madsSees(): Promise<string[]> {
  const mads = await partnerContextFor(EMAILS.mads, "konto-partner");
  return (await listClients(mads)).flatMap((c) => c.ledgers.map((l) => l.ledgerExternalId)).sort();
}

async function notesFor(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  return db.notification.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" }, select: { kind: true, title: true } });
}

describe("changeGrant (M3)", () => {
  it("narrows at once: still active, audit before/after, the partner is told, the partner's next read sees the new scope", async () => {
    const grant = await grantKonto();
    const kari = await actor(EMAILS.kari);
    const changed = await changeGrant({ grantId: grant.id, ...scope, periodFrom: inDays(-30), validUntil: inDays(10) }, kari);
    expect(changed).toMatchObject({ status: "active", periodFrom: inDays(-30), validUntil: inDays(10) });

    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: grant.id, action: "grant.changed" } });
    expect(event.actorUserId).toBe(kari.user.id);
    expect(event.before).toMatchObject({ periodFrom: null, validUntil: inDays(30), status: "active" });
    expect(event.after).toMatchObject({ periodFrom: inDays(-30), validUntil: inDays(10), status: "active" });

    expect((await notesFor(EMAILS.mads)).map((n) => n.kind)).toEqual(["grant.granted", "grant.changed"]);
    const mads = await partnerContextFor(EMAILS.mads, "konto-partner");
    const ledger = (await listClients(mads)).flatMap((c) => c.ledgers).find((l) => l.ledgerExternalId === "302102");
    expect(ledger).toMatchObject({ periodFrom: inDays(-30), validUntil: inDays(10), status: "expiring_soon" });
  });

  it("widens without four-eyes reasons at once (a later end date)", async () => {
    const grant = await grantKonto();
    const changed = await changeGrant({ grantId: grant.id, ...scope, validUntil: inDays(90) }, await actor(EMAILS.kari));
    expect(changed.status).toBe("active");
  });

  it("an unchanged scope changes nothing", async () => {
    const grant = await grantKonto();
    const before = await counts();
    await changeGrant({ grantId: grant.id, ...scope, validUntil: inDays(30) }, await actor(EMAILS.kari));
    expect(await counts()).toEqual(before);
  });

  it("widening to personal data waits for a second admin; the partner is paused meanwhile and told", async () => {
    const grant = await grantKonto();
    const kari = await actor(EMAILS.kari);
    const changed = await changeGrant({ grantId: grant.id, ...scope, validUntil: inDays(30), includesPersonalData: true }, kari);
    expect(changed).toMatchObject({ status: "pending_approval", includesPersonalData: true, grantedById: kari.user.id, approvedById: null });
    expect(await madsSees()).toEqual(["402301"]);
    expect(await upstreamLedgers(world.sandbox, "41234567")).toEqual(["402301+pd"]);
    expect((await notesFor(EMAILS.mads)).map((n) => n.kind)).toEqual(["grant.granted", "grant.paused"]);
    expect((await notesFor(EMAILS.ola)).map((n) => n.kind)).toEqual(["grant.approval_needed"]);

    // Ola approves: the partner reads it with personal data, upstream included.
    const approved = await approveGrant({ grantId: grant.id }, await actor(EMAILS.ola));
    expect(approved).toMatchObject({ status: "active", includesPersonalData: true });
    expect(await madsSees()).toEqual(["302102", "402301"]);
    expect(await upstreamLedgers(world.sandbox, "41234567")).toEqual(["302102+pd", "402301+pd"]);
    expect((await notesFor(EMAILS.kari)).map((n) => n.kind)).toEqual(["grant.approved"]);
  });

  it("a declined widening falls back to the scope approved before", async () => {
    const grant = await grantKonto();
    const kari = await actor(EMAILS.kari);
    await changeGrant({ grantId: grant.id, ...scope, validUntil: null }, kari);
    const declined = await declineGrant({ grantId: grant.id, reason: "Not without an end date" }, await actor(EMAILS.ola));
    expect(declined).toMatchObject({ status: "active", validUntil: inDays(30), grantedById: kari.user.id });
    expect(await madsSees()).toEqual(["302102", "402301"]);
    const note = (await notesFor(EMAILS.kari)).at(-1);
    expect(note).toMatchObject({ kind: "grant.declined", title: "Ola Hansen declined access for Konto Partner ApS" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: grant.id, action: "grant.declined" } });
    expect(event.after).toMatchObject({ status: "active", reason: "Not without an end date" });
  });

  it("a revoked grant cannot be changed (CONFLICT)", async () => {
    const grant = await grantKonto();
    const kari = await actor(EMAILS.kari);
    await revokeGrant({ grantId: grant.id }, kari);
    await expect(changeGrant({ grantId: grant.id, ...scope, validUntil: inDays(5) }, kari)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("revokeGrant (M3)", () => {
  it("ends access at once: the partner's next read no longer lists it, upstream follows, the partner is told", async () => {
    const grant = await grantKonto();
    expect(await madsSees()).toEqual(["302102", "402301"]);
    const kari = await actor(EMAILS.kari);
    const revoked = await revokeGrant({ grantId: grant.id }, kari);
    expect(revoked).toMatchObject({ status: "revoked", revokedById: kari.user.id });
    expect(revoked.revokedAt).not.toBeNull();
    expect(await madsSees()).toEqual(["402301"]);
    expect(await upstreamLedgers(world.sandbox, "41234567")).toEqual(["402301+pd"]);
    expect((await notesFor(EMAILS.mads)).at(-1)).toMatchObject({ kind: "grant.revoked", title: "Fjord Kaffe AS ended your access to ledger 302102" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: grant.id, action: "grant.revoked" } });
    expect(event.before).toMatchObject({ status: "active" });
    expect(event.after).toMatchObject({ status: "revoked" });
  });

  it("is idempotent", async () => {
    const grant = await grantKonto();
    const kari = await actor(EMAILS.kari);
    await revokeGrant({ grantId: grant.id }, kari);
    const before = await counts();
    await revokeGrant({ grantId: grant.id }, kari);
    expect(await counts()).toEqual(before);
  });

  it("withdraws a grant still waiting for approval without telling the partner", async () => {
    const grant = await grantKonto("302102", { includesPersonalData: true });
    await revokeGrant({ grantId: grant.id }, await actor(EMAILS.kari));
    expect(await notesFor(EMAILS.mads)).toEqual([]);
    expect(await listPendingApprovals(await actor(EMAILS.ola))).toEqual([]);
  });

  it("after a revoke the same partner can be granted the ledger again", async () => {
    const grant = await grantKonto();
    await revokeGrant({ grantId: grant.id }, await actor(EMAILS.kari));
    const again = await grantKonto();
    expect(again.id).not.toBe(grant.id);
    expect(again.status).toBe("active");
  });
});

describe("approveGrant / declineGrant (M5)", () => {
  it("the admin who asked cannot approve it; another admin can; the queue lists it until then", async () => {
    const grant = await grantKonto("302102", { includesPersonalData: true });
    const kari = await actor(EMAILS.kari);
    const ola = await actor(EMAILS.ola);
    const queue = await listPendingApprovals(ola);
    expect(queue.map((p) => [p.id, p.canDecide, p.fourEyesReasons])).toEqual([[grant.id, true, ["personal_data"]]]);
    expect((await listPendingApprovals(kari)).map((p) => [p.isOwnRequest, p.canDecide])).toEqual([[true, false]]);

    await expect(approveGrant({ grantId: grant.id }, kari)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("Another merchant admin must approve it") });
    expect((await db.ledgerGrant.findUniqueOrThrow({ where: { id: grant.id } })).status).toBe("pending_approval");

    const approved = await approveGrant({ grantId: grant.id }, ola);
    expect(approved).toMatchObject({ status: "active", approvedById: ola.user.id, grantedById: kari.user.id });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: grant.id, action: "grant.approved" } });
    expect(event.actorUserId).toBe(ola.user.id);
    expect(await madsSees()).toEqual(["302102", "402301"]);
    expect(await listPendingApprovals(ola)).toEqual([]);
    // Approving again is a no-op; declining an active grant is a CONFLICT.
    await approveGrant({ grantId: grant.id }, ola);
    await expect(declineGrant({ grantId: grant.id }, ola)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a declined new grant never reaches the partner", async () => {
    const grant = await grantKonto("302102", { validUntil: null });
    const declined = await declineGrant({ grantId: grant.id }, await actor(EMAILS.ola));
    expect(declined.status).toBe("declined");
    expect(await madsSees()).toEqual(["402301"]);
    await expect(approveGrant({ grantId: grant.id }, await actor(EMAILS.ola))).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the admin who asked cannot decline it either (they withdraw it)", async () => {
    const grant = await grantKonto("302102", { validUntil: null });
    await expect(declineGrant({ grantId: grant.id }, await actor(EMAILS.kari))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a manager's grant with personal data waits for an admin; the manager cannot approve anything", async () => {
    const mona = await actor(EMAILS.mona);
    const [grant] = await grantLedgerAccess({ partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId("302102")], ...scope, includesPersonalData: true, validUntil: inDays(30) }, mona);
    expect(grant?.status).toBe("pending_approval");
    await expect(approveGrant({ grantId: grant!.id }, mona)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await approveGrant({ grantId: grant!.id }, await actor(EMAILS.kari))).status).toBe("active");
  });
});
