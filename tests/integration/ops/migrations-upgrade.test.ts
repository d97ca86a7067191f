import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/server/db";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { migrate } from "@/scripts/lib/migrate";
import { PREVIOUS_RELEASE, migrationVersion } from "@/scripts/lib/previous-release";
import { siblingUrl, withServer } from "./db-tables";

/**
 * Upgrading a database of the previous release: its migrations first (all up to PREVIOUS_RELEASE), its data
 * (a fixture taken from that schema), then every newer migration. Nothing is lost or changed in the columns
 * that existed, the audit chain still verifies, today's client reads the rows, and the upgraded schema is the
 * one a migration from an empty database gives (the test database of this run, see global-setup.ts; the
 * schema-drift test compares that one with schema.prisma).
 */
const freshUrl = process.env.DATABASE_URL!;
const upgradeName = `${new URL(freshUrl).pathname.slice(1)}_upgrade`;
const upgradeUrl = siblingUrl(freshUrl, upgradeName);
const adminUrl = siblingUrl(freshUrl, "postgres");
const dir = mkdtempSync(path.join(os.tmpdir(), "portal-migrations-"));

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await withServer(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${upgradeName}" WITH (FORCE)`));
});

type Snapshot = Record<string, { rows: number; md5: string }>;
/** Per table: row count and checksum over the given columns only (new migrations may add columns). */
async function snapshot(url: string, columnsOf: Record<string, string[]>): Promise<Snapshot> {
  return withServer(url, async (c) => {
    const out: Snapshot = {};
    for (const [table, cols] of Object.entries(columnsOf)) {
      const row = `(${cols.map((col) => `x."${col}"`).join(", ")})::text`;
      const { rows } = await c.query<{ n: string; h: string }>(`SELECT count(*) AS n, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS h FROM public."${table}" x`);
      out[table] = { rows: Number(rows[0]?.n), md5: rows[0]?.h ?? "" };
    }
    return out;
  });
}

async function columns(url: string): Promise<Record<string, string[]>> {
  return withServer(url, async (c) => {
    const { rows } = await c.query<{ t: string; col: string }>(
      "SELECT table_name AS t, column_name AS col FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name, ordinal_position",
    );
    const out: Record<string, string[]> = {};
    for (const r of rows) (out[r.t] ??= []).push(r.col);
    return out;
  });
}

/** Tables, columns, constraints and indexes as text: two databases with the same schema give the same list. */
async function schemaShape(url: string): Promise<string[]> {
  return withServer(url, async (c) => {
    const cols = await c.query<{ s: string }>(
      `SELECT table_name || '.' || column_name || ' ' || udt_name || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS s FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const cons = await c.query<{ s: string }>(
      `SELECT cl.relname || ' ' || co.conname || ' ' || pg_get_constraintdef(co.oid) AS s FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE n.nspname = 'public'`,
    );
    const idx = await c.query<{ s: string }>(`SELECT indexdef AS s FROM pg_indexes WHERE schemaname = 'public'`);
    return [...cols.rows, ...cons.rows, ...idx.rows].map((r) => r.s).sort();
  });
}

describe("migrations", () => {
  const all = readdirSync("prisma/migrations").filter((f) => f.endsWith(".sql")).sort();
  const released = all.filter((f) => migrationVersion(f) <= PREVIOUS_RELEASE.lastMigration);

  it("knows the previous release's migrations", () => {
    expect(released.map(migrationVersion)).toContain(PREVIOUS_RELEASE.lastMigration);
  });

  it("upgrade a database of the previous release with its data: nothing lost, chain intact, same schema as from empty", async () => {
    await withServer(adminUrl, (c) => c.query(`CREATE DATABASE "${upgradeName}"`));
    for (const f of released) copyFileSync(path.join("prisma/migrations", f), path.join(dir, f));
    migrate(upgradeUrl, dir);
    await withServer(upgradeUrl, (c) => c.query(readFileSync("tests/integration/ops/fixtures/previous-release-data.sql", "utf8")));

    const releaseColumns = await columns(upgradeUrl);
    const before = await snapshot(upgradeUrl, releaseColumns);
    expect(Object.values(before).filter((t) => t.rows > 0).length).toBeGreaterThanOrEqual(15);

    migrate(upgradeUrl); // every migration newer than the release

    expect(await snapshot(upgradeUrl, releaseColumns)).toEqual(before);
    const applied = await withServer(upgradeUrl, (c) => c.query<{ version: string }>("SELECT version FROM schema_migrations ORDER BY version"));
    expect(applied.rows.map((r) => r.version)).toEqual(all.map(migrationVersion));
    expect(await schemaShape(upgradeUrl)).toEqual(await schemaShape(freshUrl));

    const upgraded = createDb(upgradeUrl);
    try {
      expect(await verifyAuditChain(upgraded)).toEqual({ ok: true, events: before.AuditEvent!.rows });
      // Today's client reads what the previous release wrote, through every relation a grant has.
      const grants = await upgraded.ledgerGrant.findMany({ include: { ledger: true, partner: true, merchant: true } });
      expect(grants).toHaveLength(before.LedgerGrant!.rows);
      expect(await upgraded.user.count()).toBe(before.User!.rows);
    } finally {
      await upgraded.$disconnect();
    }
  });
});
