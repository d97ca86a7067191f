import "server-only";
import { createHash } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { csvWebStream, CsvDecimal, type CsvCell } from "@/lib/csv/csv-writer";
import { COLUMN_HEADERS, CLOSED, STILL_CHANGING, type ExportColumn } from "@/lib/exports/columns";
import { minorToDecimal } from "@/lib/exports/money";
import { ZonedClock } from "@/lib/exports/time-zone";
import { exportRowBatches, type ExportRow } from "@/lib/server/exports/export-rows";
import { ExportTotals } from "@/lib/server/exports/export-totals";
import type { ExportPlan } from "@/lib/server/exports/plan-export";

export const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

export function exportFileName(plan: Pick<ExportPlan, "access" | "range" | "options">): string {
  return `ledger-${plan.access.ledger.externalId}-${plan.range.from}-to-${plan.range.to}.${plan.options.format}`;
}

type Cell = (r: ExportRow) => CsvCell;

function csvCells(columns: readonly ExportColumn[], plan: ExportPlan, clock: ZonedClock): Cell[] {
  const ledgerId = plan.access.ledger.externalId;
  const map: Record<ExportColumn, Cell> = {
    ledgerDate: (r) => r.ledgerDate,
    time: (r) => clock.iso(r.timeMs),
    topic: (r) => r.topic,
    entryType: (r) => r.entryType,
    pspReference: (r) => r.pspReference,
    reference: (r) => r.reference,
    amount: (r) => new CsvDecimal(minorToDecimal(r.amountMinor)),
    currency: (r) => r.currency,
    balanceBefore: (r) => new CsvDecimal(minorToDecimal(r.balanceBeforeMinor)),
    balanceAfter: (r) => new CsvDecimal(minorToDecimal(r.balanceAfterMinor)),
    recipientHandle: (r) => r.recipientHandle,
    ledgerId: () => ledgerId,
    position: (r) => r.seq,
    payerName: (r) => r.payerName,
    maskedPhoneNo: (r) => r.maskedPhoneNo,
    message: (r) => r.message,
    status: (r) => (r.open ? STILL_CHANGING : CLOSED),
  };
  return columns.map((c) => map[c]);
}

type XCell = (r: ExportRow) => ExcelJS.CellValue;
const dateOnly = (d: string) => new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))));
// The cell holds the number the exact decimal text spells (the file stores it as that text), never a sum of floats.
const money = (minor: bigint) => Number(minorToDecimal(minor));

function xlsxCells(columns: readonly ExportColumn[], plan: ExportPlan, clock: ZonedClock): XCell[] {
  const c = csvCells(columns, plan, clock);
  return columns.map((col, i): XCell => {
    switch (col) {
      case "ledgerDate":
        return (r) => dateOnly(r.ledgerDate);
      case "time":
        return (r) => clock.wallClock(r.timeMs);
      case "amount":
        return (r) => money(r.amountMinor);
      case "balanceBefore":
        return (r) => money(r.balanceBeforeMinor);
      case "balanceAfter":
        return (r) => money(r.balanceAfterMinor);
      default:
        return c[i] as XCell;
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

export interface ExportFile {
  /** The file's bytes as they are produced. Ends in an error (never a short file that looks whole) on failure. */
  stream: ReadableStream<Uint8Array>;
  totals: ExportTotals;
}

/**
 * The bytes of an export, produced as they are read: CSV through the portal's one CSV writer, XLSX through
 * exceljs's streaming workbook writer (inline strings, so nothing accumulates). Deterministic for the same plan,
 * columns and `generatedAt`: the workbook's document dates and every zip entry's time are `generatedAt`, so
 * "download again" can rebuild the same bytes.
 */
export function exportFile(plan: ExportPlan, generatedAt: Date, opts: { failAfterRows?: number; rows?: AsyncIterable<ExportRow[]> } = {}): ExportFile {
  const totals = new ExportTotals();
  const clock = new ZonedClock(plan.options.tz);
  const columns = plan.columns;
  // `rows` replaces the cache read (the benchmark's in-memory baseline: the same writer without the database).
  const batches = opts.rows ?? exportRowBatches(plan, opts);
  if (plan.options.format === "csv") {
    const cells = csvCells(columns, plan, clock);
    const rows = (async function* () {
      for await (const batch of batches) {
        for (const r of batch) {
          totals.add(r);
          yield cells.map((cell) => cell(r));
        }
      }
    })();
    return { stream: csvWebStream(columns.map((c) => COLUMN_HEADERS[c]), rows), totals };
  }

  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const wb = fixedTimeWorkbook(out, generatedAt);

  void (async () => {
    const ws = wb.addWorksheet("Ledger", { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
    ws.columns = columns.map((c) => ({ key: c, width: c === "time" ? 20 : c === "message" || c === "reference" ? 28 : 16, style: NUM_FMT[c] ? { numFmt: NUM_FMT[c] } : {} }));
    // The header row: the columns' own headers, bold.
    const header = ws.getRow(1);
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = COLUMN_HEADERS[c];
      cell.font = { bold: true };
      cell.numFmt = "@";
    });
    header.commit();
    const cells = xlsxCells(columns, plan, clock);
    for await (const batch of batches) {
      for (const r of batch) {
        totals.add(r);
        ws.addRow(cells.map((cell) => cell(r))).commit();
      }
      // Keep memory flat: wait while the reader (the HTTP response) has not taken what was written.
      while (out.readableLength > out.readableHighWaterMark && !out.destroyed) await new Promise((resolve) => setTimeout(resolve, 5));
      // The reader went away (a cancelled download): stop reading the cache.
      if (out.destroyed) return;
    }
    // Totals: one row per topic, under the amount column, in the ledger's currency.
    const amountAt = columns.indexOf("amount");
    const currencyAt = columns.indexOf("currency");
    for (const [topic, sum] of [...totals.perTopic.entries()].sort()) {
      const values: ExcelJS.CellValue[] = columns.map(() => null);
      values[0] = `Total ${topic}`;
      if (amountAt >= 0) values[amountAt] = money(sum);
      if (currencyAt >= 0) values[currencyAt] = plan.access.ledger.currency;
      const row = ws.addRow(values);
      row.font = { bold: true };
      row.getCell(1).numFmt = "@";
      row.commit();
    }
    ws.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return { stream: Readable.toWeb(out) as unknown as ReadableStream<Uint8Array>, totals };
}

export interface CompletedFile {
  sha256: string;
  byteCount: number;
}

/**
 * Passes the bytes through while hashing them; when the last byte has been produced, `onComplete` runs (the
 * receipt); if it fails, the stream ends in that error. A stream that fails or is cancelled never calls it.
 */
export function hashing(source: ReadableStream<Uint8Array>, onComplete: (file: CompletedFile) => Promise<void>): ReadableStream<Uint8Array> {
  const hash = createHash("sha256");
  let byteCount = 0;
  // The CSV writer emits one small chunk per row: passed on one by one, each costs a write (and a compression
  // flush) on the response. Gathered into chunks of about 64 KiB instead; the first one goes out at once.
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let sentFirst = false;
  const release = (controller: TransformStreamDefaultController<Uint8Array>) => {
    if (pendingBytes === 0) return;
    controller.enqueue(pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hash.update(chunk);
        byteCount += chunk.byteLength;
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (!sentFirst || pendingBytes >= COALESCE_BYTES) {
          sentFirst = true;
          release(controller);
        }
      },
      async flush(controller) {
        release(controller);
        await onComplete({ sha256: hash.digest("hex"), byteCount });
      },
    }),
  );
}

const COALESCE_BYTES = 64 * 1024;
