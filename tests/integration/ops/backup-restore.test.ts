import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db, createDb } from "@/lib/server/db";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { enqueueJob, stopQueue } from "@/lib/server/jobs/queue";
import { flushOutboxJob } from "@/lib/server/grants/jobs";
import { ensureDemoWorld } from "@/tests/support/test-db";
import { findPgTool, serverMajor, userTableCount } from "@/scripts/lib/pg-tools";
import { logicalRestore } from "@/scripts/lib/logical-backup";
import { siblingUrl, tableFingerprints, withServer } from "./db-tables";

/**
 * `npm run db:backup` and `npm run db:restore` on a real PostgreSQL: a seeded database with grants, audit
 * events and a queued job, backed up, restored into a new database, is the same table by table, and its audit
 * hash chain still verifies.
 * - The logical backup (scripts/lib/logical-backup.ts) needs no client tools: it always runs, on the embedded
 *   PostgreSQL 18 and on CI's machine PostgreSQL alike. It covers the `public` schema (not the job queue).
 * - pg_dump/pg_restore (custom format) need tools of the server's major version or newer (scripts/lib/pg-tools.ts):
 *   CI's run against the machine's PostgreSQL has them; where none is found this says so and skips that case.
 */
const sourceUrl = process.env.DATABASE_URL!;
const major = await serverMajor(sourceUrl);
const tools = (() => {
  try {
    return { dump: findPgTool("pg_dump", major), restore: findPgTool("pg_restore", major) };
  } catch (err) {
    console.warn(`[backup-restore] skipped: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
})();

const sourceName = new URL(sourceUrl).pathname.slice(1);
const restoredName = `${sourceName}_restored`;
const restoredUrl = siblingUrl(sourceUrl, restoredName);
const logicalName = `${sourceName}_logical`;
const logicalUrl = siblingUrl(sourceUrl, logicalName);
// A restore by a database owner who is not a superuser: triggers stay on, tables go in foreign-key order.
const ownerRole = `${sourceName}_owner`;
const ownerName = `${sourceName}_owned`;
const ownerUrl = (() => {
  const u = new URL(siblingUrl(sourceUrl, ownerName));
  u.username = ownerRole;
  u.password = "restore-test";
  return u.toString();
})();
const olderName = `${sourceName}_older`;
const dir = mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));

afterAll(async () => {
  await stopQueue();
  rmSync(dir, { recursive: true, force: true });
  await withServer(siblingUrl(sourceUrl, "postgres"), async (c) => {
    for (const name of [restoredName, logicalName, ownerName, olderName]) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`DROP ROLE IF EXISTS "${ownerRole}"`);
  });
});

// Each case starts the backup and restore scripts as their own Node processes (tsx compiles them on start): on a
// loaded two-core machine that alone can take most of a minute, so these cases get three.
const SCRIPT_TEST_TIMEOUT = 180_000;

/** As `npm run db:backup` / `db:restore` start them (package.json). */
function script(name: string, args: string[], databaseUrl: string) {
  return spawnSync(process.execPath, ["--import", "./scripts/lib/server-only-hook.mjs", "--import", "tsx", `scripts/${name}.ts`, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

async function seedForBackup() {
  await ensureDemoWorld();
  await db.$transaction((tx) => appendAuditEvent(tx, { action: "ops.backup-test", actorUserId: null, actorLabel: "test", merchantId: null, partnerId: null, targetType: "system", targetId: "backup", after: { note: "written before the backup" } }));
  await enqueueJob(flushOutboxJob, {});
}

describe("logical backup and restore (no client tools needed)", () => {
  it("round-trips every portal table from one snapshot, keeps the audit chain and sequences, refuses a non-empty target", { timeout: SCRIPT_TEST_TIMEOUT }, async () => {
    await seedForBackup();
    // Every schema of the portal but pg-boss's queue (public, rate_limit, …).
    const schemas = await withServer(sourceUrl, async (c) =>
      (await c.query<{ s: string }>(`SELECT nspname AS s FROM pg_namespace WHERE nspname NOT IN ('pgboss', 'information_schema') AND nspname NOT LIKE 'pg\\_%'`)).rows.map((r) => r.s),
    );
    expect(schemas).toEqual(expect.arrayContaining(["public", "rate_limit"]));
    await withServer(sourceUrl, (c) => c.query(`INSERT INTO rate_limit.counters (key, points, expire) VALUES ('backup-test', 3, NULL) ON CONFLICT DO NOTHING`));
    const before = await tableFingerprints(sourceUrl, schemas);
    expect(before["public.AuditEvent"]!.rows).toBeGreaterThan(1);
    expect(before["public.LedgerGrant"]!.rows).toBeGreaterThan(0);
    expect(before["rate_limit.counters"]!.rows).toBeGreaterThan(0);

    const file = path.join(dir, "portal.logical.gz");
    const backup = script("backup", ["--format=logical", file], sourceUrl);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Format: logical \(--format=logical\)/);
    expect(statSync(file).mode & 0o077).toBe(0); // owner only

    await withServer(siblingUrl(sourceUrl, "postgres"), (c) => c.query(`CREATE DATABASE "${logicalName}"`));
    const restore = script("restore", [file], logicalUrl);
    expect(restore.status, restore.stderr + restore.stdout).toBe(0);
    expect(restore.stdout).toContain(`Audit chain verified: ${before["public.AuditEvent"]!.rows} events.`);

    expect(await tableFingerprints(logicalUrl, schemas)).toEqual(before);
    const migrations = (u: string) => withServer(u, async (c) => (await c.query("SELECT version FROM schema_migrations ORDER BY 1")).rows);
    expect(await migrations(logicalUrl)).toEqual(await migrations(sourceUrl));
    const restoredDb = createDb(logicalUrl);
    try {
      expect(await verifyAuditChain(restoredDb)).toEqual({ ok: true, events: before["public.AuditEvent"]!.rows });
      // The sequences were moved on: a new audit event gets the next id and the chain still verifies.
      const maxId = await withServer(sourceUrl, async (c) => BigInt((await c.query<{ m: string }>(`SELECT max(id)::text AS m FROM "AuditEvent"`)).rows[0]!.m));
      const event = await restoredDb.$transaction((tx) => appendAuditEvent(tx, { action: "ops.after-restore", actorUserId: null, actorLabel: "test", merchantId: null, partnerId: null, targetType: "system", targetId: "restore", after: null }));
      expect(event.id).toBeGreaterThan(maxId);
      expect(await verifyAuditChain(restoredDb)).toMatchObject({ ok: true });
    } finally {
      await restoredDb.$disconnect();
    }

    const again = script("restore", [file], logicalUrl);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already has \d+ tables/);
  });
  it("restores as a non-superuser database owner (foreign-key order) and refuses a backup newer than the code", { timeout: SCRIPT_TEST_TIMEOUT }, async () => {
    await seedForBackup();
    const file = path.join(dir, "portal-2.logical.gz");
    expect(script("backup", ["--format=logical", file], sourceUrl).status).toBe(0);
    const before = await tableFingerprints(sourceUrl, ["public"]);

    await withServer(siblingUrl(sourceUrl, "postgres"), async (c) => {
      await c.query(`CREATE ROLE "${ownerRole}" LOGIN NOSUPERUSER PASSWORD 'restore-test'`);
      await c.query(`CREATE DATABASE "${ownerName}" OWNER "${ownerRole}"`);
      await c.query(`CREATE DATABASE "${olderName}"`);
    });
    const restore = script("restore", [file], ownerUrl);
    expect(restore.status, restore.stderr + restore.stdout).toBe(0);
    expect(restore.stdout).toContain("triggers active (not a superuser; tables loaded in foreign-key order)");
    expect(await tableFingerprints(ownerUrl, ["public"])).toEqual(before);

    // Code one migration behind the backup: refused before anything is written.
    const older = mkdtempSync(path.join(dir, "older-migrations-"));
    const files = readdirSync("prisma/migrations").filter((f) => f.endsWith(".sql")).sort();
    for (const f of files.slice(0, -1)) copyFileSync(path.join("prisma/migrations", f), path.join(older, f));
    const olderUrl = siblingUrl(sourceUrl, olderName);
    await expect(logicalRestore(olderUrl, file, older)).rejects.toThrow(/newer code: its migration\(s\) \d+/);
    expect(await userTableCount(olderUrl)).toBe(0);
  });
});

describe.skipIf(!tools)("pg_dump backup and restore", () => {
  it("round-trips the whole database: same rows in every table, audit chain intact, job queue included", { timeout: SCRIPT_TEST_TIMEOUT }, async () => {
    await seedForBackup();
    const before = await tableFingerprints(sourceUrl);
    expect(before["public.AuditEvent"]!.rows).toBeGreaterThan(1);
    expect(before["public.LedgerGrant"]!.rows).toBeGreaterThan(0);
    expect(before["pgboss.job"]!.rows).toBeGreaterThan(0);

    const file = path.join(dir, "portal.dump");
    const backup = script("backup", [file], sourceUrl);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Format: pg_dump \(/); // chosen automatically when a compatible pg_dump exists
    expect(statSync(file).mode & 0o077).toBe(0); // owner only

    await withServer(siblingUrl(sourceUrl, "postgres"), (c) => c.query(`CREATE DATABASE "${restoredName}"`));
    const restore = script("restore", [file], restoredUrl);
    expect(restore.status, restore.stderr).toBe(0);

    expect(await tableFingerprints(restoredUrl)).toEqual(before);
    const restoredDb = createDb(restoredUrl);
    try {
      const verdict = await verifyAuditChain(restoredDb);
      expect(verdict).toEqual({ ok: true, events: before["public.AuditEvent"]!.rows });
    } finally {
      await restoredDb.$disconnect();
    }

    // A second restore into the now non-empty database is refused and changes nothing.
    const again = script("restore", [file], restoredUrl);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already has \d+ tables/);
    expect(await tableFingerprints(restoredUrl)).toEqual(before);
  });
});
