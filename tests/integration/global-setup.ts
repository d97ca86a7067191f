import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../../scripts/lib/embedded-postgres";
import { migrate } from "../../scripts/lib/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's migrated template database. Never connect to it: a connection blocks every clone (tests/support/scratch-database.ts). */
    templateDatabaseUrl: string;
  }
}

/**
 * The data layer is tested against a real PostgreSQL: the server named by TEST_DATABASE_URL (CI runs the
 * suite once more against the machine's server), or else an embedded one from .data/test-postgres. Each
 * run migrates one brand-new template database with the same SQL files as production; every test worker then
 * works in a clone of it of its own (tests/integration/setup-env.ts), so workers run side by side without
 * seeing each other's writes. Afterwards the template and every clone are dropped.
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
  const templateUrl = url.toString();
  migrate(templateUrl);
  project.provide("templateDatabaseUrl", templateUrl);

  return async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    // The workers' clones and the scratch databases of single suites are named after the template.
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [`${dbName}_`]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await c.end();
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
