import { createHmac } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import { migrate } from "./migrate";

/**
 * The app's own database role (docs/decisions/019-audit-trail-that-holds.md). Migrations run as the database's
 * owner; the app connects as this role, which is no superuser and owns none of the portal's tables, so it cannot
 * disable a trigger, and it holds only the rights the app needs: read and write the portal's tables, but on the
 * audit trail only SELECT and INSERT (no UPDATE, DELETE or TRUNCATE), and only SELECT on the chain's head.
 * The job queue's schema (pg-boss) belongs to this role: pg-boss creates a table per queue at run time.
 *
 * Run after every migration (idempotent): tables added by new migrations get the same rights.
 */
export interface AppRole {
  name: string;
  password: string;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** The URL the app uses: the owner's URL with the app role's name and password. */
export function appRoleUrl(ownerUrl: string, role: AppRole): string {
  const url = new URL(ownerUrl);
  url.username = role.name;
  url.password = role.password;
  return url.toString();
}

/** The role a URL connects as (its user name). */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates the role if missing (LOGIN, no superuser, no CREATEDB/CREATEROLE/BYPASSRLS) and sets its password when
 * one is given; then grants exactly the app's rights in the database of `ownerUrl`. The owner needs CREATEROLE to
 * create the role (or the operator creates it: then pass `password: ""` and only the rights are granted).
 */
export async function ensureAppRole(ownerUrl: string, role: AppRole): Promise<void> {
  if (!IDENT.test(role.name)) throw new Error(`App role name "${role.name}" must be a plain lower-case SQL identifier.`);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const r = `"${role.name}"`;
    const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
    const exists = async () => (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name])).rowCount === 1;
    if (!(await exists())) {
      if (!role.password) throw new Error(`The app role "${role.name}" (the user of DATABASE_URL) does not exist: create it first (README, "Production").`);
      try {
        await client.query(`CREATE ROLE ${r} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${role.password ? ` PASSWORD ${lit(role.password)}` : ""}`);
      } catch (err) {
        if (!(await exists())) throw err; // another start created it at the same moment: fine
      }
    } else if (role.password) {
      await client.query(`ALTER ROLE ${r} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${lit(role.password)}`);
    }
    const { rows } = await client.query<{ super: boolean }>("SELECT rolsuper AS super FROM pg_roles WHERE rolname = $1", [role.name]);
    if (rows[0]?.super) throw new Error(`The app role "${role.name}" is a superuser: it must not be (the audit trail would not hold).`);

    const db = (await client.query<{ d: string }>("SELECT current_database() AS d")).rows[0]!.d;
    await client.query("BEGIN");
    await client.query(`GRANT CONNECT ON DATABASE "${db.replaceAll('"', '""')}" TO ${r}`);
    const schemas = (
      await client.query<{ s: string }>(
        `SELECT nspname AS s FROM pg_namespace WHERE nspname NOT IN ('pgboss', 'information_schema') AND nspname NOT LIKE 'pg\\_%' ORDER BY 1`,
      )
    ).rows.map((x) => `"${x.s.replaceAll('"', '""')}"`);
    for (const s of schemas) {
      await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
      await client.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA ${s} FROM ${r}`);
    }
    // The audit trail: append and read only. Its head: read only. The migration bookkeeping: nothing.
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON public."AuditEvent" FROM ${r}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON public."AuditChainHead" FROM ${r}`);
    await client.query(`REVOKE ALL ON public."schema_migrations" FROM ${r}`);
    // pg-boss: a schema of the role's own (it creates a partition table per queue, which needs ownership). The
    // owner installs it (creating a schema needs CREATE on the database, which the app role does not get), then
    // hands every object of that schema to the app role.
    const installed = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'pgboss' AND tablename = 'version'");
    if (installed.rowCount === 0) await client.query(PgBoss.getConstructionPlans("pgboss"));
    const boss = await client.query<{ owner: string }>("SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'pgboss'");
    if (boss.rows[0]?.owner !== role.name) {
      await client.query(`
        DO $$
        DECLARE o record;
        BEGIN
          FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'v', 'm') LOOP
            EXECUTE format('ALTER %s pgboss.%I OWNER TO ${r}', CASE o.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, o.relname);
          END LOOP;
          FOR o IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'pgboss' AND c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) LOOP
            EXECUTE format('ALTER SEQUENCE pgboss.%I OWNER TO ${r}', o.relname);
          END LOOP;
          FOR o IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                   WHERE n.nspname = 'pgboss' AND t.typtype IN ('e', 'd') LOOP
            EXECUTE format('ALTER TYPE pgboss.%I OWNER TO ${r}', o.typname);
          END LOOP;
          FOR o IN SELECT p.oid::regprocedure::text AS sig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'pgboss' LOOP
            EXECUTE format('ALTER ROUTINE %s OWNER TO ${r}', o.sig);
          END LOOP;
        END $$`);
      await client.query(`ALTER SCHEMA pgboss OWNER TO ${r}`);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
}

/** Drops a role made for one test run (after its databases are gone). */
export async function dropRole(serverUrl: string, name: string): Promise<void> {
  if (!IDENT.test(name)) return;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP ROLE IF EXISTS "${name}"`);
  } finally {
    await client.end();
  }
}

/** The embedded mode's app role: its password derived from the data dir's own AUTH_SECRET (nothing new to store). */
export function embeddedAppRole(authSecret: string): AppRole {
  return { name: "portal_app", password: createHmac("sha256", authSecret).update("portal-app-database-role").digest("base64url") };
}

/**
 * Migrates as the owner and returns the URL the app must use.
 * - Embedded: the owner is the embedded server's superuser; the app gets the role "portal_app".
 * - Production with MIGRATION_DATABASE_URL: migrations (and the app role's rights) as that URL's owner role;
 *   DATABASE_URL is the app's own role, created by the operator.
 * - Production without it: the one URL does both, and the audit trail is only as safe as that role (said loudly).
 */
export async function migrateAndConnectApp(opts: { databaseUrl: string; migrationUrl?: string; embeddedRole?: AppRole; log: (m: string) => void }): Promise<string> {
  if (opts.embeddedRole) {
    migrate(opts.databaseUrl);
    await ensureAppRole(opts.databaseUrl, opts.embeddedRole);
    return appRoleUrl(opts.databaseUrl, opts.embeddedRole);
  }
  if (opts.migrationUrl) {
    migrate(opts.migrationUrl);
    const name = roleOfUrl(opts.databaseUrl);
    if (name === roleOfUrl(opts.migrationUrl)) throw new Error("DATABASE_URL and MIGRATION_DATABASE_URL name the same role: the app must run as a role of its own (README).");
    await ensureAppRole(opts.migrationUrl, { name, password: "" });
    return opts.databaseUrl;
  }
  migrate(opts.databaseUrl);
  opts.log(
    "WARNING: no MIGRATION_DATABASE_URL: the app runs as the role that owns the tables. It could disable the audit " +
      "trail's triggers and rewrite or wipe it. Set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to an app role (README).",
  );
  return opts.databaseUrl;
}
