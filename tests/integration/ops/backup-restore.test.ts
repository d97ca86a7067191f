import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db, createDb } from "@/lib/server/db";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { enqueueJob, stopQueue } from "@/lib/server/jobs/queue";
import { flushOutboxJob } from "@/lib/server/jobs/grant-jobs";
import { ensureDemoWorld } from "@/tests/support/test-db";
import { findPgTool, serverMajor } from "@/scripts/lib/pg-tools";
import { siblingUrl, tableFingerprints, withServer } from "./db-tables";

/**
 * `npm run db:backup` and `npm run db:restore` (pg_dump/pg_restore, custom format) on a real PostgreSQL:
 * a seeded database with grants, audit events and a queued job, backed up, restored into a new database,
 * is the same table by table, and its audit hash chain still verifies. Needs pg_dump/pg_restore of the
 * server's major version or newer (scripts/lib/pg-tools.ts): CI's run against the machine's PostgreSQL has
 * them; where none is found (the embedded PostgreSQL 18 with only older client tools) this says so and skips.
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

const restoredName = `${new URL(sourceUrl).pathname.slice(1)}_restored`;
const restoredUrl = siblingUrl(sourceUrl, restoredName);
const dir = mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));

afterAll(async () => {
  await stopQueue();
  rmSync(dir, { recursive: true, force: true });
  await withServer(siblingUrl(sourceUrl, "postgres"), (c) => c.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`));
});

function script(name: string, args: string[], databaseUrl: string) {
  return spawnSync(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl } });
}

describe.skipIf(!tools)("backup and restore", () => {
  it("round-trips the whole database: same rows in every table, audit chain intact, job queue included", async () => {
    await ensureDemoWorld();
    await db.$transaction((tx) => appendAuditEvent(tx, { action: "ops.backup-test", actorUserId: null, actorLabel: "test", merchantId: null, partnerId: null, targetType: "system", targetId: "backup", after: { note: "written before the backup" } }));
    await enqueueJob(flushOutboxJob, {});
    const before = await tableFingerprints(sourceUrl);
    expect(before["public.AuditEvent"]!.rows).toBeGreaterThan(1);
    expect(before["public.LedgerGrant"]!.rows).toBeGreaterThan(0);
    expect(before["pgboss.job"]!.rows).toBeGreaterThan(0);

    const file = path.join(dir, "portal.dump");
    const backup = script("backup", [file], sourceUrl);
    expect(backup.status, backup.stderr).toBe(0);
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
