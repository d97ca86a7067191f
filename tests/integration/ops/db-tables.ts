import pg from "pg";

/** Row count and an order-independent checksum of every table in the portal's schemas: two databases compared. */
export async function tableFingerprints(url: string, schemas = ["public", "pgboss"]): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ s: string; t: string }>(
      "SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' ORDER BY 1, 2",
      [schemas],
    );
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { s, t } of tables) {
      const q = `SELECT count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${s}"."${t}" x`;
      const { rows } = await client.query<{ n: string; h: string }>(q);
      out[`${s}.${t}`] = { rows: Number(rows[0]?.n), md5: rows[0]?.h ?? "" };
    }
    return out;
  } finally {
    await client.end();
  }
}

export async function withServer<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The URL of another database on the same server. */
export function siblingUrl(url: string, dbName: string): string {
  const u = new URL(url);
  u.pathname = `/${dbName}`;
  return u.toString();
}
