import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/**
 * Databases of the database tests, all clones of the run's migrated template (tests/integration/global-setup.ts)
 * on the same local server: one per Vitest worker (the files a worker runs share it, one after another), and
 * scratch databases of single suites. Cloning (CREATE DATABASE … TEMPLATE) copies the migrated schema in well
 * under a second, and the run's teardown drops every database named after the template.
 */
export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

function template() {
  const templateUrl = new URL(inject("templateDatabaseUrl"));
  const serverUrl = new URL(templateUrl);
  serverUrl.pathname = "/postgres";
  return { templateUrl, templateName: templateUrl.pathname.slice(1), serverUrl: serverUrl.toString() };
}

async function withServer<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Clones the template as `name` unless that database exists already; returns its URL. */
async function cloneTemplate(name: string): Promise<string> {
  const { templateUrl, templateName, serverUrl } = template();
  await withServer(serverUrl, async (c) => {
    const { rowCount } = await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (rowCount === 0) await c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
  });
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The current worker's own database (VITEST_POOL_ID is unique among the workers running at one time). */
export function workerDatabaseUrl(): Promise<string> {
  return cloneTemplate(`${template().templateName}_w${process.env.VITEST_POOL_ID ?? "1"}`);
}

/**
 * A database of the test file's own, for a suite that lets many roles really write (and instruments every table
 * to see writes) or runs jobs over every row, without disturbing the demo world the worker's other files share.
 * Call at the top of the test file, before anything touches the database: it points DATABASE_URL at the new
 * database (the data layer reads it lazily).
 */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const { templateName, serverUrl } = template();
  const name = `${templateName}_${label}_${randomBytes(2).toString("hex")}`.slice(0, 63);
  const url = await cloneTemplate(name);
  process.env.DATABASE_URL = url;
  return {
    url,
    async drop() {
      await withServer(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
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
