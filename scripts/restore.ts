/**
 * `npm run db:restore -- file`: a db:backup file (pg_dump's custom format or the logical backup, told apart by
 * its first bytes) into DATABASE_URL, or the embedded database of `npm start`. The target must be empty (a new
 * database, or a fresh PORTAL_DATA_DIR): nothing is overwritten. The rows land in one transaction, whole or not
 * at all; then the audit trail's hash chain is verified. `npm start` (or `npm run db:migrate`) afterwards applies
 * any migration newer than the backup. Stop the app while restoring.
 */
import { existsSync } from "node:fs";
import { createDb } from "@/lib/server/db";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";
import { isLogicalBackup, logicalRestore } from "./lib/logical-backup";
import { restoreDatabase, userTableCount } from "./lib/pg-tools";
import { targetDatabase } from "./lib/target-database";

const log = (m: string) => console.log(`[restore] ${m}`);

async function main() {
  const file = process.argv[2];
  if (!file || !existsSync(file)) throw new Error(`Usage: npm run db:restore -- <backup file>${file ? ` (${file} not found)` : ""}`);
  const target = await targetDatabase(log);
  try {
    const tables = await userTableCount(target.url);
    if (tables > 0) {
      throw new Error(
        `The target database already has ${tables} tables: restore into an empty one (create a new database and point DATABASE_URL at it, or use a new PORTAL_DATA_DIR).`,
      );
    }
    if (await isLogicalBackup(file)) {
      log("Format: logical (migrations, then every table with COPY in one transaction).");
      const r = await logicalRestore(target.url, file);
      log(`Migrated to ${r.manifest.migrations.at(-1) ?? "nothing"}; triggers ${r.triggers}.`);
      for (const t of r.manifest.tables) log(`  ${t.schema}.${t.name}: ${t.rows} rows`);
      if (r.pendingMigrations.length) log(`Newer migrations not yet applied (npm start applies them): ${r.pendingMigrations.join(", ")}.`);
    } else {
      log("Format: pg_dump custom (pg_restore, one transaction).");
      await restoreDatabase(target.url, file);
    }
    const restored = createDb(target.url);
    try {
      const verdict = await verifyAuditChain(restored);
      if (!verdict.ok) throw new Error(`Restored, but the audit chain does not verify at event ${verdict.brokenAtId}: ${verdict.reason}.`);
      log(`Audit chain verified: ${verdict.events} events.`);
    } finally {
      await restored.$disconnect();
    }
    log(`Restored ${file}. Start the portal as usual; it applies newer migrations, if any.`);
  } finally {
    await target.close();
  }
}

main().catch((err: unknown) => {
  console.error(`[restore] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
