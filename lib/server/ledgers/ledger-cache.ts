import "server-only";
import { minorUnitsOf } from "@/lib/money";
import { db, type Db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Currency } from "@/lib/generated/prisma/enums";
import { dbDateToLedgerDate, ledgerDateToDb } from "@/lib/dates";
import { ReportApiError, type LedgerEntry, type Topic } from "@/lib/report-api";
import type { EntryFacts } from "@/lib/ledgers/day-summary";
import { digestDate, type DateDigest } from "@/lib/ledgers/date-digest";
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

type Tx = Prisma.TransactionClient;
type StoreArgs = { ledgerId: string; ledgerExternalId: string; topic: Topic; date: string; entries: readonly LedgerEntry[]; withPersonalData: boolean };

/**
 * Writes one closed date inside the caller's transaction, replacing an older copy (the personal-data upgrade),
 * then the date's summary when both topics are now cached. Returns the day's id.
 */
async function writeClosedDay(tx: Tx, args: StoreArgs): Promise<string> {
  const { ledgerId, topic, date, entries, withPersonalData } = args;
  assertStorable(entries, `/report/v2/ledgers/${args.ledgerExternalId}/${topic}/dates/${date}`);
  const ledgerDate = ledgerDateToDb(date);
  // One INSERT … SELECT FROM unnest(arrays) per date: a thousand entries are one statement with a dozen array
  // parameters, not a thousand rows of bound values (Prisma's createMany took ~0.6 ms a row here; see
  // docs/performance.md).
  const col = <T,>(pick: (e: LedgerEntry) => T) => entries.map(pick);
  // The date's two topics are written one after the other (fetched side by side): replacing one copy deletes the
  // date's summary, which references both, so two writers of one date would otherwise deadlock on it.
  await lockDate(tx, ledgerId, date);
  await tx.ledgerDay.deleteMany({ where: { ledgerId, topic, ledgerDate } });
  const day = await tx.ledgerDay.create({
    data: { ledgerId, topic, ledgerDate, entryCount: entries.length, hasPersonalData: withPersonalData },
    select: { id: true },
  });
  if (entries.length > 0) {
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
  }
  await writeDateSummary(tx, ledgerId, date);
  return day.id;
}

/** The (ledger, date) write lock, to the end of the transaction (taken again by the same transaction: no wait). */
async function lockDate(tx: Tx, ledgerId: string, date: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ledgerId}), hashtext(${`summary|${date}`}))`;
}

/**
 * Computes and stores the summary of one date once both its topics are cached (in the caller's transaction). The
 * two topics are cached by separate transactions that may run at once: a lock on (ledger, date) orders them, so
 * the second to get here sees the first's committed day and writes the summary (READ COMMITTED: each statement
 * sees what committed before it). Returns the digest, or null while a topic is missing.
 */
async function writeDateSummary(tx: Tx, ledgerId: string, date: string): Promise<DateDigest | null> {
  await lockDate(tx, ledgerId, date);
  const ledgerDate = ledgerDateToDb(date);
  const days = await tx.ledgerDay.findMany({ where: { ledgerId, ledgerDate }, select: { id: true, topic: true } });
  const fundsDay = days.find((d) => d.topic === "funds");
  const feesDay = days.find((d) => d.topic === "fees");
  if (!fundsDay || !feesDay) return null;
  const facts = await loadEntryFacts(ledgerId, [date], tx);
  const digest = digestDate(facts.filter((f) => f.topic === "funds"), facts.filter((f) => f.topic === "fees"));
  const json = digest as unknown as Prisma.InputJsonObject;
  await tx.ledgerDateSummary.upsert({
    where: { ledgerId_ledgerDate: { ledgerId, ledgerDate } },
    create: { ledgerId, ledgerDate, fundsDayId: fundsDay.id, feesDayId: feesDay.id, digest: json },
    update: { fundsDayId: fundsDay.id, feesDayId: feesDay.id, digest: json },
    select: { id: true },
  });
  return digest;
}

export type ClosedDayOutcome<F> =
  /** The date is in the cache: it was already (`fetched: false`), or was fetched and stored now. */
  | { state: "cached"; fetched: boolean; entryCount: number }
  /** Upstream still adds to it: not stored. */
  | { state: "open"; result: F };

/** Guarded sections one process runs at once: each holds a pooled connection while upstream answers. */
const GUARD_SLOTS = 6;
let guardsRunning = 0;
const guardQueue: (() => void)[] = [];
async function withGuardSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (guardsRunning >= GUARD_SLOTS) await new Promise<void>((resolve) => guardQueue.push(resolve));
  else guardsRunning++;
  try {
    return await fn();
  } finally {
    const next = guardQueue.shift();
    if (next) next();
    else guardsRunning--;
  }
}

/**
 * One fetch per closed date across instances: a transaction-scoped advisory lock on (ledger, topic, date) is held
 * while the date is looked up, fetched upstream if missing, and stored. A second instance (or a second pool) asking
 * for the same date waits on the lock, then finds it cached and does not call upstream. `fetch` must not need the
 * cache's own lock (it reads upstream only). The in-process single flight in cache-closed-day.ts sits in front of
 * this, so one process holds one lock per date, not one per waiting reader.
 */
export async function cacheClosedDayGuarded<F extends { state: "closed" | "open"; entries: LedgerEntry[]; withPersonalData: boolean }>(
  args: { ledgerId: string; ledgerExternalId: string; topic: Topic; date: string; withPersonalData: boolean; fetch: () => Promise<F> },
  client: Db = db,
): Promise<ClosedDayOutcome<F>> {
  const { ledgerId, topic, date, withPersonalData } = args;
  return withGuardSlot(() =>
    client.$transaction(
      async (tx): Promise<ClosedDayOutcome<F>> => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ledgerId}), hashtext(${`${topic}|${date}`}))`;
        const hit = await tx.ledgerDay.findUnique({
          where: { ledgerId_topic_ledgerDate: { ledgerId, topic, ledgerDate: ledgerDateToDb(date) } },
          select: { hasPersonalData: true, entryCount: true },
        });
        if (hit && (hit.hasPersonalData || !withPersonalData)) return { state: "cached", fetched: false, entryCount: hit.entryCount };
        const fetched = await args.fetch();
        if (fetched.state === "open") return { state: "open", result: fetched };
        await writeClosedDay(tx, { ledgerId, ledgerExternalId: args.ledgerExternalId, topic, date, entries: fetched.entries, withPersonalData: fetched.withPersonalData });
        return { state: "cached", fetched: true, entryCount: fetched.entries.length };
      },
      // Waiting for another instance's fetch of the same date is part of the wait: as long as upstream may take.
      { maxWait: 60_000, timeout: 120_000 },
    ),
  );
}

/** The stored summaries of one ledger's dates within the range (one indexed read), keyed by date. */
export async function loadDateDigests(ledgerId: string, range: DateRange): Promise<Map<string, DateDigest>> {
  const rows = await db.ledgerDateSummary.findMany({
    where: { ledgerId, ledgerDate: { gte: ledgerDateToDb(range.from), lte: ledgerDateToDb(range.to) } },
    select: { ledgerDate: true, digest: true },
  });
  return new Map(rows.map((r) => [dbDateToLedgerDate(r.ledgerDate), r.digest as unknown as DateDigest]));
}

/**
 * The summary of a date cached before summaries existed (or whose summary a race left out): computed from its
 * entries and stored, once. Null when a topic of the date is not cached after all.
 */
export async function backfillDateSummary(ledgerId: string, date: string): Promise<DateDigest | null> {
  return db.$transaction((tx) => writeDateSummary(tx, ledgerId, date), { timeout: 30_000 });
}

/** BIGINT money back to a number: minor units stay far inside the safe-integer range; refuse if not (decision 039). */
export const minor = minorUnitsOf;

/** The facts the figures and checks need, for every cached entry of the given dates, in ledger order. */
export async function loadEntryFacts(ledgerId: string, dates: readonly string[], client: Tx | Db = db): Promise<EntryFacts[]> {
  if (dates.length === 0) return [];
  const rows = await client.ledgerEntry.findMany({
    where: { ledgerId, ledgerDate: { in: dates.map(ledgerDateToDb) } },
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
