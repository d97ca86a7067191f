import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { ledgerDateToDb } from "@/lib/dates";
import { expireGrants, findOutOfSyncPartners, grantLedgerAccess, reconcileSandboxGrants, revokeGrant, sandboxPushJob } from "@/lib/server/grants";
import { flushOutbox } from "@/lib/server/notifications";
import { stopQueue } from "@/lib/server/jobs/queue";
import { startSandbox } from "@/sandbox/server";
import { actor, EMAILS, ledgerId, partnerId, resetGrants, shiftLedgerDate, startGrantTestWorld, todayPortalDate, upstreamLedgers, type GrantTestWorld } from "./support";

let world: GrantTestWorld;
beforeAll(async () => {
  world = await startGrantTestWorld();
});
afterEach(() => resetGrants());
afterAll(async () => {
  await stopQueue();
  await world.stop();
});

const inDays = (n: number) => shiftLedgerDate(todayPortalDate(), n);
const plain = { periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: inDays(30) };

describe("upstream (sandbox) follows the portal", () => {
  it("a failed push never half-writes the change: it commits, is queued for retry, shows as out of sync, and is repaired", async () => {
    const kari = await actor(EMAILS.kari);
    const konto = await partnerId("konto-partner");
    const port = world.sandbox.port;
    await world.sandbox.stop();
    try {
      const [grant] = await grantLedgerAccess({ partnerId: konto, ledgerIds: [await ledgerId("302102")], ...plain }, kari);
      // The change and its audit event are committed although upstream could not be told.
      expect((await db.ledgerGrant.findUniqueOrThrow({ where: { id: grant!.id } })).status).toBe("active");
      expect(await db.auditEvent.count({ where: { targetId: grant!.id } })).toBe(1);
      // A retry waits in the job queue, one per partner.
      const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'grants.sandbox-push' AND singleton_key = ${konto} AND state < 'completed'`;
      expect(Number(jobs[0]?.n)).toBe(1);
      // With the sandbox down nobody can tell what upstream holds: no false "in sync".
      expect(await findOutOfSyncPartners()).toBeNull();
    } finally {
      world.sandbox = await startSandbox({ port, adminSecret: process.env.SANDBOX_ADMIN_SECRET });
    }
    // The sandbox came back with its start-up grants: Konto Partner is out of sync until repaired.
    expect(await findOutOfSyncPartners()).toEqual(new Set([konto]));
    await sandboxPushJob.handle({ partnerId: konto });
    expect(await upstreamLedgers(world.sandbox, "41234567")).toEqual(["302102", "402301+pd"]);
    expect(await findOutOfSyncPartners()).toEqual(new Set());
  });

  it("the reconciliation job pushes every partner that differs, and nothing else", async () => {
    const kari = await actor(EMAILS.kari);
    const konto = await partnerId("konto-partner");
    await grantLedgerAccess({ partnerId: konto, ledgerIds: [await ledgerId("302102")], ...plain }, kari);
    // Upstream loses the grant behind the portal's back.
    await fetch(`${world.sandbox.url}/sandbox/admin/grants/41234567`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-sandbox-admin-secret": process.env.SANDBOX_ADMIN_SECRET ?? "" },
      body: JSON.stringify({ ledgers: [] }),
    });
    expect(await findOutOfSyncPartners()).toEqual(new Set([konto]));
    expect(await reconcileSandboxGrants()).toBe(1);
    expect(await upstreamLedgers(world.sandbox, "41234567")).toEqual(["302102", "402301+pd"]);
    expect(await reconcileSandboxGrants()).toBe(0);
  });
});

describe("expireGrants (daily job)", () => {
  it("turns grants past their end date into expired ones, tells the partner and upstream, writes the audit", async () => {
    const kari = await actor(EMAILS.kari);
    const konto = await partnerId("konto-partner");
    const [grant] = await grantLedgerAccess({ partnerId: konto, ledgerIds: [await ledgerId("302102")], ...plain }, kari);
    await db.ledgerGrant.update({ where: { id: grant!.id }, data: { validUntil: ledgerDateToDb(inDays(-1)) } });
    // The seeded grants end in the future: only this one is due.
    expect(await expireGrants()).toBe(1);
    expect((await db.ledgerGrant.findUniqueOrThrow({ where: { id: grant!.id } })).status).toBe("expired");
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: grant!.id, action: "grant.expired" } });
    expect(event).toMatchObject({ actorUserId: null, actorLabel: "system" });
    const mads = await db.user.findUniqueOrThrow({ where: { email: EMAILS.mads } });
    expect(await db.notification.findFirst({ where: { userId: mads.id, kind: "grant.expired" } })).not.toBeNull();
    expect(await upstreamLedgers(world.sandbox, "41234567")).toEqual(["402301+pd"]);
    expect(await expireGrants()).toBe(0);
  });
});

describe("the mail transport (embedded mode: .eml files in the outbox folder)", () => {
  it("writes each queued mail once as an .eml file and marks it sent", async () => {
    const kari = await actor(EMAILS.kari);
    const [grant] = await grantLedgerAccess({ partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId("302102")], ...plain }, kari);
    await revokeGrant({ grantId: grant!.id }, kari);
    // Each change sent its own mails right after commit.
    expect(await db.outboxEmail.count({ where: { sentAt: null } })).toBe(0);
    const files = readdirSync(world.outboxDir).filter((f) => f.endsWith(".eml"));
    const mails = files.map((f) => readFileSync(path.join(world.outboxDir, f), "utf8"));
    const revoked = mails.find((m) => m.includes("Subject: Fjord Kaffe AS ended your access to ledger 302102"));
    expect(revoked).toBeDefined();
    expect(revoked).toContain("To: mads@kontopartner.example\r\n");
    expect(revoked).toContain("Content-Type: text/plain; charset=utf-8");
    expect(revoked).toMatch(/You can no longer read ledger 302102 of Fjord Kaffe AS/);
    expect((await flushOutbox()).sent).toBe(0);
  });

  it("two flushes at the same time send each mail once", async () => {
    await db.outboxEmail.createMany({ data: Array.from({ length: 30 }, (_, i) => ({ toAddress: `x${i}@example.test`, subject: `Grüße ${i}`, body: "æøå" })) });
    const [a, b] = await Promise.all([flushOutbox({ limit: 20 }), flushOutbox({ limit: 20 })]);
    const c = await flushOutbox();
    expect(a.sent + b.sent + c.sent).toBe(30);
    const subjects = readdirSync(world.outboxDir).map((f) => readFileSync(path.join(world.outboxDir, f), "utf8")).filter((m) => m.includes("x1@example.test"));
    expect(subjects).toHaveLength(1);
    // RFC 2047 encoded word, as nodemailer writes it (Q encoding of UTF-8).
    expect(subjects[0]).toContain("Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_1?=");
  });
});
