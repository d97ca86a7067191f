/**
 * `npm run db:backup [-- file]`: the whole portal database (data, audit trail, job queue) to one pg_dump
 * file in the custom format, default backups/portal-<UTC time>.dump. DATABASE_URL, or the embedded database
 * of `npm start` (see scripts/lib/target-database.ts). The file holds personal data and encrypted API keys:
 * it is written readable by its owner only; keep CREDENTIALS_ENCRYPTION_KEY (or .data/secrets.json) with it,
 * apart, or the stored keys cannot be read after a restore.
 */
import { chmodSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { dumpDatabase } from "./lib/pg-tools";
import { targetDatabase } from "./lib/target-database";

const log = (m: string) => console.log(`[backup] ${m}`);

async function main() {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "Z");
  const file = path.resolve(process.argv[2] ?? path.join("backups", `portal-${stamp}.dump`));
  mkdirSync(path.dirname(file), { recursive: true });
  const target = await targetDatabase(log);
  try {
    await dumpDatabase(target.url, file);
    chmodSync(file, 0o600);
    log(`Wrote ${path.relative(process.cwd(), file)} (${(statSync(file).size / 1024).toFixed(0)} KiB). Restore with: npm run db:restore -- ${path.relative(process.cwd(), file)}`);
  } finally {
    await target.close();
  }
}

main().catch((err: unknown) => {
  console.error(`[backup] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
