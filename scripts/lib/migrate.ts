import { spawnSync } from "node:child_process";
import path from "node:path";

/** Applies prisma/migrations/*.sql with dbmate (the same files for the embedded and any external PostgreSQL). */
export function migrate(databaseUrl: string): void {
  const bin = path.join(process.cwd(), "node_modules", ".bin", "dbmate");
  const res = spawnSync(bin, ["--url", databaseUrl, "--migrations-dir", "prisma/migrations", "--no-dump-schema", "--wait", "up"], {
    encoding: "utf8",
  });
  if (res.status !== 0) {
    throw new Error(`Database migration failed:\n${res.stdout}${res.stderr}`);
  }
}
