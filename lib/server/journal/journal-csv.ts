import "server-only";
import { db } from "@/lib/server/db";
import { ledgerDateToDb, todayLedgerDate } from "@/lib/dates";
import { hashedStream, type CompletedFile } from "@/lib/server/exports/export-file";
import { recordJournalExport } from "@/lib/server/exports/record-export";
import { csvWebStream, type CsvCell } from "@/lib/csv/csv-writer";
import { visibleBounds, type LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { minor } from "@/lib/server/ledgers/ledger-cache";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { journalAccountsFor } from "@/lib/server/journal/journal-accounts";
import { clampRange, type DateRange } from "@/lib/ledgers/range";
import type { DaySummary } from "@/lib/ledgers/day-summary";
import type { JournalAccounts } from "@/lib/journal/accounts";
import { buildVoucher, JOURNAL_HEADER, voucherRows, type JournalEntry, type Voucher } from "@/lib/journal/postings";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

/**
 * P4: the voucher journal of a ledger period as CSV, one posting per line, one voucher per ledger date
 * (docs/journal.md). Only closed dates are booked: the period is read through the ledger service first, which
 * fetches and caches any date not cached yet, and a period with a date still open or unreadable is refused
 * with the dates named. The file is then streamed date by date from the cache; a date whose checks failed is
 * written as one "flagged" line and no postings, so the file never looks clean when a check failed.
 */

export type JournalPlan =
  | { ok: true; days: DaySummary[]; accounts: JournalAccounts; flaggedDates: string[] }
  | { ok: false; status: 400 | 409 | 429 | 503; message: string; retryAfterSeconds?: number };

/** Reads (and if needed fetches) the period and decides whether a journal can be made of it. */
export async function planJournal(access: LedgerAccess, range: DateRange, now = new Date(), opts: { accountsOf?: string } = {}): Promise<JournalPlan> {
  // The accounts are a partner's: the reader's own, or (download again by the merchant) the partner's who exported.
  const accountsOf = access.reader.kind === "partner" ? access.reader.partnerId : opts.accountsOf;
  if (!accountsOf) return { ok: false, status: 400, message: serverErrors("journalForPartners") };
  const bounds = visibleBounds(access, todayLedgerDate(now, access.ledger.timeZone));
  const inside = clampRange(range, bounds);
  if (!inside || inside.from !== range.from || inside.to !== range.to) {
    return { ok: false, status: 400, message: serverErrors("journalOutsideAccess", { from: bounds.from ?? "none", to: bounds.to }) };
  }
  const view = await readLedgerRange(access, range, { now });
  if (view.problem === "RATE_LIMITED" && view.unavailableDates.length > 0) {
    return { ok: false, status: 429, message: serverErrors("tooManyLedgerReads"), ...(view.retryAfterSeconds ? { retryAfterSeconds: view.retryAfterSeconds } : {}) };
  }
  if (view.unavailableDates.length > 0) {
    return { ok: false, status: 503, message: serverErrors("journalUpstreamUnavailable", { dates: view.unavailableDates.join(", ") }) };
  }
  if (view.openDates.length > 0) {
    const dates = view.openDates.join(", ");
    const message = view.completeThrough ? serverErrors("journalOpenDatesThrough", { dates, through: view.completeThrough }) : serverErrors("journalOpenDates", { dates });
    return { ok: false, status: 409, message };
  }
  const accounts = await journalAccountsFor(accountsOf, access.ledger.merchantId, access.ledger.currency);
  const flaggedDates = view.days.filter((d) => d.checks.some((c) => c.status === "failed")).map((d) => d.date);
  return { ok: true, days: view.days, accounts, flaggedDates };
}

/** One ledger date's entries from the cache, funds then fees, each in ledger order. */
async function entriesOf(ledgerId: string, date: string): Promise<JournalEntry[]> {
  const rows = await db.ledgerEntry.findMany({
    where: { ledgerId, ledgerDate: ledgerDateToDb(date) },
    orderBy: [{ topic: "asc" }, { seq: "asc" }],
    select: { topic: true, seq: true, entryType: true, pspReference: true, reference: true, amountMinor: true },
  });
  return rows.map((r) => ({ topic: r.topic, seq: r.seq, entryType: r.entryType, pspReference: r.pspReference, reference: r.reference, amount: minor(r.amountMinor) }));
}

/** The vouchers of a planned period, one date at a time (never the whole period's entries in memory). */
export async function* journalVouchers(access: LedgerAccess, days: readonly DaySummary[], accounts: JournalAccounts): AsyncGenerator<Voucher> {
  for (const day of days) {
    yield buildVoucher({
      ledgerExternalId: access.ledger.externalId,
      date: day.date,
      state: day.state,
      failedChecks: day.checks.filter((c) => c.status === "failed").map((c) => c.kind),
      entries: await entriesOf(access.ledger.id, day.date),
      accounts,
    });
  }
}

/** What a journal file added up to, filled in as its lines are written. */
export interface JournalTally {
  lines: number;
  debitMinor: bigint;
  creditMinor: bigint;
}

/**
 * The CSV bytes of a planned period, hashed as they pass. When the last line is written `onComplete` gets the
 * SHA-256 and the tally (the route records the receipt and the access-log row then); a stream that fails never
 * calls it. Deterministic for the same cache, accounts and checks: "download again" rebuilds the same bytes.
 */
export function journalCsvStream(
  access: LedgerAccess,
  plan: Extract<JournalPlan, { ok: true }>,
  onComplete?: (file: CompletedFile, tally: JournalTally) => Promise<void>,
): ReadableStream<Uint8Array> {
  const tally: JournalTally = { lines: 0, debitMinor: 0n, creditMinor: 0n };
  async function* rows(): AsyncGenerator<readonly CsvCell[]> {
    for await (const v of journalVouchers(access, plan.days, plan.accounts)) {
      for (const p of v.flags.length > 0 ? [] : v.postings) {
        tally.debitMinor += BigInt(p.debit);
        tally.creditMinor += BigInt(p.credit);
      }
      for (const row of voucherRows(v, access.ledger.currency, access.ledger.externalId)) {
        tally.lines++;
        yield row;
      }
    }
  }
  return hashedStream(csvWebStream(JOURNAL_HEADER, rows()), onComplete ? (file) => onComplete(file, tally) : undefined);
}

/** The journal as a route's response: a file whose receipt and access-log row are written after its last byte. */
export function journalResponse(access: LedgerAccess, plan: Extract<JournalPlan, { ok: true }>, range: DateRange, actorLabel: string, opts: { onReceipt?: (id: string) => void } = {}): Response {
  const generatedAt = new Date();
  const stream = journalCsvStream(access, plan, async (file, tally) => {
    const { receiptId } = await recordJournalExport({ access, range, ...tally, flaggedDates: plan.flaggedDates, days: plan.days, file, generatedAt, actorLabel });
    opts.onReceipt?.(receiptId);
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${journalFilename(access.ledger.externalId, range, plan.flaggedDates.length > 0)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      "x-journal-flagged-dates": String(plan.flaggedDates.length),
    },
  });
}

export function journalFilename(ledgerExternalId: string, range: DateRange, flagged: boolean): string {
  return `journal-${ledgerExternalId}-${range.from}-${range.to}${flagged ? "-FLAGGED" : ""}.csv`;
}
