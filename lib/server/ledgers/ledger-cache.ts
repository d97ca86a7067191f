import "server-only";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Currency } from "@/lib/generated/prisma/enums";
import { dbDateToLedgerDate, ledgerDateToDb } from "@/lib/dates";
import { ReportApiError, type LedgerEntry, type Topic } from "@/lib/report-api";
import type { EntryFacts } from "@/lib/ledgers/day-summary";
import type { DateRange } from "@/lib/ledgers/range";

/**
 * The cache of closed ledger dates (P3). A closed date never changes upstream, so it is fetched once and
 * served from LedgerDay + LedgerEntry afterwards. `hasPersonalData` records whether the date was fetched with
 * the GDPR fields; a reader entitled to them refetches a date cached without them (and the new copy replaces
 * the old). Readers not entitled get the fields stripped on the way out, never from here.
 */

export interface CachedDay {
  id: string;
  hasPersonalData: boolean;
  entryCount: number;
}

export const cacheKey = (topic: Topic, date: string) => `${topic}|${date}`;

const CURRENCIES: ReadonlySet<string> = new Set<Currency>(["NOK", "DKK", "EUR"]);

/** Cached dates of one ledger within the range, keyed by cacheKey(topic, date). */
export async function findCachedDays(ledgerId: string, range: DateRange): Promise<Map<string, CachedDay>> {
  const rows = await db.ledgerDay.findMany({
    where: { ledgerId, ledgerDate: { gte: ledgerDateToDb(range.from), lte: ledgerDateToDb(range.to) } },
    select: { id: true, topic: true, ledgerDate: true, hasPersonalData: true, entryCount: true },
  });
  return new Map(rows.map((r) => [cacheKey(r.topic, dbDateToLedgerDate(r.ledgerDate)), { id: r.id, hasPersonalData: r.hasPersonalData, entryCount: r.entryCount }]));
}

/** Refuses what the columns cannot hold honestly, as an upstream contract failure (not a crash). */
function assertStorable(entries: readonly LedgerEntry[], path: string): void {
  for (const e of entries) {
    if (!CURRENCIES.has(e.currency) || Number.isNaN(Date.parse(e.time))) {
      throw new ReportApiError("UPSTREAM_INVALID", "A ledger entry has an unknown currency or an unreadable time", { attempts: 1, path, issues: ["currency", "time"] });
    }
  }
}

/**
 * Stores one closed date, replacing an older copy (the personal-data upgrade). Two readers caching the same
 * date at once is harmless: the unique (ledger, topic, date) index lets one win and the other's copy is
 * identical, so its conflict is ignored.
 */
export async function storeClosedDay(args: { ledgerId: string; ledgerExternalId: string; topic: Topic; date: string; entries: readonly LedgerEntry[]; withPersonalData: boolean }): Promise<void> {
  const { ledgerId, topic, date, entries, withPersonalData } = args;
  assertStorable(entries, `/report/v2/ledgers/${args.ledgerExternalId}/${topic}/dates/${date}`);
  const ledgerDate = ledgerDateToDb(date);
  // One INSERT … SELECT FROM unnest(arrays) per date: a thousand entries are one statement with a dozen array
  // parameters, not a thousand rows of bound values (Prisma's createMany took ~0.6 ms a row here; see
  // docs/performance.md).
  const col = <T,>(pick: (e: LedgerEntry) => T) => entries.map(pick);
  try {
    await db.$transaction(async (tx) => {
      await tx.ledgerDay.deleteMany({ where: { ledgerId, topic, ledgerDate } });
      const day = await tx.ledgerDay.create({
        data: { ledgerId, topic, ledgerDate, entryCount: entries.length, hasPersonalData: withPersonalData },
        select: { id: true },
      });
      if (entries.length === 0) return;
      await tx.$executeRaw`
        INSERT INTO "LedgerEntry" ("ledgerDayId", "ledgerId", "topic", "ledgerDate", "seq", "pspReference", "reference", "entryType", "time", "currency",
          "amountMinor", "balanceBeforeMinor", "balanceAfterMinor", "recipientHandle", "payerName", "maskedPhoneNo", "message")
        SELECT ${day.id}::uuid, ${ledgerId}::uuid, ${topic}::"LedgerTopic", ${date}::date, t.ord::int - 1, t.psp, t.ref, t.kind, t.at, t.cur::"Currency",
          t.amount, t.before, t.after, t.handle, t.name, t.phone, t.message
        FROM unnest(
          ${col((e) => e.pspReference)}::text[], ${col((e) => e.reference)}::text[], ${col((e) => e.entryType)}::text[],
          ${col((e) => new Date(e.time).toISOString())}::timestamptz[], ${col((e) => e.currency)}::text[],
          ${col((e) => String(e.amount))}::int8[], ${col((e) => String(e.balanceBefore))}::int8[], ${col((e) => String(e.balanceAfter))}::int8[],
          ${col((e) => e.recipientHandle)}::text[],
          ${col((e) => (withPersonalData ? e.name : null))}::text[], ${col((e) => (withPersonalData ? e.maskedPhoneNo : null))}::text[],
          ${col((e) => (withPersonalData ? e.message : null))}::text[]
        ) WITH ORDINALITY AS t(psp, ref, kind, at, cur, amount, before, after, handle, name, phone, message, ord)`;
    }, { timeout: 30_000 });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return;
    throw err;
  }
}

/** BIGINT money back to a number: minor units stay far inside the safe-integer range; refuse if not. */
export function minor(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError("Amount outside the safe integer range");
  return n;
}

/** The facts the figures and checks need, for every cached entry of the range, in ledger order. */
export async function loadEntryFacts(ledgerId: string, range: DateRange): Promise<EntryFacts[]> {
  const rows = await db.ledgerEntry.findMany({
    where: { ledgerId, ledgerDate: { gte: ledgerDateToDb(range.from), lte: ledgerDateToDb(range.to) } },
    orderBy: [{ ledgerDate: "asc" }, { topic: "asc" }, { seq: "asc" }],
    select: { topic: true, ledgerDate: true, seq: true, entryType: true, pspReference: true, amountMinor: true, balanceBeforeMinor: true, balanceAfterMinor: true },
  });
  return rows.map((r) => ({
    topic: r.topic,
    ledgerDate: dbDateToLedgerDate(r.ledgerDate),
    seq: r.seq,
    entryType: r.entryType,
    pspReference: r.pspReference,
    amount: minor(r.amountMinor),
    balanceBefore: minor(r.balanceBeforeMinor),
    balanceAfter: minor(r.balanceAfterMinor),
  }));
}
