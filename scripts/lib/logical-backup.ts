import { createReadStream, createWriteStream, mkdtempSync, copyFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { migrate } from "./migrate";

/**
 * The backup that needs no pg_dump: works against any PostgreSQL version, because it holds only rows in COPY's
 * text format and the list of applied migrations; the schema comes from this project's own migrations at restore.
 * Used when no pg_dump of at least the server's major version exists (the embedded PostgreSQL 18 on a machine
 * with older client tools), or when asked for with --format=logical.
 *
 * File: gzip of  MAGIC, u32 manifest length, manifest JSON, then per table (in manifest order) the COPY output
 * as frames of u32 length + bytes, ended by a zero-length frame. Every schema the migrations made (`public`,
 * `rate_limit`, any later one) except pg-boss's queue (`pgboss`): pg-boss recreates its schema and the cron
 * schedules at start-up, and the work that must not be lost (notices to send) sits in the outbox table, which is
 * included. Queued one-off jobs (e.g. a "sync now") are not; the schedules redo their work.
 */
const MAGIC = Buffer.from("LEDGER-ACCESS-LOGICAL-BACKUP\n");
const FORMAT = 1;
const MIGRATIONS_TABLE = "schema_migrations";
/**
 * Tables that triggers fill from other tables' rows: the grant counts (decision 041). Restored without replica
 * (triggers active), they are filled again while their source tables load, so they load last and what the triggers
 * wrote is deleted first: the backup's rows, taken in the same snapshot as the sources, are kept verbatim.
 */
const TRIGGER_FILLED = new Set(["public.LedgerGrantStatusCount"]);

export interface LogicalManifest {
  format: number;
  createdAt: string;
  serverVersion: string;
  /** dbmate versions applied to the source, ascending. */
  migrations: string[];
  tables: { schema: string; name: string; columns: string[]; rows: number }[];
  sequences: { schema: string; name: string; lastValue: string }[];
}

/** True when the file starts like a logical backup (gzip); a pg_dump custom file starts with "PGDMP". */
export async function isLogicalBackup(file: string): Promise<boolean> {
  const head = await readHead(file, 2);
  return head[0] === 0x1f && head[1] === 0x8b;
}

async function readHead(file: string, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of createReadStream(file, { start: 0, end: n - 1 })) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function frame(bytes: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(bytes.length);
  return Buffer.concat([len, bytes]);
}

const q = (name: string) => pg.Client.prototype.escapeIdentifier(name);
const qt = (t: { schema: string; name: string }) => `${q(t.schema)}.${q(t.name)}`;
/** The schemas a backup covers: the portal's own; not the system's, not pg-boss's job queue. */
const SCHEMAS = `n.nspname NOT IN ('pgboss', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'`;

/** Writes the whole `public` schema's rows as of one snapshot (REPEATABLE READ, READ ONLY) to `file`, mode 0600. */
export async function logicalBackup(databaseUrl: string, file: string): Promise<LogicalManifest> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const manifest = await readManifest(client);
    async function* content() {
      yield MAGIC;
      yield frame(Buffer.from(JSON.stringify(manifest)));
      for (const t of manifest.tables) {
        const sql = `COPY ${qt(t)} (${t.columns.map(q).join(", ")}) TO STDOUT`;
        for await (const chunk of client.query(copyTo(sql))) yield frame(chunk as Buffer);
        yield frame(Buffer.alloc(0));
      }
    }
    await pipeline(Readable.from(content()), createGzip(), createWriteStream(file, { mode: 0o600 }));
    await client.query("COMMIT");
    return manifest;
  } finally {
    await client.end();
  }
}

async function readManifest(client: pg.Client): Promise<LogicalManifest> {
  const version = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  const migrations = await client.query<{ version: string }>(`SELECT version FROM public.${MIGRATIONS_TABLE} ORDER BY version`);
  const tables = await client.query<{ schema: string; name: string; columns: string[] }>(
    `SELECT n.nspname AS schema, c.relname AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE ${SCHEMAS} AND c.relkind = 'r' AND NOT (n.nspname = 'public' AND c.relname = $1)
      GROUP BY n.nspname, c.relname ORDER BY n.nspname, c.relname`,
    [MIGRATIONS_TABLE],
  );
  const withRows = [];
  for (const t of tables.rows) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${qt(t)}`);
    withRows.push({ ...t, rows: Number(rows[0]?.n) });
  }
  // Sequences are not transactional: a value read here may be past the snapshot, which is safe (never reused).
  const sequences = await client.query<{ schema: string; name: string; lastValue: string }>(
    `SELECT schemaname AS schema, sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences
      WHERE schemaname NOT IN ('pgboss', 'information_schema') AND schemaname NOT LIKE 'pg\\_%' AND last_value IS NOT NULL ORDER BY 1, 2`,
  );
  return {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    serverVersion: version.rows[0]?.v ?? "",
    migrations: migrations.rows.map((r) => r.version),
    tables: withRows,
    sequences: sequences.rows,
  };
}

/** Reads exact byte counts from the gunzipped file. */
class FrameReader {
  private buf = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer>;
  constructor(stream: AsyncIterable<Buffer>) {
    this.it = stream[Symbol.asyncIterator]();
  }
  async read(n: number): Promise<Buffer> {
    while (this.buf.length < n) {
      const next = await this.it.next();
      if (next.done) throw new Error("The backup file ends early: it is incomplete or damaged.");
      this.buf = Buffer.concat([this.buf, next.value]);
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }
  async frame(): Promise<Buffer> {
    return this.read((await this.read(4)).readUInt32BE(0));
  }
  async *tableFrames(): AsyncGenerator<Buffer> {
    for (;;) {
      const f = await this.frame();
      if (f.length === 0) return;
      yield f;
    }
  }
}

async function openBackup(file: string): Promise<{ reader: FrameReader; manifest: LogicalManifest; close(): void }> {
  const gunzip = createReadStream(file).pipe(createGunzip());
  const reader = new FrameReader(gunzip);
  const magic = await reader.read(MAGIC.length);
  if (!magic.equals(MAGIC)) throw new Error(`${file} is not a portal logical backup.`);
  const manifest = JSON.parse((await reader.frame()).toString("utf8")) as LogicalManifest;
  if (manifest.format !== FORMAT) throw new Error(`${file} has backup format ${manifest.format}; this code reads format ${FORMAT}.`);
  return { reader, manifest, close: () => gunzip.destroy() };
}

export interface LogicalRestoreResult {
  manifest: LogicalManifest;
  /** How triggers and foreign keys were handled during the load. */
  triggers: "bypassed (session_replication_role = replica)" | "active (not a superuser; tables loaded in foreign-key order)";
  /** Migrations of this code newer than the backup, left for `npm start` / `npm run db:migrate`. */
  pendingMigrations: string[];
}

/**
 * Restores a logical backup into an empty database: this code's migrations up to the backup's version, then
 * every table with COPY FROM STDIN in one transaction, the sequences moved past their backed-up values, and the
 * row counts checked against the backup's. Refuses a backup with migrations this code does not know.
 */
export async function logicalRestore(databaseUrl: string, file: string, migrationsDir = "prisma/migrations"): Promise<LogicalRestoreResult> {
  const { reader, manifest, close } = await openBackup(file);
  try {
    const files = readdirSync(migrationsDir).filter((f) => /^\d+_.*\.sql$/.test(f));
    const known = new Map(files.map((f) => [f.slice(0, f.indexOf("_")), f]));
    const unknown = manifest.migrations.filter((v) => !known.has(v));
    if (unknown.length) {
      throw new Error(`The backup comes from newer code: its migration(s) ${unknown.join(", ")} are not in ${migrationsDir}. Restore it with that release (or a later one).`);
    }
    const wanted = new Set(manifest.migrations);
    const subset = mkdtempSync(path.join(os.tmpdir(), "portal-restore-migrations-"));
    try {
      for (const [v, f] of known) if (wanted.has(v)) copyFileSync(path.join(migrationsDir, f), path.join(subset, f));
      migrate(databaseUrl, subset);
    } finally {
      rmSync(subset, { recursive: true, force: true });
    }

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query("BEGIN");
      const su = await client.query<{ s: boolean }>("SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user");
      const superuser = su.rows[0]?.s === true;
      // As replica, no ordinary trigger fires, foreign-key checks included: the rows come from one consistent
      // snapshot, so they are loaded verbatim (e.g. the audit trail's append-only trigger cannot interfere).
      if (superuser) await client.query("SET LOCAL session_replication_role = replica");
      const target = await targetColumns(client);
      for (const t of manifest.tables) {
        const have = target.get(`${t.schema}.${t.name}`);
        const missing = t.columns.filter((c) => !have?.includes(c));
        if (missing.length) throw new Error(`Table ${t.schema}.${t.name} in this database lacks column(s) ${missing.join(", ")} of the backup.`);
      }
      // The file holds tables in name order; without replica they must go in foreign-key order, which needs
      // buffering the file's earlier tables: load as stored when superuser, otherwise read all frames first.
      const filled = (t: { schema: string; name: string }) => TRIGGER_FILLED.has(`${t.schema}.${t.name}`);
      const order = superuser ? manifest.tables : await foreignKeyOrder(client, manifest.tables).then((o) => [...o.filter((t) => !filled(t)), ...o.filter(filled)]);
      const frames = new Map<string, Buffer[]>();
      if (!superuser) for (const t of manifest.tables) frames.set(qt(t), await collect(reader.tableFrames()));
      for (const t of order) {
        if (!superuser && filled(t)) await client.query(`DELETE FROM ${qt(t)}`);
        const sql = `COPY ${qt(t)} (${t.columns.map(q).join(", ")}) FROM STDIN`;
        const source = superuser ? Readable.from(reader.tableFrames()) : Readable.from(frames.get(qt(t)) ?? []);
        await pipeline(source, client.query(copyFrom(sql)));
      }
      for (const s of manifest.sequences) {
        await client.query("SELECT setval(format('%I.%I', $1::text, $2::text)::regclass, $3::bigint, true)", [s.schema, s.name, s.lastValue]);
      }
      for (const t of manifest.tables) {
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${qt(t)}`);
        if (Number(rows[0]?.n) !== t.rows) throw new Error(`Table ${t.schema}.${t.name}: loaded ${rows[0]?.n} rows, the backup has ${t.rows}.`);
      }
      await client.query("COMMIT");
      return {
        manifest,
        triggers: superuser ? "bypassed (session_replication_role = replica)" : "active (not a superuser; tables loaded in foreign-key order)",
        pendingMigrations: [...known.keys()].filter((v) => !wanted.has(v)).sort(),
      };
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      await client.end();
    }
  } finally {
    close();
  }
}

async function collect(it: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const b of it) out.push(b);
  return out;
}

async function targetColumns(client: pg.Client): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ t: string; c: string }>(
    `SELECT n.nspname || '.' || c.relname AS t, a.attname AS c FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE ${SCHEMAS} AND c.relkind = 'r'`,
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.t, [...(map.get(r.t) ?? []), r.c]);
  return map;
}

/** Referenced tables before the tables that reference them (self-references are checked at statement end). */
async function foreignKeyOrder<T extends { schema: string; name: string }>(client: pg.Client, tables: T[]): Promise<T[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(
    `SELECT cn.nspname || '.' || ch.relname AS child, pn.nspname || '.' || pa.relname AS parent FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = ch.relnamespace
       JOIN pg_class pa ON pa.oid = k.confrelid JOIN pg_namespace pn ON pn.oid = pa.relnamespace
      WHERE k.contype = 'f' AND k.conrelid <> k.confrelid`,
  );
  const key = (t: T) => `${t.schema}.${t.name}`;
  const done = new Set<string>();
  const out: T[] = [];
  let left = [...tables];
  while (left.length) {
    const ready = left.filter((t) => rows.every((r) => r.child !== key(t) || done.has(r.parent) || !tables.some((x) => key(x) === r.parent)));
    if (!ready.length) throw new Error(`Foreign keys form a cycle among ${left.map(key).join(", ")}: restore as a superuser.`);
    for (const t of ready) {
      done.add(key(t));
      out.push(t);
    }
    left = left.filter((t) => !done.has(key(t)));
  }
  return out;
}
