import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { expireGrants } from "@/lib/server/grants";
import { createAccessRequest } from "@/lib/server/access-requests/create-access-request";
import { expireAccessRequests } from "@/lib/server/access-requests/expire-access-requests";
import { sendGrantReminders } from "@/lib/server/renewals/send-grant-reminders";
import { sendAccessDigests } from "@/lib/server/notifications/send-access-digest";
import { ACCESS_REQUEST_JOBS } from "@/lib/server/access-requests/jobs";
import { NOTIFICATION_JOBS } from "@/lib/server/notifications/jobs";
import { RENEWAL_JOBS } from "@/lib/server/renewals/jobs";

const GRANT_LIFECYCLE_JOBS = [...ACCESS_REQUEST_JOBS, ...RENEWAL_JOBS, ...NOTIFICATION_JOBS];
import { ALL_JOBS } from "@/lib/server/jobs/registry";
import { createScratchDatabase } from "@/tests/support/scratch-database";
import { makeGrant, resetWorld, startLifecycleWorld, upstreamLedgers, type LifecycleWorld } from "./world";

// The jobs run over every row of the database, as in production, so this file works in a database of its own
// (a fresh clone of the migrated template): only this world is in it, and the jobs' cores run with a fixed clock
// in June 2021.
const scratch = await createScratchDatabase("jobs");
let w: LifecycleWorld;
beforeAll(async () => {
  w = await startLifecycleWorld();
});
afterEach(() => resetWorld(w));
afterAll(async () => {
  await w.stop();
  await db.$disconnect();
  await scratch.drop();
});

/** 08:30 in Oslo on a June 2021 day. */
const at = (date: string) => new Date(`${date}T06:30:00Z`);

async function notes(userId: string, kind?: string) {
  return db.notification.findMany({ where: { userId, ...(kind ? { kind } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, title: true, body: true, href: true } });
}

describe("reminders before a grant ends (M8)", () => {
  it("sends the 14-day and the 3-day reminder once each, to the merchant's admins and the partner", async () => {
    await db.partnerClientAssignment.create({ data: { membershipId: w.memberships.accountant, merchantId: w.merchant.id } });
    const g = await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: "2021-06-15" });
    const sent: { day: string; reminder: number }[] = [];
    // A daily run from 25 May to 20 June.
    for (let day = "2021-05-25"; day <= "2021-06-20"; day = shiftLedgerDate(day, 1)) {
      for (const s of await sendGrantReminders(at(day))) sent.push({ day, reminder: s.reminder });
      // Running twice the same day sends nothing more.
      expect(await sendGrantReminders(at(day))).toEqual([]);
    }
    expect(sent).toEqual([{ day: "2021-06-01", reminder: 14 }, { day: "2021-06-12", reminder: 3 }]);
    expect((await db.ledgerGrant.findUniqueOrThrow({ where: { id: g } })).lastReminderDays).toBe(3);

    for (const admin of [w.people.admin, w.people.admin2]) {
      expect(await notes(admin.id)).toEqual([
        { kind: "grant.ending_soon", title: `Access of ${w.partner.name} ends on 15 Jun 2021`, body: expect.stringContaining("(in 14 days)"), href: "/merchant/requests/renewals" },
        { kind: "grant.ending_soon", title: `Access of ${w.partner.name} ends on 15 Jun 2021`, body: expect.stringContaining("(in 3 days)"), href: "/merchant/requests/renewals" },
      ]);
    }
    // The partner: its owner and the accountant assigned to this merchant; not the other accountant.
    for (const person of [w.people.owner, w.people.accountant]) {
      expect((await notes(person.id)).map((n) => n.title)).toEqual([`Your access to ${w.merchant.name} ends on 15 Jun 2021`, `Your access to ${w.merchant.name} ends on 15 Jun 2021`]);
    }
    expect(await notes(w.people.accountant2.id)).toEqual([]);
    expect(await notes(w.people.viewer.id)).toEqual([]);
    // Each reminder is an audited change by "system", and also goes by e-mail.
    const events = await db.auditEvent.findMany({ where: { targetId: g, action: "grant.reminder_sent" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.actorUserId, e.actorLabel, (e.before as { lastReminderDays: number | null }).lastReminderDays, (e.after as { lastReminderDays: number }).lastReminderDays])).toEqual([
      [null, "system", null, 14],
      [null, "system", 14, 3],
    ]);
    expect(await db.outboxEmail.count({ where: { toAddress: w.people.admin.email } })).toBe(2);
  });

  it("sends only what is still due when a grant starts late, and never for open-ended, pending or ended grants", async () => {
    const late = await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: "2021-06-10" });
    const last = await makeGrant(w, { ledger: w.merchant.ledgers.l2, validUntil: "2021-06-03" });
    await makeGrant(w, { ledger: w.merchant.ledgers.l3, validUntil: null });
    await makeGrant(w, { ledger: w.other.ledger, merchantId: w.other.id, validUntil: "2021-06-05", status: "pending_approval" });
    await makeGrant(w, { ledger: w.merchant.ledgers.l3, partnerId: w.rival.id, validUntil: "2021-06-05", status: "revoked" });
    const run = async (day: string) => (await sendGrantReminders(at(day))).map((s) => [s.grantId, s.reminder, s.daysLeft]);
    expect(await run("2021-06-01")).toEqual([[last, 3, 2], [late, 14, 9]]);
    expect(await run("2021-06-02")).toEqual([]);
    expect(await run("2021-06-07")).toEqual([[late, 3, 3]]);
    expect(await run("2021-06-10")).toEqual([]);
  });

  it("starts the cycle again once the end date has moved out of the window (renewed)", async () => {
    const today = todayPortalDate();
    const g = await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: shiftLedgerDate(today, 120), lastReminderDays: 3 });
    expect(await sendGrantReminders()).toEqual([]);
    expect((await db.ledgerGrant.findUniqueOrThrow({ where: { id: g } })).lastReminderDays).toBeNull();
    const reset = await db.auditEvent.findFirstOrThrow({ where: { targetId: g, action: "grant.reminders_reset" } });
    expect(reset).toMatchObject({ actorLabel: "system", before: { lastReminderDays: 3 }, after: { lastReminderDays: null } });
    // 14 days before the new end: the first reminder of the new cycle.
    const sent = await sendGrantReminders(new Date(Date.now() + 106 * 86_400_000));
    expect(sent.map((s) => s.reminder)).toEqual([14]);
  });
});

describe("grants lapse at their end date (the grant core's expireGrants, M8)", () => {
  it("keeps a grant through its last day and expires it the day after: audit, partner told, upstream pushed", async () => {
    const keep = await makeGrant(w, { ledger: w.merchant.ledgers.l2, validUntil: "2021-07-31" });
    const g = await makeGrant(w, { ledger: w.merchant.ledgers.l1, validUntil: "2021-06-15" });
    await expireGrants("2021-06-15");
    expect((await db.ledgerGrant.findUniqueOrThrow({ where: { id: g } })).status).toBe("active");
    w.upstream.pushes.length = 0;
    await expireGrants("2021-06-16");
    expect((await db.ledgerGrant.findUniqueOrThrow({ where: { id: g } })).status).toBe("expired");
    expect((await db.ledgerGrant.findUniqueOrThrow({ where: { id: keep } })).status).toBe("active");
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: g, action: "grant.expired" } });
    expect(event.actorUserId).toBeNull();
    expect(event.before).toMatchObject({ status: "active", validUntil: "2021-06-15" });
    expect(event.after).toMatchObject({ status: "expired" });
    expect((await notes(w.people.owner.id, "grant.expired")).length).toBe(1);
    // Upstream now holds only the grant that is still active.
    expect(w.upstream.pushes).toEqual([w.partner.orgNo]);
    expect(upstreamLedgers(w, w.partner.orgNo)).toEqual([w.merchant.ledgers.l2.externalId]);
    // Idempotent.
    await expireGrants("2021-06-17");
    expect(await db.auditEvent.count({ where: { targetId: g, action: "grant.expired" } })).toBe(1);
  });
});

describe("requests expire after 14 days (M4)", () => {
  it("expires a pending request exactly 14 days after it was made, once, and tells the partner's owners", async () => {
    const t0 = new Date("2021-06-01T10:00:00Z");
    await createAccessRequest(
      w.ctx.owner,
      { by: "msn", msns: [w.merchant.units.b.msn], orgNo: "", periodFrom: "", periodTo: "", includesPersonalData: false, purpose: "Monthly bookkeeping for 2021" },
      t0,
    );
    await createAccessRequest(
      w.ctx.rivalOwner,
      { by: "orgNo", msns: [], orgNo: w.merchant.orgNo, periodFrom: "", periodTo: "", includesPersonalData: false, purpose: "Annual accounts 2021" },
      t0,
    );
    const idOf = async (partnerId: string) => (await db.accessRequest.findFirstOrThrow({ where: { partnerId }, select: { id: true } })).id;
    const [requestId, decided] = [await idOf(w.partner.id), await idOf(w.rival.id)];
    await db.accessRequest.update({ where: { id: decided }, data: { status: "declined" } });
    expect(await expireAccessRequests(new Date(t0.getTime() + 14 * 86_400_000 - 60_000))).toEqual([]);
    expect(await expireAccessRequests(new Date(t0.getTime() + 14 * 86_400_000))).toEqual([requestId]);
    expect(await expireAccessRequests(new Date(t0.getTime() + 15 * 86_400_000))).toEqual([]);
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("expired");
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: decided } })).status).toBe("declined");
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: requestId, action: "access_request.expired" } });
    expect(event).toMatchObject({ actorUserId: null, actorLabel: "system", before: { status: "pending" }, after: { status: "expired" } });
    expect(await notes(w.people.owner.id, "request.expired")).toEqual([
      { kind: "request.expired", title: "Your access request expired", body: `Your request for sales unit ${w.merchant.units.b.msn} got no answer within 14 days, so it expired. Check the numbers with your client and send a new one if you still need access.`, href: "/partner/requests" },
    ]);
    // Requests are the owners' business: accountants are not told.
    expect(await notes(w.people.accountant.id)).toEqual([]);
  });

  it("tells an owner who chose Norwegian in Norwegian, in the bell and the e-mail (issue 13: mail in the recipient's language)", async () => {
    const t0 = new Date("2021-06-01T10:00:00Z");
    await db.user.update({ where: { id: w.people.owner.id }, data: { locale: "nb" } });
    try {
      await createAccessRequest(
        w.ctx.owner,
        { by: "msn", msns: [w.merchant.units.b.msn], orgNo: "", periodFrom: "", periodTo: "", includesPersonalData: false, purpose: "Monthly bookkeeping for 2021" },
        t0,
      );
      expect(await expireAccessRequests(new Date(t0.getTime() + 14 * 86_400_000))).toHaveLength(1);
      const [note] = await notes(w.people.owner.id, "request.expired");
      expect(note).toMatchObject({ title: "Forespørselen din om tilgang er utløpt" });
      expect(note!.body).toContain(`salgssted ${w.merchant.units.b.msn}`);
      const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: w.people.owner.email }, orderBy: { createdAt: "desc" } });
      expect(mail.subject).toBe("Forespørselen din om tilgang er utløpt");
    } finally {
      await db.user.update({ where: { id: w.people.owner.id }, data: { locale: null } });
    }
  });
});

describe("the monthly 'who can see your settlements' digest (M8)", () => {
  it("lists every partner with access, the scope, the named people and the last use, to each admin, once a month", async () => {
    await db.partnerClientAssignment.create({ data: { membershipId: w.memberships.accountant, merchantId: w.merchant.id } });
    const g1 = await makeGrant(w, { ledger: w.merchant.ledgers.l1, periodFrom: "2021-01-01", validUntil: "2021-12-31" });
    await makeGrant(w, { ledger: w.merchant.ledgers.l3, includesPersonalData: true, validUntil: null, status: "pending_approval" });
    // Ended by date (the lapse job has not run yet): not "with access" any more.
    await makeGrant(w, { ledger: w.merchant.ledgers.l2, partnerId: w.rival.id, validUntil: "2021-06-15" });
    await db.ledgerAccessEvent.create({
      data: { at: new Date("2021-06-20T09:00:00Z"), userId: w.people.owner.id, partnerId: w.partner.id, merchantId: w.merchant.id, ledgerId: w.merchant.ledgers.l1.id, grantId: g1, action: "read", fromDate: new Date("2021-05-01"), toDate: new Date("2021-05-31") },
    });

    const digests = await sendAccessDigests(new Date("2021-07-01T07:00:00Z"));
    expect(digests.map((d) => d.merchantName).sort()).toEqual([w.merchant.name, w.other.name].sort());
    const mine = digests.find((d) => d.merchantId === w.merchant.id)!;
    expect(mine.title).toBe(`Who can see the settlements of ${w.merchant.name}: July 2021`);
    const [u1, u2, u3] = [w.merchant.units.a, w.merchant.units.c, w.merchant.units.d];
    expect(mine.body.split("\n")).toEqual([
      `One accounting partner can see the settlements of ${w.merchant.name}: ${w.partner.name}.`,
      "",
      `${w.partner.name} (org. no. ${w.partner.orgNo})`,
      // Ledgers in ledger-id order.
      ...[
        [w.merchant.ledgers.l1.externalId, `  Ledger ${w.merchant.ledgers.l1.externalId} NOK (Lyng Torget ${w.tag} (${u1.msn})): ledger dates from 1 Jan 2021; no personal data; access ends 31 Dec 2021`],
        [w.merchant.ledgers.l3.externalId, `  Ledger ${w.merchant.ledgers.l3.externalId} NOK (Lyng Kafé ${w.tag} (${u2.msn}), Lyng Kafé Kiosk ${w.tag} (${u3.msn})): all ledger dates; with payer names, phones and messages; no end date (waiting for a second admin)`],
      ]
        .sort(([a], [b]) => a!.localeCompare(b!))
        .map(([, line]) => line),
      `  People who can read it: ${w.people.owner.name} (owner), ${w.people.accountant.name} (accountant)`,
      "  Last use: 20 Jun 2021",
      "",
      "Review, change or revoke access in the portal under Accounting partners.",
    ]);
    for (const admin of [w.people.admin, w.people.admin2]) {
      expect(await notes(admin.id, "digest.monthly")).toEqual([{ kind: "digest.monthly", title: mine.title, body: mine.body, href: "/merchant/partner-staff" }]);
    }
    expect(await notes(w.people.viewer.id)).toEqual([]);
    expect(await db.outboxEmail.count({ where: { toAddress: w.people.admin.email, subject: mine.title } })).toBe(1);
    const other = digests.find((d) => d.merchantId === w.other.id)!;
    expect(other.body.split("\n")[0]).toBe(`No accounting partner can see the settlements of ${w.other.name}.`);

    // Once a month: a second run (a retry) sends nothing; next month sends again.
    expect(await sendAccessDigests(new Date("2021-07-01T09:00:00Z"))).toEqual([]);
    expect(await notes(w.people.admin.id, "digest.monthly")).toHaveLength(1);
    const sent = await db.auditEvent.findFirstOrThrow({ where: { action: "merchant.access_digest_sent", targetId: w.merchant.id, after: { path: ["month"], equals: "2021-07" } } });
    expect(sent.after).toEqual({ month: "2021-07", recipients: 2, partners: [w.partner.orgNo] });
    expect(await sendAccessDigests(new Date("2021-08-01T07:00:00Z"))).toHaveLength(2);
  });
});

describe("the job definitions", () => {
  it("registers the lifecycle jobs with a schedule each, and leaves lapsing to the grant core's job", () => {
    expect(GRANT_LIFECYCLE_JOBS.map((j) => [j.name, j.cron])).toEqual([
      ["lifecycle.expire-access-requests", "17 * * * *"],
      ["lifecycle.grant-reminders", "30 6 * * *"],
      ["lifecycle.access-digest", "0 7 1 * *"],
    ]);
    const names = ALL_JOBS.map((j) => j.name);
    for (const job of GRANT_LIFECYCLE_JOBS) expect(names).toContain(job.name);
    expect(names).toContain("grants.expire");
    expect(new Set(names).size).toBe(names.length);
  });
});
