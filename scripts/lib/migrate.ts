import { spawnSync } from "node:child_process";
import path from "node:path";

/**
 * Applies prisma/migrations/*.sql with dbmate (the same files for the embedded and any external PostgreSQL).
 * `migrationsDir` is for the upgrade test, which applies a previous release's subset first.
 */
export function migrate(databaseUrl: string, migrationsDir = "prisma/migrations"): void {
  const bin = path.join(process.cwd(), "node_modules", ".bin", "dbmate");
  const res = spawnSync(bin, ["--url", dbmateUrl(databaseUrl), "--migrations-dir", migrationsDir, "--no-dump-schema", "--wait", "--wait-timeout", "20s", "up"], {
    encoding: "utf8",
  });
  if (res.status !== 0) {
    throw new Error(`Database migration failed:\n${res.stdout}${res.stderr}`);
  }
}

// dbmate's driver requires TLS unless told otherwise; a server on this machine normally has none.
function dbmateUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has("sslmode") && ["localhost", "127.0.0.1", "::1"].includes(url.hostname)) url.searchParams.set("sslmode", "disable");
  return url.toString();
}
