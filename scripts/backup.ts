/**
 * `npm run db:backup [-- [--format=logical|pg_dump] file]`: the portal database to one file, written readable
 * by its owner only. DATABASE_URL, or the embedded database of `npm start` (see scripts/lib/target-database.ts).
 * - pg_dump (custom format, default backups/portal-<UTC time>.dump) when a pg_dump of at least the server's
 *   major version is found (PG_BIN, the usual install folders, PATH): the whole database, job queue included.
 * - otherwise the logical backup (scripts/lib/logical-backup.ts, default backups/portal-<UTC time>.logical.gz):
 *   the applied migrations and every row of the portal's tables from one snapshot, for any PostgreSQL version.
 * The file holds personal data and encrypted API keys: keep CREDENTIALS_ENCRYPTION_KEY (or .data/secrets.json)
 * with it, apart, or the stored keys cannot be read after a restore.
 */
import { chmodSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { logicalBackup } from "./lib/logical-backup";
import { dumpDatabase, findPgTool, serverMajor } from "./lib/pg-tools";
import { targetDatabase } from "./lib/target-database";

const log = (m: string) => console.log(`[backup] ${m}`);

function parseArgs(argv: string[]): { format: "auto" | "logical" | "pg_dump"; file?: string } {
  let format: "auto" | "logical" | "pg_dump" = "auto";
  let file: string | undefined;
  for (const a of argv) {
    const m = /^--format=(.*)$/.exec(a);
    if (!m) file = a;
    else if (m[1] === "logical" || m[1] === "pg_dump" || m[1] === "auto") format = m[1];
    else throw new Error(`Unknown --format=${m[1]}: use logical, pg_dump or auto.`);
  }
  return { format, file };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const target = await targetDatabase(log);
  try {
    const major = await serverMajor(target.url);
    let pgDump: string | null = null;
    let why = "--format=logical";
    if (args.format !== "logical") {
      try {
        pgDump = findPgTool("pg_dump", major);
      } catch (err) {
        if (args.format === "pg_dump") throw err;
        why = `no pg_dump ${major} or newer found (PG_BIN, PATH) for this PostgreSQL ${major} server`;
      }
    }
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "Z");
    const file = path.resolve(args.file ?? path.join("backups", `portal-${stamp}.${pgDump ? "dump" : "logical.gz"}`));
    mkdirSync(path.dirname(file), { recursive: true });
    if (pgDump) {
      log(`Format: pg_dump (${pgDump}, server PostgreSQL ${major}).`);
      await dumpDatabase(target.url, file);
    } else {
      log(`Format: logical (${why}).`);
      const m = await logicalBackup(target.url, file);
      const rows = m.tables.reduce((n, t) => n + t.rows, 0);
      log(`${m.tables.length} tables, ${rows} rows, migrations up to ${m.migrations.at(-1) ?? "none"}; the job queue (pgboss) is not included.`);
    }
    chmodSync(file, 0o600);
    const rel = path.relative(process.cwd(), file);
    log(`Wrote ${rel} (${(statSync(file).size / 1024).toFixed(0)} KiB). Restore with: npm run db:restore -- ${rel}`);
  } finally {
    await target.close();
  }
}

main().catch((err: unknown) => {
  console.error(`[backup] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
