import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import type { Topic } from "@/lib/report-api";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { cacheKey } from "@/lib/server/ledgers/ledger-cache";
import type { TopicDateStatus } from "@/lib/server/ledgers/ensure-ledger-dates";
import type { ExportPlan } from "@/lib/server/exports/plan-export";

/**
 * One ledger entry as an export reads it: a flat array of the database's own text, in this order. No object per
 * row and no parsing the writer does not need (a million rows a minute is the point): money stays the integer
 * minor units' digits ("-12550") until a writer formats it (lib/exports/money.ts, never a float) or the totals
 * add it up as a bigint; the entry time is epoch milliseconds.
 */
export type ExportRow = [
  seq: number,
  timeMs: number,
  entryType: string,
  pspReference: string,
  reference: string | null,
  amountMinor: string,
  currency: string,
  balanceBeforeMinor: string,
  balanceAfterMinor: string,
  recipientHandle: string | null,
  payerName: string | null,
  maskedPhoneNo: string | null,
  message: string | null,
];
export const R = { seq: 0, timeMs: 1, entryType: 2, pspReference: 3, reference: 4, amount: 5, currency: 6, balanceBefore: 7, balanceAfter: 8, recipientHandle: 9, payerName: 10, maskedPhoneNo: 11, message: 12 } as const;

/** Rows of one (date, topic), in ledger order; `open`: the date was still changing when exported. */
export interface ExportBatch {
  ledgerDate: string;
  topic: Topic;
  open: boolean;
  rows: ExportRow[];
}

/**
 * Rows read per query. Small on purpose: the stream holds the batch being written and the few read ahead, and a
 * batch is also the unit of back-pressure (no more are read than the response has asked for, plus the read-ahead).
 * Measured (1,000,000 rows, docs/performance.md "Ledger exports"): with 2,000 rows a batch, the batches alive at
 * each young-generation collection were promoted and the old generation grew by about 100 MB per export before a
 * full collection; with 500 it grows by about 15 MB, and the export is no slower.
 */
export const EXPORT_BATCH = 500;
/** Queries in flight at once, on the pool's connections: the database answers the next batches while one is written. */
export const EXPORT_READ_AHEAD = 3;

// The export's own small pool, like the rate limiter's: the rows come as arrays of text (rowMode "array") with no
// type parsing except the two numbers the writers need as numbers (int4 position, float8 epoch milliseconds);
// Prisma's raw queries cannot skip it (they build an object, and a bigint or a Date, per value).
const asText = (v: string) => v;
const types = { getTypeParser: (oid: number) => (oid === 23 || oid === 701 ? Number : asText) } as unknown as pg.CustomTypesConfig;
const g = globalThis as unknown as { __exportPool?: pg.Pool };
function pool(): pg.Pool {
  if (!g.__exportPool) {
    const p = new pg.Pool({ connectionString: env().DATABASE_URL, max: EXPORT_READ_AHEAD + 1, types });
    // An idle connection the server closes (a restart, a failover, a dropped database) must not take the process
    // down: the pool replaces it on the next query.
    p.on("error", (err) => logger().warn({ err: { name: err.name, message: err.message } }, "export pool: idle connection lost"));
    g.__exportPool = p;
  }
  return g.__exportPool;
}

/** The query of one batch: only the fields the columns need (the rest NULL, which costs nothing to send or parse). */
function statement(plan: ExportPlan, last: boolean) {
  const want = new Set<string>(plan.columns);
  const pd = plan.access.personalData;
  const field = (column: string, expr: string, allowed = true) => (want.has(column) && allowed ? expr : "NULL");
  const fields = [
    `"seq"`,
    // date_part's float8 seconds, not extract's numeric: the numeric arithmetic was a quarter of PostgreSQL's CPU
    // time for an export (decision 048). Exact: "time" has millisecond precision, so seconds × 1000 lies within a
    // thousandth of a millisecond of the integer and round() gives it back (equal to extract's on 1,000,000 rows).
    field("time", `round(date_part('epoch', "time") * 1000)`),
    `"entryType"`,
    field("pspReference", `"pspReference"`),
    field("reference", `"reference"`),
    `"amountMinor"`,
    `"currency"`,
    field("balanceBefore", `"balanceBeforeMinor"`),
    field("balanceAfter", `"balanceAfterMinor"`),
    field("recipientHandle", `"recipientHandle"`),
    field("payerName", `"payerName"`, pd),
    field("maskedPhoneNo", `"maskedPhoneNo"`, pd),
    field("message", `"message"`, pd),
  ];
  // A batch is a range of positions (a day's positions are 0 … entryCount - 1); the last range is open-ended.
  const text = `SELECT ${fields.join(", ")} FROM "LedgerEntry" WHERE "ledgerDayId" = $1::uuid AND "seq" >= $2 ${last ? "" : `AND "seq" < $3`} ORDER BY "seq"`;
  return { name: `export-${createHash("sha1").update(text).digest("hex").slice(0, 16)}`, text, rowMode: "array" as const };
}

type Item = { batch: ExportBatch } | { ledgerDate: string; topic: Topic; dayId: string; from: number; last: boolean };

function openRows(entries: Extract<TopicDateStatus, { status: "open" }>["entries"], pd: boolean): ExportRow[] {
  return entries.map((e, seq): ExportRow => [
    seq,
    Date.parse(e.time),
    e.entryType,
    e.pspReference,
    e.reference,
    String(e.amount),
    e.currency,
    String(e.balanceBefore),
    String(e.balanceAfter),
    e.recipientHandle,
    pd ? e.name : null,
    pd ? e.maskedPhoneNo : null,
    pd ? e.message : null,
  ]);
}

/** The plan's batches in ledger order (date, then funds before fees, then position), before any is read. */
function itemsOf(plan: ExportPlan): Item[] {
  const items: Item[] = [];
  for (const ledgerDate of plan.dates) {
    for (const topic of plan.topics) {
      const key = cacheKey(topic, ledgerDate);
      const open = plan.open.get(key);
      if (open) {
        const rows = openRows(open.entries, plan.access.personalData);
        for (let i = 0; i < rows.length; i += EXPORT_BATCH) items.push({ batch: { ledgerDate, topic, open: true, rows: rows.slice(i, i + EXPORT_BATCH) } });
        continue;
      }
      const day = plan.cached.get(key);
      if (!day) continue;
      for (let from = 0; from < day.entryCount; from += EXPORT_BATCH) items.push({ ledgerDate, topic, dayId: day.id, from, last: from + EXPORT_BATCH >= day.entryCount });
    }
  }
  return items;
}

/**
 * The plan's entries in ledger order, in batches: cached days by ranges of position on the (ledgerDayId, seq)
 * unique index (prepared statements), so the millionth row costs what the first did and the period is never held
 * in memory, with EXPORT_READ_AHEAD batches queried ahead (across dates too); open days from the in-memory read
 * the plan made. Personal-data fields are not even read without the grant's right to them. `failAfterRows` makes
 * the stream fail part-way (tests of the no-receipt rule only).
 */
export async function* exportRowBatches(plan: ExportPlan, opts: { failAfterRows?: number } = {}): AsyncGenerator<ExportBatch> {
  const ranged = statement(plan, false);
  const openEnded = statement(plan, true);
  const items = itemsOf(plan);
  const read = (item: Item): Promise<ExportBatch> => {
    if ("batch" in item) return Promise.resolve(item.batch);
    const q = pool()
      .query<ExportRow>({ ...(item.last ? openEnded : ranged), values: item.last ? [item.dayId, item.from] : [item.dayId, item.from, item.from + EXPORT_BATCH] })
      .then(({ rows }): ExportBatch => ({ ledgerDate: item.ledgerDate, topic: item.topic, open: false, rows }));
    q.catch(() => undefined); // awaited in order below; a query left behind by a cancelled export must not be unhandled
    return q;
  };
  let produced = 0;
  const inFlight: Promise<ExportBatch>[] = [];
  let next = 0;
  const topUp = () => {
    while (next < items.length && inFlight.length < EXPORT_READ_AHEAD) inFlight.push(read(items[next++]!));
  };
  while (next < items.length || inFlight.length > 0) {
    topUp();
    const batch = await inFlight.shift()!;
    // The next query starts now, not when the consumer asks for the batch after this one: otherwise only two of
    // the three are in flight while this batch is written, and the writer waited for the database (decision 048).
    topUp();
    if (batch.rows.length === 0) continue;
    produced += batch.rows.length;
    if (opts.failAfterRows !== undefined && produced > opts.failAfterRows) throw new Error("The export was interrupted.");
    yield batch;
  }
}
