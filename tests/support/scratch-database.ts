import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { migrate } from "../../scripts/lib/migrate";

/**
 * A database of the test file's own, on the same local server as the run's test database, migrated with the
 * same SQL files. For a suite that lets many roles really write (and instruments every table to see writes)
 * without disturbing the demo world the other files share. Call at the top of the test file, before anything
 * touches the database: it points DATABASE_URL at the new database (the data layer reads it lazily).
 */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const runUrl = new URL(inject("databaseUrl"));
  const serverUrl = new URL(runUrl);
  serverUrl.pathname = "/postgres";
  const name = `${runUrl.pathname.slice(1)}_${label}_${randomBytes(2).toString("hex")}`.slice(0, 63);
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  migrate(url.toString());
  process.env.DATABASE_URL = url.toString();
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Counts every row written to any table of the app's schema (pg-boss keeps its own; count its jobs apart), through row triggers that log the table
 * name. Test-only instrumentation of a scratch database: "a refused call wrote nothing" is then a fact about the
 * whole database, not about the few tables a test thought of.
 */
export async function installWriteLog(client: { $executeRawUnsafe(sql: string): Promise<number> }): Promise<void> {
  await client.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS public.zz_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`);
  await client.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION public.zz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO public.zz_write_log (tbl, op) VALUES (TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP);
      RETURN NULL;
    END $$`);
  await client.$executeRawUnsafe(`
    DO $$
    DECLARE t record;
    BEGIN
      FOR t IN SELECT table_schema, table_name FROM information_schema.tables
               WHERE table_type = 'BASE TABLE' AND table_schema = 'public'
                 AND table_name NOT IN ('zz_write_log', 'schema_migrations')
      LOOP
        EXECUTE format('CREATE TRIGGER zz_write_log AFTER INSERT OR UPDATE OR DELETE ON %I.%I FOR EACH ROW EXECUTE FUNCTION public.zz_log_write()', t.table_schema, t.table_name);
      END LOOP;
    END $$`);
}
