import "server-only";
import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { csvBatchWriter, CsvDecimal, type CsvCell } from "@/lib/csv/csv-writer";
import { COLUMN_HEADERS, CLOSED, STILL_CHANGING, type ExportColumn } from "@/lib/exports/columns";
import { minorTextToDecimal } from "@/lib/exports/money";
import { moneyToDecimal } from "@/lib/money";
import { ZonedClock } from "@/lib/exports/time-zone";
import { exportRowBatches, R, type ExportBatch, type ExportRow } from "@/lib/server/exports/export-rows";
import { ExportTotals } from "@/lib/server/exports/export-totals";
import type { ExportPlan } from "@/lib/server/exports/plan-export";

export const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

export function exportFileName(plan: Pick<ExportPlan, "access" | "range" | "options">): string {
  return `ledger-${plan.access.ledger.externalId}-${plan.range.from}-to-${plan.range.to}.${plan.options.format}`;
}

type Cell<T> = (r: ExportRow, b: ExportBatch) => T;
const decimal = (minor: string) => new CsvDecimal(minorTextToDecimal(minor));

function csvCells(columns: readonly ExportColumn[], plan: ExportPlan, clock: ZonedClock): Cell<CsvCell>[] {
  const ledgerId = plan.access.ledger.externalId;
  const map: Record<ExportColumn, Cell<CsvCell>> = {
    ledgerDate: (_, b) => b.ledgerDate,
    time: (r) => clock.iso(r[R.timeMs]),
    topic: (_, b) => b.topic,
    entryType: (r) => r[R.entryType],
    pspReference: (r) => r[R.pspReference],
    reference: (r) => r[R.reference] ?? "",
    amount: (r) => decimal(r[R.amount]),
    currency: (r) => r[R.currency],
    balanceBefore: (r) => decimal(r[R.balanceBefore]),
    balanceAfter: (r) => decimal(r[R.balanceAfter]),
    recipientHandle: (r) => r[R.recipientHandle],
    ledgerId: () => ledgerId,
    position: (r) => r[R.seq],
    payerName: (r) => r[R.payerName],
    maskedPhoneNo: (r) => r[R.maskedPhoneNo],
    message: (r) => r[R.message],
    status: (_, b) => (b.open ? STILL_CHANGING : CLOSED),
  };
  return columns.map((c) => map[c]);
}

const dateOnly = (d: string) => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));
// The cell holds the number the exact decimal text spells (the file stores it as that text), never a sum of floats.
const money = (minor: string) => Number(minorTextToDecimal(minor));

function xlsxCells(columns: readonly ExportColumn[], plan: ExportPlan, clock: ZonedClock): Cell<ExcelJS.CellValue>[] {
  const c = csvCells(columns, plan, clock);
  return columns.map((col, i): Cell<ExcelJS.CellValue> => {
    switch (col) {
      case "ledgerDate":
        return (_, b) => dateOnly(b.ledgerDate);
      case "time":
        return (r) => clock.wallClock(r[R.timeMs]);
      case "amount":
        return (r) => money(r[R.amount]);
      case "balanceBefore":
        return (r) => money(r[R.balanceBefore]);
      case "balanceAfter":
        return (r) => money(r[R.balanceAfter]);
      default:
        return c[i] as Cell<ExcelJS.CellValue>;
    }
  });
}

const NUM_FMT: Partial<Record<ExportColumn, string>> = {
  ledgerDate: "yyyy-mm-dd",
  time: "yyyy-mm-dd hh:mm:ss",
  amount: "#,##0.00",
  balanceBefore: "#,##0.00",
  balanceAfter: "#,##0.00",
};

type Append = (source: unknown, data: Record<string, unknown>) => unknown;
let archiverPrototype: { append: Append } | undefined;

/**
 * A streaming workbook whose bytes depend only on its content and `at`: the document dates are `at`, and so is
 * every zip entry's time. exceljs's zip (archiver) stamps entries with "now", two of them already inside the
 * workbook's constructor, and has no option for it: the append is wrapped while the constructor runs (it is
 * synchronous, so no other export can interleave) and on the instance afterwards.
 */
function fixedTimeWorkbook(out: PassThrough, at: Date): ExcelJS.stream.xlsx.WorkbookWriter {
  // Inline strings (no shared-string table growing in memory); styles for the number formats and the bold header.
  const options = { stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 6 } } };
  archiverPrototype ??= Object.getPrototypeOf((new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough() }) as unknown as { zip: object }).zip) as { append: Append };
  const proto = archiverPrototype;
  const original = proto.append;
  proto.append = function (this: unknown, source, data) {
    return original.call(this, source, { ...data, date: at });
  };
  let wb: ExcelJS.stream.xlsx.WorkbookWriter;
  try {
    wb = new ExcelJS.stream.xlsx.WorkbookWriter(options);
  } finally {
    proto.append = original;
  }
  const zip = (wb as unknown as { zip: { append: Append } }).zip;
  const append = zip.append.bind(zip);
  zip.append = (source, data) => append(source, { ...data, date: at });
  wb.creator = "Ledger Access";
  wb.lastModifiedBy = "Ledger Access";
  wb.created = at;
  wb.modified = at;
  return wb;
}

export interface CompletedFile {
  sha256: string;
  byteCount: number;
}

/** Where a file's bytes come from, one chunk per call (null at the end); the stream asks only when it wants one. */
interface ChunkSource {
  next(): Promise<Uint8Array | null>;
  cancel(): Promise<void>;
}

/**
 * The rows, one batch read ahead: the next query runs while the current batch is written and sent. A failure of
 * the read ahead is kept for the moment it is asked for (never an unhandled rejection).
 */
function readAhead(batches: AsyncIterator<ExportBatch>) {
  let ahead: Promise<IteratorResult<ExportBatch>> | null = null;
  const start = () => {
    ahead = batches.next();
    ahead.catch(() => undefined);
  };
  return {
    start,
    async take(): Promise<ExportBatch | null> {
      if (!ahead) start();
      const r = await ahead!;
      if (r.done) return null;
      start();
      return r.value;
    },
    async cancel() {
      await batches.return?.(undefined);
    },
  };
}

/** Bytes of CSV gathered into one chunk of the response. */
const CSV_CHUNK_BYTES = 128 * 1024;

function csvSource(plan: ExportPlan, clock: ZonedClock, batches: AsyncIterator<ExportBatch>, totals: ExportTotals): ChunkSource {
  const writer = csvBatchWriter(plan.columns.map((c) => COLUMN_HEADERS[c]));
  const cells = csvCells(plan.columns, plan, clock);
  const rows = readAhead(batches);
  let headSent = false;
  return {
    async next() {
      // The first chunk is the header, sent before the first query has answered (which starts at the same time).
      if (!headSent) {
        headSent = true;
        rows.start();
        return Buffer.from(writer.head());
      }
      // Batches are small (export-rows.ts); a chunk gathers several, so each step of the way to the socket (the
      // web stream, the response, its compression and flush) runs once per CSV_CHUNK_BYTES, not once per batch.
      const parts: Buffer[] = [];
      let size = 0;
      while (size < CSV_CHUNK_BYTES) {
        // A turn of the event loop before each batch (about 2 ms of work): `next start`'s gzip compresses the previous
        // chunk on libuv's pool, but each step of it (the next block, the flush after every write) is started by a
        // callback on this thread. Run without a break, a whole chunk's rows kept those callbacks waiting, so the
        // compression ran after the chunk instead of beside it (decision 048).
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = await rows.take();
        if (!batch) break;
        totals.add(batch);
        const part = Buffer.from(writer.rows(batch.rows.map((r) => cells.map((cell) => cell(r, batch)))));
        parts.push(part);
        size += part.byteLength;
      }
      if (parts.length === 0) return null;
      return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    },
    cancel: () => rows.cancel(),
  };
}

/** exceljs writes at most this many rows to a sheet (Excel's limit); a longer export continues on another sheet. */
export const SHEET_ROWS = 1_048_576;
/** Sheet XML written but not yet compressed, above which no more rows are written until the zip catches up. */
const PENDING_XML_LIMIT = 1024 * 1024;

interface StreamBufLike {
  buffers?: { length?: number }[];
  pipes?: { _writableState?: { length?: number }; _readableState?: { length?: number } }[];
}

/**
 * Bytes of sheet XML that exceljs has accepted but its zip has not compressed yet. exceljs's worksheet stream
 * takes every write at once (it never says "wait"), so this is the only measure of how far ahead the rows are:
 * its own buffers plus the pass-through the zip reads the entry from (archiver's readable-stream copy, which has
 * no writableLength: its states' lengths are the same figures).
 */
function pendingXml(ws: ExcelJS.Worksheet): number {
  const s = (ws as unknown as { stream?: StreamBufLike }).stream;
  if (!s) return 0;
  let n = 0;
  for (const b of s.buffers ?? []) n += b.length ?? 0;
  for (const p of s.pipes ?? []) n += (p._writableState?.length ?? 0) + (p._readableState?.length ?? 0);
  return n;
}

function xlsxSource(plan: ExportPlan, generatedAt: Date, clock: ZonedClock, batches: AsyncIterator<ExportBatch>, totals: ExportTotals): ChunkSource {
  const { columns } = plan;
  const out = new PassThrough({ highWaterMark: 64 * 1024 });
  const wb = fixedTimeWorkbook(out, generatedAt);
  const cells = xlsxCells(columns, plan, clock);
  const rows = readAhead(batches);
  let ws: ExcelJS.Worksheet | null = null;
  let sheetRows = 0;
  let sheets = 0;
  let rowsDone = false;
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const signal = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  out.on("readable", signal);
  out.on("end", () => {
    ended = true;
    signal();
  });
  out.on("error", (err) => {
    failure = err;
    signal();
  });

  function newSheet(): ExcelJS.Worksheet {
    ws?.commit();
    sheets++;
    const sheet = wb.addWorksheet(sheets === 1 ? "Ledger" : `Ledger ${sheets}`, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    sheet.columns = columns.map((c) => ({ key: c, width: c === "time" ? 20 : c === "message" || c === "reference" ? 28 : 16, style: NUM_FMT[c] ? { numFmt: NUM_FMT[c] } : {} }));
    // The header row: the columns' own headers, bold.
    const header = sheet.getRow(1);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = COLUMN_HEADERS[c];
      cell.font = { bold: true };
      cell.numFmt = "@";
    });
    header.commit();
    sheetRows = 1;
    return sheet;
  }

  function writeBatch(batch: ExportBatch) {
    totals.add(batch);
    for (const r of batch.rows) {
      // Keep room for the totals rows at the end of a sheet.
      if (!ws || sheetRows >= SHEET_ROWS - 4) ws = newSheet();
      ws.addRow(cells.map((cell) => cell(r, batch))).commit();
      sheetRows++;
    }
  }

  function finish() {
    ws ??= newSheet();
    // Totals: one row per topic, under the amount column, in the ledger's currency.
    const amountAt = columns.indexOf("amount");
    const currencyAt = columns.indexOf("currency");
    for (const [topic, sum] of [...totals.perTopic.entries()].sort()) {
      const values: ExcelJS.CellValue[] = columns.map(() => null);
      values[0] = `Total ${topic}`;
      if (amountAt >= 0) values[amountAt] = Number(moneyToDecimal(sum));
      if (currencyAt >= 0) values[currencyAt] = plan.access.ledger.currency;
      const row = ws.addRow(values);
      row.font = { bold: true };
      row.getCell(1).numFmt = "@";
      row.commit();
    }
    ws.commit();
    wb.commit().catch((err: unknown) => {
      failure = err instanceof Error ? err : new Error(String(err));
      signal();
    });
  }

  return {
    async next() {
      if (!ws) {
        ws = newSheet();
        rows.start();
      }
      for (;;) {
        if (failure) throw failure;
        const chunk = out.read() as Buffer | null;
        if (chunk) return chunk;
        if (ended) return null;
        // Write more rows only when what was written has been compressed: memory stays flat however fast the
        // database answers, and nothing is produced that the reader has not asked for.
        if (!rowsDone && pendingXml(ws) < PENDING_XML_LIMIT) {
          const batch = await rows.take();
          if (batch) writeBatch(batch);
          else {
            rowsDone = true;
            finish();
          }
          continue;
        }
        await new Promise<void>((resolve) => {
          // The zip emits when it has a full block; a short wait lets it catch up when it has none yet. The timer is
          // cleared on waking: left running, it would wake a later wait early, and that one would leave its own
          // timer, and so on (decision 047: about two waits a row, each with a promise, a closure and a timer).
          const timer = setTimeout(signal, 5);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    },
    async cancel() {
      failure ??= new Error("cancelled");
      out.destroy();
      await rows.cancel();
    },
  };
}

/**
 * A pull-based stream of a source's chunks: a chunk is produced only when the reader (the HTTP response, with its
 * back-pressure) asks for one, so the server holds a batch or two, never the file. The bytes are hashed as they
 * pass; after the last one `onComplete` runs (the receipt) and the stream ends only when it succeeded: if it
 * fails, or the source fails, the stream ends in that error. A cancelled stream (the reader went away) stops the
 * source and never calls it.
 */
function pullStream(source: ChunkSource, onComplete?: (file: CompletedFile) => Promise<void>): ReadableStream<Uint8Array> {
  const hash = createHash("sha256");
  let byteCount = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          for (;;) {
            const chunk = await source.next();
            if (chunk === null) {
              await onComplete?.({ sha256: hash.digest("hex"), byteCount });
              controller.close();
              return;
            }
            if (chunk.byteLength === 0) continue;
            hash.update(chunk);
            byteCount += chunk.byteLength;
            controller.enqueue(chunk);
            return;
          }
        } catch (err) {
          await source.cancel().catch(() => undefined);
          controller.error(err);
        }
      },
      cancel: () => source.cancel(),
    },
    { highWaterMark: 1 },
  );
}

/** Any byte stream, hashed as it passes and ending in `onComplete` like an export (the voucher journal). */
export function hashedStream(source: ReadableStream<Uint8Array>, onComplete?: (file: CompletedFile) => Promise<void>): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  return pullStream(
    {
      next: async () => {
        const r = await reader.read();
        return r.done ? null : r.value;
      },
      cancel: () => reader.cancel(),
    },
    onComplete,
  );
}

export interface ExportFile {
  /** The file's bytes as they are produced. Ends in an error (never a short file that looks whole) on failure. */
  stream: ReadableStream<Uint8Array>;
  totals: ExportTotals;
}

/**
 * The bytes of an export, produced as the reader takes them: CSV through the portal's one CSV writer (a batch of
 * rows per chunk), XLSX through exceljs's streaming workbook writer. Deterministic for the same plan, columns and
 * `generatedAt`: the workbook's document dates and every zip entry's time are `generatedAt`, so "download again"
 * can rebuild the same bytes. `onComplete` gets the SHA-256 and size after the last byte (see pullStream).
 */
export function exportFile(
  plan: ExportPlan,
  generatedAt: Date,
  opts: { failAfterRows?: number; rows?: AsyncIterable<ExportBatch>; onComplete?: (file: CompletedFile) => Promise<void> } = {},
): ExportFile {
  const totals = new ExportTotals(plan.access.ledger.currency);
  const clock = new ZonedClock(plan.options.tz);
  // `rows` replaces the cache read (the benchmark's in-memory baseline: the same writer without the database).
  const batches = (opts.rows ?? exportRowBatches(plan, opts))[Symbol.asyncIterator]();
  const source = plan.options.format === "csv" ? csvSource(plan, clock, batches, totals) : xlsxSource(plan, generatedAt, clock, batches, totals);
  return { stream: pullStream(source, opts.onComplete), totals };
}
