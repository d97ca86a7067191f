/**
 * `npm run db:restore -- file`: a db:backup file into DATABASE_URL, or the embedded database of `npm start`.
 * The target must be empty (a new database, or a fresh PORTAL_DATA_DIR): nothing is overwritten, and the
 * restore is one transaction, so it lands whole or not at all. Then `npm start` (or `npm run db:migrate`)
 * applies any migration newer than the backup. Stop the app while restoring.
 */
import { existsSync } from "node:fs";
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
    await restoreDatabase(target.url, file);
    log(`Restored ${file}. Start the portal as usual; it applies newer migrations, if any.`);
  } finally {
    await target.close();
  }
}

main().catch((err: unknown) => {
  console.error(`[restore] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
