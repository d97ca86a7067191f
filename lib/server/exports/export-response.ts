import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb } from "@/lib/dates";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { EXPORT_COLUMNS, PERSONAL_COLUMNS, type ExportColumn } from "@/lib/exports/columns";
import { exportOptionsSchema, type ExportOptions } from "@/lib/exports/schemas";
import { CONTENT_TYPES, exportFile, exportFileName, type CompletedFile } from "@/lib/server/exports/export-file";
import { planExport, type ExportPlan, type ExportRefusal } from "@/lib/server/exports/plan-export";
import { recordExport } from "@/lib/server/exports/record-export";
import { journalCsvStream, journalFilename, planJournal } from "@/lib/server/journal/journal-csv";
import type { DateRange } from "@/lib/ledgers/range";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

export function plainResponse(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", ...extra } });
}

function refusalResponse(refusal: ExportRefusal): Response {
  if (refusal.code === "UNAVAILABLE") return plainResponse(503, refusal.message, refusal.retryAfterSeconds ? { "retry-after": String(refusal.retryAfterSeconds) } : {});
  return plainResponse(refusal.code === "OPEN_DATES" ? 409 : 404, refusal.message);
}

function fileHeaders(plan: ExportPlan, extra: Record<string, string> = {}): HeadersInit {
  return {
    "content-type": CONTENT_TYPES[plan.options.format],
    "content-disposition": `attachment; filename="${exportFileName(plan)}"`,
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...extra,
  };
}

export interface ExportRunOptions {
  now?: Date;
  /** Tests only: fail the stream after this many rows. */
  failAfterRows?: number;
  /** Called with the receipt id once it is written (tests and the benchmark). */
  onReceipt?: (receiptId: string) => void;
}

/**
 * P4: an export as an HTTP response. Planned first (dates fetched or refused), then streamed at once: the
 * receipt and its access-log row are written when the last byte has been produced, with the bytes' SHA-256,
 * and never for a stream that failed or was cancelled (the browser then shows a failed download).
 */
export async function exportResponse(access: LedgerAccess, options: ExportOptions, actorLabel: string, opts: ExportRunOptions = {}): Promise<Response> {
  const planned = await planExport(access, options, { now: opts.now });
  if (!planned.ok) return refusalResponse(planned.refusal);
  const { plan } = planned;
  const generatedAt = opts.now ?? new Date();
  const file = exportFile(plan, generatedAt, {
    failAfterRows: opts.failAfterRows,
    onComplete: async (completed) => {
      const { receiptId } = await recordExport({ plan, totals: file.totals, file: completed, generatedAt, actorLabel });
      opts.onReceipt?.(receiptId);
    },
  });
  return new Response(file.stream, { headers: fileHeaders(plan, plan.openDates.length > 0 ? { "x-export-open-dates": plan.openDates.join(",") } : {}) });
}

/**
 * The receipt a reader may download again, for this ledger: a partner firm's own receipts; for the merchant, every
 * receipt of its ledger (its own staff's and every partner's, M7: it can get exactly the file that left).
 */
async function findReceipt(access: LedgerAccess, receiptId: string) {
  const r = access.reader;
  return db.exportReceipt.findFirst({
    where: { id: receiptId, ledgerId: access.ledger.id, ...(r.kind === "partner" ? { partnerId: r.partnerId } : { merchantId: r.merchantId }) },
    select: { id: true, kind: true, partnerId: true, periodFrom: true, periodTo: true, format: true, filters: true, columns: true, timeZone: true, sha256: true, byteCount: true, createdAt: true },
  });
}
type FoundReceipt = NonNullable<Awaited<ReturnType<typeof findReceipt>>>;

/** How to rebuild a receipt's file, or the response that says why it cannot be. */
type Rebuild = { ok: true; range: DateRange; format: "csv" | "xlsx"; headers: HeadersInit; stream: (onComplete: (c: CompletedFile) => Promise<void>) => { stream: ReadableStream<Uint8Array>; rows: () => number }; mismatch: string } | { ok: false; response: Response };

async function rebuildEntries(access: LedgerAccess, receipt: FoundReceipt): Promise<Rebuild> {
  const filters = (receipt.filters ?? {}) as Record<string, unknown>;
  const parsed = exportOptionsSchema.safeParse({
    from: dbDateToLedgerDate(receipt.periodFrom),
    to: dbDateToLedgerDate(receipt.periodTo),
    format: receipt.format,
    topics: filters.topics,
    purpose: filters.purpose,
    tz: receipt.timeZone,
    includeOpen: filters.includeOpen ? "1" : "0",
  });
  if (!parsed.success) return { ok: false, response: plainResponse(409, serverErrors("receiptCannotRebuild")) };
  // Payer details stay with the partner that was granted them: the merchant's own access reads none.
  if (!access.personalData && receipt.columns.some((c) => PERSONAL_COLUMNS.has(c as ExportColumn))) {
    return { ok: false, response: plainResponse(409, serverErrors("receiptHadPayerDetails")) };
  }
  const planned = await planExport(access, parsed.data);
  if (!planned.ok) return { ok: false, response: refusalResponse(planned.refusal) };
  const plan: ExportPlan = { ...planned.plan, columns: receipt.columns.filter((c): c is ExportColumn => (EXPORT_COLUMNS as readonly string[]).includes(c)) };
  if (plan.range.from !== parsed.data.from || plan.range.to !== parsed.data.to) return { ok: false, response: plainResponse(404, serverErrors("periodNoLongerShared")) };
  return {
    ok: true,
    range: plan.range,
    format: plan.options.format,
    headers: fileHeaders(plan),
    mismatch: serverErrors("rebuiltMismatch"),
    stream: (onComplete) => {
      const file = exportFile(plan, receipt.createdAt, { onComplete });
      return { stream: file.stream, rows: () => file.totals.rows };
    },
  };
}

async function rebuildJournal(access: LedgerAccess, receipt: FoundReceipt): Promise<Rebuild> {
  const range = { from: dbDateToLedgerDate(receipt.periodFrom), to: dbDateToLedgerDate(receipt.periodTo) };
  // The accounts are the exporting partner's (the merchant downloads a partner's journal with that firm's accounts).
  const plan = await planJournal(access, range, new Date(), { accountsOf: receipt.partnerId ?? undefined });
  if (!plan.ok) return { ok: false, response: plainResponse(plan.status, plan.message, plan.retryAfterSeconds ? { "retry-after": String(plan.retryAfterSeconds) } : {}) };
  return {
    ok: true,
    range,
    format: "csv",
    headers: {
      "content-type": CONTENT_TYPES.csv,
      "content-disposition": `attachment; filename="${journalFilename(access.ledger.externalId, range, plan.flaggedDates.length > 0)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
    mismatch: serverErrors("rebuiltJournalMismatch"),
    stream: (onComplete) => {
      let lines = 0;
      const stream = journalCsvStream(access, plan, async (file, tally) => {
        lines = tally.lines;
        await onComplete(file);
      });
      return { stream, rows: () => lines };
    },
  };
}

/**
 * "Download again": rebuilds the file from the cache with the receipt's own options and document time (a ledger
 * file) or the same accounts (a voucher journal), into a temporary file while hashing it, and serves it only when
 * its SHA-256 equals the receipt's. A file that would differ (a date that was still changing has changed, the
 * journal's accounts were edited, the grant no longer covers the period) is refused with a message.
 */
export async function redownloadResponse(access: LedgerAccess, receiptId: string, actorLabel: string): Promise<Response> {
  const receipt = await findReceipt(access, receiptId);
  if (!receipt) return plainResponse(404, serverErrors("notFound"));
  const rebuild = receipt.kind === "journal" ? await rebuildJournal(access, receipt) : await rebuildEntries(access, receipt);
  if (!rebuild.ok) return rebuild.response;

  const dir = await mkdtemp(join(tmpdir(), "ledger-export-"));
  const path = join(dir, "file");
  try {
    let completed: CompletedFile | null = null;
    const file = rebuild.stream(async (c) => {
      completed = c;
    });
    await pipeline(Readable.fromWeb(file.stream as unknown as import("node:stream/web").ReadableStream<Uint8Array>), createWriteStream(path) as Writable);
    const done = completed as CompletedFile | null;
    if (!done || done.sha256 !== receipt.sha256) {
      await rm(dir, { recursive: true, force: true });
      return plainResponse(409, rebuild.mismatch);
    }
    await recordRedownload(access, rebuild.range, rebuild.format, receipt.id, done, actorLabel, file.rows());
    const body = createReadStream(path);
    body.on("close", () => void rm(dir, { recursive: true, force: true }));
    return new Response(Readable.toWeb(body) as unknown as ReadableStream<Uint8Array>, { headers: { ...rebuild.headers, "x-export-receipt": receipt.id, "content-length": String(done.byteCount) } });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** A download again is an export too: an access-log row and an audit event (the receipt stays the one). */
async function recordRedownload(access: LedgerAccess, range: DateRange, format: "csv" | "xlsx", receiptId: string, file: CompletedFile, actorLabel: string, rows: number): Promise<void> {
  const r = access.reader;
  const partnerId = r.kind === "partner" ? r.partnerId : null;
  await db.$transaction(async (tx) => {
    await tx.ledgerAccessEvent.create({
      data: {
        userId: r.userId,
        partnerId,
        merchantId: access.ledger.merchantId,
        ledgerId: access.ledger.id,
        grantId: r.kind === "partner" ? r.grantId : null,
        action: "export",
        fromDate: ledgerDateToDb(range.from),
        toDate: ledgerDateToDb(range.to),
        format,
        rowCount: rows,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actorUserId: r.userId,
      actorLabel: actorLabel,
      action: "ledger.export.downloadedAgain",
      merchantId: access.ledger.merchantId,
      partnerId,
      targetType: "ExportReceipt",
      targetId: receiptId,
      before: null,
      after: { sha256: file.sha256, bytes: file.byteCount },
    });
  });
}
