/**
 * `npm run bench:admin`: the access overview's data layer (A1, decision 018) at 10,000 merchants and 50,000 grants.
 *
 * Creates a scratch database (on BENCH_DATABASE_URL, or the embedded PostgreSQL of bench/run.ts), migrates it,
 * seeds it in a few bulk INSERT … SELECT generate_series statements (seconds, not minutes), ANALYZEs, then times
 * the calls the /admin/access page makes: the first page, filtered pages, a deep page (after 25,000 rows, by
 * keyset), the counts by status, and the page as rendered (rows + counts together), each against a baseline
 * measured in the same run (a `SELECT 1` round trip through the same Prisma client: the floor of any database
 * call). Samples are interleaved; the median of BENCH_REPS (default 15) per case. Prints EXPLAIN (ANALYZE,
 * BUFFERS) of each query, and the time and heap of streaming the whole list through the CSV writer.
 *
 * The HTTP benchmark against a static page of the app is the harness's (bench/ by the benchmark harness); this
 * measures the data layer, which is what grows with the number of grants.
 * Run with the react-server condition (the data layer is server-only): see package.json.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../scripts/lib/embedded-postgres";
import { migrate } from "../scripts/lib/migrate";
import { interleave, time } from "./measure";

const MERCHANTS = 10_000;
const LEDGERS = 15_000;
const SALES_UNITS = 20_000;
const PARTNERS = 200;
const GRANTS = 50_000;
const REPS = Number(process.env.BENCH_REPS ?? 15);

const id = (prefix: number, expr: string) => `('${prefix}0000000-0000-4000-8000-' || lpad((${expr})::text, 12, '0'))::uuid`;

async function seed(client: pg.Client): Promise<void> {
  await client.query(`INSERT INTO "User" (id, email, name) SELECT ${id(4, "i")}, 'user' || i || '@bench.example', 'User ' || i FROM generate_series(1, 50) i`);
  await client.query(`INSERT INTO "Merchant" (id, slug, name, country, "orgNo") SELECT ${id(1, "i")}, 'm' || i, 'Merchant ' || i, 'NO', (800000000 + i)::text FROM generate_series(1, ${MERCHANTS}) i`);
  await client.query(`INSERT INTO "Ledger" (id, "externalId", "merchantId", currency) SELECT ${id(2, "j")}, (500000 + j)::text, ${id(1, `((j - 1) % ${MERCHANTS}) + 1`)}, 'NOK' FROM generate_series(1, ${LEDGERS}) j`);
  await client.query(`INSERT INTO "SalesUnit" ("merchantId", msn, name, channel, "recipientHandle", "ledgerId")
    SELECT ${id(1, `(((u - 1) % ${LEDGERS}) % ${MERCHANTS}) + 1`)}, (1000000 + u)::text, 'Shop ' || u, 'api', 'api:' || (1000000 + u), ${id(2, `((u - 1) % ${LEDGERS}) + 1`)}
    FROM generate_series(1, ${SALES_UNITS}) u`);
  await client.query(`INSERT INTO "AccountingPartner" (id, slug, name, "orgNo", country, status, "approvedAt")
    SELECT ${id(3, "p")}, 'p' || p, 'Partner ' || lpad(p::text, 3, '0'), (900000000 + p)::text, 'NO',
      (CASE WHEN p % 50 = 0 THEN 'suspended' WHEN p % 67 = 0 THEN 'pending' ELSE 'approved' END)::"PartnerStatus", now()
    FROM generate_series(1, ${PARTNERS}) p`);
  // Grant k: ledger k mod 15,000, a partner that differs on each wrap (so live grants stay one per partner and
  // ledger); 70 % active, 10 % waiting, 10 % revoked, 5 % expired, 5 % declined; creation times with ties.
  await client.query(`INSERT INTO "LedgerGrant" ("merchantId", "partnerId", "ledgerId", status, "periodFrom", "includesPersonalData", "validUntil", "grantedById", "approvedById", "revokedAt", "lastUsedAt", "createdAt")
    SELECT ${id(1, `((((k - 1) % ${LEDGERS}) + 1 - 1) % ${MERCHANTS}) + 1`)}, ${id(3, `((k + (k - 1) / ${LEDGERS}) % ${PARTNERS}) + 1`)}, ${id(2, `((k - 1) % ${LEDGERS}) + 1`)},
      s.status::"GrantStatus", CASE WHEN k % 3 = 0 THEN current_date - 365 END, k % 5 = 0,
      CASE WHEN k % 10 < 3 THEN NULL ELSE current_date + (k % 400) - 30 END,
      ${id(4, "(k % 50) + 1")}, CASE WHEN k % 7 = 0 THEN ${id(4, "((k + 1) % 50) + 1")} END,
      CASE WHEN s.status = 'revoked' THEN now() END,
      CASE WHEN k % 10 < 4 THEN NULL ELSE now() - ((k % 100) || ' hours')::interval END,
      date_trunc('minute', now() - ((k % 700) || ' days')::interval - ((k % 13) || ' minutes')::interval)
    FROM generate_series(1, ${GRANTS}) k,
      LATERAL (SELECT CASE WHEN k % 20 < 14 THEN 'active' WHEN k % 20 < 16 THEN 'pending_approval' WHEN k % 20 < 18 THEN 'revoked' WHEN k % 20 = 18 THEN 'expired' ELSE 'declined' END AS status) s`);
  await client.query("ANALYZE");
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(2));

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.BENCH_DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: path.resolve(".data/bench-postgres"), database: "postgres", preferredPort: 54349 });
    serverUrl = embedded.url;
  }
  const dbName = `portal_bench_admin_${Date.now()}_${randomBytes(2).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const databaseUrl = url.toString();
  try {
    migrate(databaseUrl);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const seedMs = await time(() => seed(client));
    const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
    await client.end();
    console.log(`[bench:admin] seeded ${MERCHANTS} merchants, ${LEDGERS} ledgers, ${SALES_UNITS} sales units, ${PARTNERS} partners, ${GRANTS} grants in ${(seedMs / 1000).toFixed(1)} s`);

    Object.assign(process.env, { DATABASE_URL: databaseUrl, NODE_ENV: "production", LOG_LEVEL: "error" });
    process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
    process.env.CREDENTIALS_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
    // No sandbox here: the overview reads only the database (sandbox mode would ask for its admin secret).
    process.env.SANDBOX_ADMIN_SECRET ??= randomBytes(16).toString("hex");
    process.env.REPORT_API_BASE_URL ??= "http://localhost:9";
    const { db } = await import("@/lib/server/db");
    const o = await import("@/lib/server/admin-access/grant-overview");
    const { csvWebStream } = await import("@/lib/csv/csv-writer");
    const { overviewCsvHeader, overviewCsvRow } = await import("@/lib/server/admin-access/overview-csv");
    const { compactGrantStatusCounts } = await import("@/lib/server/admin-access/grant-status-counts");
    const { OVERVIEW_PAGE_SIZE: SIZE } = await import("@/lib/admin-access/overview-query");
    const { todayPortalDate, shiftLedgerDate } = await import("@/lib/dates");
    type Q = Parameters<typeof o.listOverviewPage>[0];

    const partner7 = `30000000-0000-4000-8000-${String(7).padStart(12, "0")}`;
    const first: Q = { filters: {}, sort: "newest", size: SIZE };
    const filtered: Q = { filters: { partnerId: partner7, personalData: true }, sort: "newest", size: SIZE };
    const expiring: Q = { filters: { status: "expiring_soon" }, sort: "ending", size: SIZE };
    const search: Q = { filters: { q: "1012345" }, sort: "newest", size: SIZE };
    // The cursor after 25,000 rows (found once, untimed, with OFFSET; the page itself is read by keyset).
    const [mid] = await db.$queryRaw<{ v: string; id: string }[]>`SELECT "createdAt"::text AS v, id::text AS id FROM "LedgerGrant" ORDER BY "createdAt" DESC, id DESC OFFSET 24999 LIMIT 1`;
    const deep: Q = { ...first, after: { v: mid!.v, id: mid!.id } };
    const [midEnding] = await db.$queryRaw<{ v: string; id: string }[]>`SELECT COALESCE("validUntil", 'infinity'::date)::text AS v, id::text AS id FROM "LedgerGrant" ORDER BY COALESCE("validUntil", 'infinity'::date), id OFFSET 24999 LIMIT 1`;
    const deepEnding: Q = { filters: {}, sort: "ending", size: SIZE, after: { v: midEnding!.v, id: midEnding!.id } };

    // The unfiltered counts as they were before decision 041: one GROUP BY over every grant (for comparison).
    const today = todayPortalDate();
    const scanAll = {
      text: `SELECT CASE WHEN g.status = 'active' AND g."validUntil" < $1::date THEN 'expired' WHEN g.status = 'active' AND g."validUntil" <= $2::date THEN 'expiring_soon' ELSE g.status::text END AS status, count(*)::int AS n FROM "LedgerGrant" g GROUP BY 1`,
      values: [today, shiftLedgerDate(today, 14)],
    };
    const countByScan = () => db.$queryRawUnsafe(scanAll.text, ...scanAll.values);

    // Warm up: connections, plans, caches.
    for (const q of [first, filtered, expiring, search, deep, deepEnding]) await o.listOverviewPage(q);
    await o.countOverviewByStatus({});

    const timings = await interleave(REPS, [
      { label: "baseline: SELECT 1 through the same client", run: () => db.$queryRaw`SELECT 1` },
      { label: `first page (${SIZE} rows, newest first)`, run: () => o.listOverviewPage(first) },
      { label: "filtered page (one partner, with personal data)", run: () => o.listOverviewPage(filtered) },
      { label: "filtered page (expiring soon, ends soonest)", run: () => o.listOverviewPage(expiring) },
      { label: "search by MSN", run: () => o.listOverviewPage(search) },
      { label: "deep page (after 25,000 rows, newest first)", run: () => o.listOverviewPage(deep) },
      { label: "deep page (after 25,000 rows, ends soonest)", run: () => o.listOverviewPage(deepEnding) },
      { label: "counts by status (all 50,000), from the counts table", run: () => o.countOverviewByStatus({}) },
      { label: "counts by status (all 50,000), counting the grants (before decision 041)", run: countByScan },
      { label: "counts by status (one partner, personal data)", run: () => o.countOverviewByStatus(filtered.filters) },
      { label: "page as rendered: first page + counts", run: () => Promise.all([o.listOverviewPage(first), o.countOverviewByStatus({})]) },
      { label: "page as rendered: filtered page + counts", run: () => Promise.all([o.listOverviewPage(filtered), o.countOverviewByStatus(filtered.filters)]) },
    ]);
    const base = timings[0]!.median;

    // The whole list through the CSV writer, batch by batch.
    if (global.gc) global.gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    let rows = 0;
    let bytes = 0;
    const exportMs = await time(async () => {
      async function* all() {
        for await (const batch of o.iterateOverview({ filters: {}, sort: "newest" })) {
          for (const g of batch) {
            rows += 1;
            yield overviewCsvRow(g);
          }
          // With --expose-gc, what the export keeps (garbage collected first); without it, the peak incl. garbage.
          if (global.gc && rows % 10_000 === 0) global.gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }
      }
      for await (const chunk of csvWebStream(overviewCsvHeader, all()) as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    });

    const cpus = os.cpus();
    console.log(`\nMeasured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus[0]?.model.trim() ?? "unknown CPU"} (${cpus.length} cores), Node ${process.version}, PostgreSQL ${version}; ${REPS} interleaved samples per case; load average ${os.loadavg()[0]!.toFixed(1)}.\n`);
    console.log("| case | median ms | min–max ms | × baseline |\n| --- | ---: | ---: | ---: |");
    for (const t of timings) console.log(`| ${t.label} | ${ms(t.median)} | ${ms(t.min)}–${ms(t.max)} | ${(t.median / base).toFixed(1)} |`);
    console.log(`\nCSV export of all ${rows} rows: ${(exportMs / 1000).toFixed(1)} s, ${(bytes / 2 ** 20).toFixed(1)} MiB written, heap grew at most ${((peak - heapBefore) / 2 ** 20).toFixed(1)} MiB (batches of ${o.OVERVIEW_BATCH}${global.gc ? ", measured after a GC every 10,000 rows" : ", garbage included"}).`);

    const explain = async (label: string, sql: { text: string; values: unknown[] }) => {
      const plan = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.text}`, ...sql.values);
      console.log(`\n--- EXPLAIN ${label}\n${plan.map((p) => p["QUERY PLAN"]).join("\n")}`);
    };
    await explain("first page", await o.overviewPageSql(first, SIZE + 1));
    await explain("filtered page (partner + personal data)", await o.overviewPageSql(filtered, SIZE + 1));
    await explain("filtered page (expiring soon, ends soonest)", await o.overviewPageSql(expiring, SIZE + 1));
    await explain("deep page (newest)", await o.overviewPageSql(deep, SIZE + 1));
    await explain("deep page (ends soonest)", await o.overviewPageSql(deepEnding, SIZE + 1));
    await explain("counts, unfiltered, from the counts table", await o.overviewCountsSql({}));
    await explain("counts, unfiltered, counting the grants (before decision 041)", scanAll);
    await explain("counts, one partner with personal data", await o.overviewCountsSql(filtered.filters));
    // A busy day before the hourly compaction: 1,000 grants change status (2,000 signed rows), then folded.
    await db.$executeRawUnsafe(`UPDATE "LedgerGrant" SET status = 'expired' WHERE id IN (SELECT id FROM "LedgerGrant" WHERE status = 'active' ORDER BY id LIMIT 1000)`);
    const rowsBefore = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "LedgerGrantStatusCount"`);
    await explain(`counts from the table with ${rowsBefore[0]!.n} rows (1,000 changes not yet folded)`, await o.overviewCountsSql({}));
    const compactMs = await time(() => compactGrantStatusCounts());
    const rowsAfter = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "LedgerGrantStatusCount"`);
    console.log(`\ncompaction: ${rowsBefore[0]!.n} rows folded to ${rowsAfter[0]!.n} in ${ms(compactMs)} ms`);
    await db.$disconnect();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`[bench:admin] ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
