import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-postgres";
import { migrate } from "../../scripts/lib/migrate";
import { appRoleUrl, dropRole, ensureAppRole } from "../../scripts/lib/app-role";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    /** The same database as the app's own role (no superuser, no UPDATE/DELETE/TRUNCATE on the audit trail). */
    appDatabaseUrl: string;
  }
}

/**
 * The data layer is tested against a real PostgreSQL: the server named by TEST_DATABASE_URL (CI runs the
 * suite once more against the machine's server), or else an embedded one from .data/test-postgres. Each
 * run gets a brand-new database, migrated with the same SQL files as production, and drops it afterwards.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".data/test-postgres"), database: "postgres", preferredPort: 54339 });
    serverUrl = embedded.url;
  }
  assertLocal(serverUrl);
  const dbName = `portal_it_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  migrate(databaseUrl);
  // The app's own role, as npm start makes it (scripts/lib/app-role.ts); one per run, dropped with the database.
  const appRole = { name: `${dbName}_app`, password: randomBytes(12).toString("hex") };
  await ensureAppRole(databaseUrl, appRole);
  project.provide("databaseUrl", databaseUrl);
  project.provide("appDatabaseUrl", appRoleUrl(databaseUrl, appRole));

  return async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    // Scratch databases of single suites (tests/support/scratch-database.ts) are named after this one: drop any a
    // crashed suite left behind.
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [`${dbName}_`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await c.end();
    await dropRole(serverUrl, appRole.name);
    await embedded?.stop();
  };
}

// Tests create and drop databases: refuse anything but a server on this machine.
function assertLocal(connectionString: string) {
  const host = new URL(connectionString).hostname;
  if (!["localhost", "127.0.0.1", "::1", ""].includes(host)) {
    throw new Error(`Refusing to run database tests against a non-local server (${host}).`);
  }
}
