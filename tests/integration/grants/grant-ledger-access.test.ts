import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { consentText } from "@/lib/grants/consent";
import { grantLedgerAccess } from "@/lib/server/grants";
import { listClients } from "@/lib/server/partner-clients/list-clients";
import { partnerContextFor } from "@/tests/support/test-db";
import {
  actor, counts, EMAILS, ledgerId, partnerId, resetGrants, shiftLedgerDate, startGrantTestWorld, todayPortalDate, upstreamLedgers, type GrantTestWorld,
} from "./support";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

let world: GrantTestWorld;
beforeAll(async () => {
  world = await startGrantTestWorld();
});
afterEach(() => resetGrants());
afterAll(() => world.stop());

const inDays = (n: number) => shiftLedgerDate(todayPortalDate(), n);
const plain = () => ({ periodFrom: inDays(-90), periodTo: null, includesPersonalData: false, validUntil: inDays(60) });

describe("grantLedgerAccess (M2)", () => {
  it("grants Konto Partner two of Fjord Kaffe's three ledgers: active grants, audit, notification, upstream, partner view", async () => {
    const kari = await actor(EMAILS.kari);
    const konto = await partnerId("konto-partner");
    const before = await counts();
    const grants = await grantLedgerAccess({ partnerId: konto, ledgerIds: [await ledgerId("302101"), await ledgerId("302102")], ...plain() }, kari);

    expect(grants.map((g) => g.status)).toEqual(["active", "active"]);
    expect(grants.every((g) => g.grantedById === kari.user.id && g.merchantId === kari.merchantId && !g.requiresSecondApproval)).toBe(true);

    const events = await db.auditEvent.findMany({ where: { targetId: { in: grants.map((g) => g.id) } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorUserId, e.actorLabel])).toEqual([
      ["grant.created", kari.user.id, "Kari Nordmann <kari@fjordkaffe.example>"],
      ["grant.created", kari.user.id, "Kari Nordmann <kari@fjordkaffe.example>"],
    ]);
    expect(events[0]?.before).toBeNull();
    expect(events[0]?.after).toMatchObject({ status: "active", validUntil: inDays(60), includesPersonalData: false });

    // Mads (Konto Partner's owner) is told once, in the app and by e-mail.
    const mads = await db.user.findUniqueOrThrow({ where: { email: EMAILS.mads } });
    const notes = await db.notification.findMany({ where: { userId: mads.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: "grant.granted", title: "Fjord Kaffe AS gave you access to 2 ledgers", href: `/partner/clients/${kari.merchantId}` });
    expect(await db.outboxEmail.count({ where: { toAddress: EMAILS.mads } })).toBe(1);
    expect(await counts()).toEqual({ grants: before.grants + 2, audit: before.audit + 2, notifications: before.notifications + 1, mails: before.mails + 1 });

    // Upstream follows at once (sandbox mode), and the partner sees exactly those two ledgers.
    expect(await upstreamLedgers(world.sandbox, "41234567")).toEqual(["302101", "302102", "402301+pd"]);
    const madsCtx = await partnerContextFor(EMAILS.mads, "konto-partner");
    const fjord = (await listClients(madsCtx)).find((c) => c.merchantName === "Fjord Kaffe AS");
    expect(fjord?.ledgers.map((l) => l.ledgerExternalId)).toEqual(["302101", "302102"]);
  });

  it("stores the consent text the form shows, built from the same catalogue", async () => {
    const kari = await actor(EMAILS.kari);
    const scope = plain();
    const [grant] = await grantLedgerAccess({ partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId("302102")], ...scope }, kari);
    const stored = await db.ledgerGrant.findUniqueOrThrow({ where: { id: grant!.id }, select: { consentText: true } });
    const t = serverTranslator("grantNotices");
    const expected = consentText((k, v) => t(k as "consent", v as never), { merchant: "Fjord Kaffe AS", partner: "Konto Partner ApS", ledgers: ["302102"], scope }, "en");
    expect(stored.consentText).toBe(expected);
    expect(expected).toContain("Fjord Kaffe AS gives Konto Partner ApS read access to the settlement ledger 302102");
  });

  it("is idempotent: the same grant again returns the existing one and writes nothing", async () => {
    const kari = await actor(EMAILS.kari);
    const input = { partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId("302102")], ...plain() };
    const first = await grantLedgerAccess(input, kari);
    const mid = await counts();
    const second = await grantLedgerAccess(input, kari);
    expect(second.map((g) => g.id)).toEqual(first.map((g) => g.id));
    expect(await counts()).toEqual(mid);
  });

  it("refuses a second live grant with another scope on the same ledger (CONFLICT), changing nothing", async () => {
    const kari = await actor(EMAILS.kari);
    const tallBalanse = await partnerId("tall-og-balanse");
    const before = await counts();
    await expect(grantLedgerAccess({ partnerId: tallBalanse, ledgerIds: [await ledgerId("302101")], ...plain() }, kari)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Tall & Balanse Regnskap AS already has access to ledger 302101 with a different scope. Change that grant instead.",
    });
    expect(await counts()).toEqual(before);
  });

  it("two concurrent 'Grant access' submissions for the same partner and ledger make one grant and one audit event", async () => {
    const kari = await actor(EMAILS.kari);
    const input = { partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId("302102")], ...plain() };
    const before = await counts();
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => grantLedgerAccess(input, kari)));
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    const ids = new Set(results.flatMap((r) => (r.status === "fulfilled" ? r.value.map((g) => g.id) : [])));
    expect(ids.size).toBe(1);
    const after = await counts();
    expect(after.grants - before.grants).toBe(1);
    expect(after.audit - before.audit).toBe(1);
    expect(after.notifications - before.notifications).toBe(1);
  });

  it("concurrent grants of overlapping ledger sets end with one grant per ledger", async () => {
    const kari = await actor(EMAILS.kari);
    const konto = await partnerId("konto-partner");
    const [a, b] = [await ledgerId("302102"), await ledgerId("302101")];
    await Promise.all([
      grantLedgerAccess({ partnerId: konto, ledgerIds: [a, b], ...plain() }, kari),
      grantLedgerAccess({ partnerId: konto, ledgerIds: [b, a], ...plain() }, kari),
      grantLedgerAccess({ partnerId: konto, ledgerIds: [b], ...plain() }, kari),
    ]);
    const live = await db.ledgerGrant.findMany({ where: { partnerId: konto, merchantId: kari.merchantId, status: "active" } });
    expect(live.map((g) => g.ledgerId).sort()).toEqual([a, b].sort());
  });
});

describe("four-eyes (M5)", () => {
  it.each([
    ["personal data", { includesPersonalData: true }, ["personal_data"]],
    ["no end date", { validUntil: null }, ["no_end_date"]],
  ] as const)("a grant with %s waits for a second admin and gives the partner nothing yet", async (_label, change, reasons) => {
    const kari = await actor(EMAILS.kari);
    const konto = await partnerId("konto-partner");
    const [grant] = await grantLedgerAccess({ partnerId: konto, ledgerIds: [await ledgerId("302102")], ...plain(), ...change }, kari);
    expect(grant).toMatchObject({ status: "pending_approval", requiresSecondApproval: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: grant!.id } });
    expect(event.after).toMatchObject({ status: "pending_approval", fourEyesReasons: reasons });

    // Ola (the other admin) is asked; Kari (who asked) and the partner are not told anything yet.
    const users = await db.user.findMany({ where: { email: { in: [EMAILS.kari, EMAILS.ola, EMAILS.mads] } } });
    const byEmail = Object.fromEntries(users.map((u) => [u.email, u.id]));
    const notes = await db.notification.findMany({ select: { userId: true, kind: true, href: true } });
    expect(notes).toEqual([{ userId: byEmail[EMAILS.ola], kind: "grant.approval_needed", href: "/merchant/approvals" }]);

    const madsCtx = await partnerContextFor(EMAILS.mads, "konto-partner");
    expect((await listClients(madsCtx)).map((c) => c.merchantName)).toEqual(["Hygge Bageri ApS"]);
    expect(await upstreamLedgers(world.sandbox, "41234567")).toEqual(["402301+pd"]);
  });

  it("every ledger of the merchant waits for a second admin, also when granted one at a time", async () => {
    const kari = await actor(EMAILS.kari);
    const tallBalanse = await partnerId("tall-og-balanse");
    // Tall & Balanse already reads 302101; adding the other two would give it every Fjord Kaffe ledger.
    const grants = await grantLedgerAccess({ partnerId: tallBalanse, ledgerIds: [await ledgerId("302102"), await ledgerId("302103")], ...plain() }, kari);
    expect(grants.map((g) => g.status)).toEqual(["pending_approval", "pending_approval"]);

    const konto = await partnerId("konto-partner");
    const all = await grantLedgerAccess({ partnerId: konto, ledgerIds: [await ledgerId("302101"), await ledgerId("302102"), await ledgerId("302103")], ...plain() }, kari);
    expect(all.map((g) => g.status)).toEqual(["pending_approval", "pending_approval", "pending_approval"]);
  });

  it("a one-ledger merchant granting its only ledger, with an end date and no personal data, needs no second admin", async () => {
    const nils = await actor(EMAILS.nils, "nordlys-sport");
    const [grant] = await grantLedgerAccess({ partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId("302201")], ...plain() }, nils);
    expect(grant?.status).toBe("active");
  });
});

describe("what cannot be granted", () => {
  it("partners that are not approved (pending, suspended) are not in the directory: NOT_FOUND", async () => {
    const kari = await actor(EMAILS.kari);
    for (const slug of ["regnskapshjelpen", "bokholderiet"]) {
      await expect(grantLedgerAccess({ partnerId: await partnerId(slug), ledgerIds: [await ledgerId("302102")], ...plain() }, kari)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("a request id of another merchant is NOT_FOUND", async () => {
    const nils = await actor(EMAILS.nils, "nordlys-sport");
    const konto = await partnerId("konto-partner");
    const request = await db.accessRequest.create({
      data: { partnerId: konto, merchantId: nils.merchantId, purpose: "Bookkeeping", expiresAt: new Date(Date.now() + 86_400_000) },
    });
    try {
      const kari = await actor(EMAILS.kari);
      await expect(grantLedgerAccess({ partnerId: konto, ledgerIds: [await ledgerId("302102")], ...plain(), requestId: request.id }, kari)).rejects.toMatchObject({ code: "NOT_FOUND" });
      const [grant] = await grantLedgerAccess({ partnerId: konto, ledgerIds: [await ledgerId("302201")], ...plain(), requestId: request.id }, nils);
      expect(grant?.requestId).toBe(request.id);
    } finally {
      await db.ledgerGrant.deleteMany({ where: { requestId: request.id } });
      await db.accessRequest.delete({ where: { id: request.id } });
    }
  });
});
