import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";
import { appRoleUrl, ensureAppRole } from "@/scripts/lib/app-role";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * A3: the audit trail holds against the app's own database role (as `npm start` connects it) and is verified
 * against its head. A scratch database of this file's own: the tests break the chain on purpose.
 * "owner" is the migrating role (the test server's superuser); "app" is the role the app runs as.
 */
let scratch: ScratchDatabase;
let owner: PrismaClient;
let app: PrismaClient;
let appendAuditEvent: typeof import("@/lib/server/audit/append-audit-event").appendAuditEvent;
let verifyAuditChain: typeof import("@/lib/server/audit/verify-audit-chain").verifyAuditChain;
const ids: bigint[] = [];

beforeAll(async () => {
  scratch = await createScratchDatabase("audit");
  const runApp = new URL(inject("appDatabaseUrl"));
  const role = { name: decodeURIComponent(runApp.username), password: decodeURIComponent(runApp.password) };
  await ensureAppRole(scratch.url, role);
  const { createDb } = await import("@/lib/server/db");
  ({ appendAuditEvent } = await import("@/lib/server/audit/append-audit-event"));
  ({ verifyAuditChain } = await import("@/lib/server/audit/verify-audit-chain"));
  owner = createDb(scratch.url);
  app = createDb(appRoleUrl(scratch.url, role));
  const user = await app.user.create({ data: { email: "actor@audit.test", name: "Audit Actor" } });
  for (const n of [1, 2, 3, 4]) {
    const e = await app.$transaction((tx) =>
      appendAuditEvent(tx, { action: "test.event", actorUserId: user.id, actorLabel: "Audit Actor", merchantId: null, partnerId: null, targetType: "test", targetId: String(n), after: { n } }),
    );
    ids.push(e.id);
  }
});

afterAll(async () => {
  await app?.$disconnect();
  await owner?.$disconnect();
  await scratch?.drop();
});

async function asOwnerBypassingTriggers(sql: string): Promise<void> {
  // Only a superuser can switch triggers off (session_replication_role): what an attacker with the owner's
  // powers could do. The app role cannot (tested below).
  await owner.$transaction([owner.$executeRawUnsafe("SET LOCAL session_replication_role = replica"), owner.$executeRawUnsafe(sql)]);
}

describe("the audit trail against the app's own role", () => {
  it("is a role without superuser powers that reads and appends", async () => {
    const [me] = await app.$queryRaw<{ super: boolean; user: string }[]>`SELECT rolsuper AS super, current_user AS user FROM pg_roles WHERE rolname = current_user`;
    expect(me?.super).toBe(false);
    expect(await verifyAuditChain(app)).toEqual({ ok: true, events: 4 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE of events, any write to the head, and switching triggers off; nothing changes", async () => {
    const before = await app.auditEvent.findMany({ orderBy: { id: "asc" } });
    await expect(app.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorLabel" = 'someone else' WHERE id = ${ids[1]}`)).rejects.toThrow(/permission denied/);
    await expect(app.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorUserId" = NULL`)).rejects.toThrow(/permission denied/);
    await expect(app.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = ${ids[3]}`)).rejects.toThrow(/permission denied/);
    await expect(app.auditEvent.deleteMany({})).rejects.toThrow();
    await expect(app.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied/);
    await expect(app.$executeRawUnsafe(`TRUNCATE "AuditEvent" CASCADE`)).rejects.toThrow(/permission denied/);
    await expect(app.$executeRawUnsafe(`UPDATE "AuditChainHead" SET "events" = 0`)).rejects.toThrow(/permission denied/);
    await expect(app.$executeRawUnsafe(`DELETE FROM "AuditChainHead"`)).rejects.toThrow(/permission denied/);
    await expect(app.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    await expect(app.$executeRawUnsafe(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    // An event that does not continue the head is refused by the database, not only by the app's code.
    await expect(
      app.$executeRawUnsafe(`INSERT INTO "AuditEvent" ("actorLabel", "action", "targetType", "targetId", "prevHash", "hash") VALUES ('x', 'forged', 't', '1', '${"f".repeat(64)}', 'forged')`),
    ).rejects.toThrow(/chain head/);
    expect(await app.auditEvent.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await verifyAuditChain(app)).toEqual({ ok: true, events: 4 });
  });

  it("refuses TRUNCATE, UPDATE and DELETE even by the owner while the triggers are on", async () => {
    await expect(owner.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(owner.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorUserId" = NULL`)).rejects.toThrow(/append-only/);
    await expect(owner.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(owner.$executeRawUnsafe(`UPDATE "AuditChainHead" SET "events" = 1`)).rejects.toThrow(/kept by the audit trail/);
    await expect(owner.$executeRawUnsafe(`TRUNCATE "AuditChainHead"`)).rejects.toThrow(/kept by the audit trail/);
    expect(await verifyAuditChain(app)).toEqual({ ok: true, events: 4 });
  });

  it("does not let a user who acted be deleted (the chain cannot lose a hashed field that way)", async () => {
    await expect(owner.user.delete({ where: { email: "actor@audit.test" } })).rejects.toThrow();
    await expect(app.user.delete({ where: { email: "actor@audit.test" } })).rejects.toThrow();
    expect(await verifyAuditChain(app)).toEqual({ ok: true, events: 4 });
  });

  it("names the row an owner changed directly", async () => {
    await asOwnerBypassingTriggers(`UPDATE "AuditEvent" SET "actorLabel" = 'Somebody Else' WHERE id = ${ids[1]}`);
    expect(await verifyAuditChain(app)).toMatchObject({ ok: false, brokenAtId: ids[1], reason: "content does not match its hash" });
    await asOwnerBypassingTriggers(`UPDATE "AuditEvent" SET "actorLabel" = 'Audit Actor' WHERE id = ${ids[1]}`);
    expect(await verifyAuditChain(app)).toEqual({ ok: true, events: 4 });
  });

  it("detects removed events at the end (the head still counts them)", async () => {
    await asOwnerBypassingTriggers(`DELETE FROM "AuditEvent" WHERE id >= ${ids[2]}`);
    expect(await app.auditEvent.count()).toBe(2);
    const verdict = await verifyAuditChain(app);
    expect(verdict).toMatchObject({ ok: false, events: 2, brokenAtId: ids[3] });
    expect(!verdict.ok && verdict.reason).toMatch(/missing at the end.*4 events/);
  });

  it("detects a wiped trail", async () => {
    await asOwnerBypassingTriggers(`DELETE FROM "AuditEvent"`);
    expect(await verifyAuditChain(app)).toMatchObject({ ok: false, events: 0, brokenAtId: ids[3] });
  });
});
