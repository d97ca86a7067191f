import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { entriesCursorSchema } from "@/lib/ledgers/schemas";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dbDateToLedgerDate, ledgerDateToDb, todayLedgerDate } from "@/lib/dates";
import type { Topic } from "@/lib/report-api";
import { visibleBounds, type LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { ensureLedgerDates, type EnsuredDates } from "@/lib/server/ledgers/ensure-ledger-dates";
import { entryKey, viewOfUpstreamEntry } from "@/lib/server/ledgers/entry-view";
import { cacheKey, minor } from "@/lib/server/ledgers/ledger-cache";
import { clampRange, eachDate, type DateRange } from "@/lib/ledgers/range";
import { recordLedgerRead } from "@/lib/server/ledgers/record-ledger-read";
import type { LedgerEntryView, LedgerEntriesPage } from "@/lib/ledgers/types";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const serverErrors = errorTranslator("serverErrors");

export const ENTRIES_PAGE_SIZE = 50;

export interface EntriesQuery {
  topic: Topic;
  /** A reference or pspReference (or the start of one). */
  search?: string;
  /** Keyset cursor from the previous page: "YYYY-MM-DD.seq" of its last entry. */
  after?: string;
  limit?: number;
}

/**
 * The keyset position of a cursor. The action's schema already refused a malformed one; this check is the data
 * layer's own, so no caller can hand the database an impossible date such as 2026-13-45.
 */
export function parseEntriesCursor(cursor: string | undefined): { date: string; seq: number } | null {
  if (!cursor) return null;
  if (!entriesCursorSchema.safeParse(cursor).success) {
    throw new AppError("INVALID_INPUT", serverErrors("noSuchPage"), { after: serverErrors("noSuchPage") });
  }
  const [date, seq] = cursor.split(".") as [string, string];
  return { date, seq: Number(seq) };
}

const matchesSearch = (search: string | undefined, e: { pspReference: string; reference: string }) =>
  !search || e.pspReference.startsWith(search) || e.reference.toLowerCase().includes(search.toLowerCase());

const isAfter = (cursor: { date: string; seq: number } | null, e: { ledgerDate: string; seq: number }) =>
  !cursor || e.ledgerDate > cursor.date || (e.ledgerDate === cursor.date && e.seq > cursor.seq);

/**
 * P2: one page of a topic's entries within a range, for a reader that passed the access checks, clamped to
 * the reader's window like every read. Keyset paging on (ledger date, position) uses the (ledgerId, ledgerDate)
 * index, so a page costs the same on the 100,000th entry as on the first. Closed dates come from the cache,
 * open dates from the last minute's upstream read; both are merged in ledger order.
 */
export async function listLedgerEntries(access: LedgerAccess, requested: DateRange, query: EntriesQuery, opts: { now?: Date; ensured?: EnsuredDates } = {}): Promise<LedgerEntriesPage> {
  const now = opts.now ?? new Date();
  const shown = clampRange(requested, visibleBounds(access, todayLedgerDate(now, access.ledger.timeZone)));
  if (!shown) return { entries: [], total: 0, nextCursor: null, shown: null };
  const limit = Math.min(Math.max(query.limit ?? ENTRIES_PAGE_SIZE, 1), 200);
  const after = parseEntriesCursor(query.after);
  const search = query.search?.trim() || undefined;
  const dates = eachDate(shown);
  // The page's first paint has just made these dates readable (readLedgerRangeWithStatuses): not again.
  const ensured = opts.ensured ?? (await ensureLedgerDates(access, shown, dates));

  const where: Prisma.LedgerEntryWhereInput = {
    ledgerId: access.ledger.id,
    topic: query.topic,
    ledgerDate: { gte: ledgerDateToDb(shown.from), lte: ledgerDateToDb(shown.to) },
    ...(search ? { OR: [{ pspReference: { startsWith: search } }, { reference: { contains: search, mode: "insensitive" } }] } : {}),
  };
  const keyset: Prisma.LedgerEntryWhereInput = after
    ? { OR: [{ ledgerDate: { gt: ledgerDateToDb(after.date) } }, { ledgerDate: ledgerDateToDb(after.date), seq: { gt: after.seq } }] }
    : {};
  const pd = access.personalData;
  // Without a search the total is the cached days' entry counts (known already), not a count over the range.
  const knownTotal = search ? null : dates.reduce<number | null>((sum, date) => {
    const s = ensured.statuses.get(cacheKey(query.topic, date));
    return sum === null ? null : s?.status === "cached" ? sum + s.entryCount : sum;
  }, 0);
  const [rows, cachedTotal] = await Promise.all([
    db.ledgerEntry.findMany({
      where: { AND: [where, keyset] },
      orderBy: [{ ledgerDate: "asc" }, { seq: "asc" }],
      take: limit + 1,
      select: {
        ledgerDate: true, seq: true, time: true, entryType: true, pspReference: true, reference: true,
        amountMinor: true, balanceBeforeMinor: true, balanceAfterMinor: true, recipientHandle: true,
        payerName: pd, maskedPhoneNo: pd, message: pd,
      },
    }),
    knownTotal ?? db.ledgerEntry.count({ where }),
  ]);

  const fromCache: LedgerEntryView[] = rows.map((r) => {
    const ledgerDate = dbDateToLedgerDate(r.ledgerDate);
    return {
      key: entryKey(query.topic, ledgerDate, r.seq),
      topic: query.topic,
      ledgerDate,
      seq: r.seq,
      time: r.time.toISOString(),
      entryType: r.entryType,
      pspReference: r.pspReference,
      reference: r.reference ?? "",
      amount: minor(r.amountMinor),
      balanceBefore: minor(r.balanceBeforeMinor),
      balanceAfter: minor(r.balanceAfterMinor),
      recipientHandle: r.recipientHandle,
      ...(pd ? { personal: { name: r.payerName ?? null, maskedPhoneNo: r.maskedPhoneNo ?? null, message: r.message ?? null } } : {}),
    };
  });

  // Open dates are not in the cache: take them from the in-memory read, filtered the same way.
  const openMatches: LedgerEntryView[] = [];
  for (const date of dates) {
    const s = ensured.statuses.get(cacheKey(query.topic, date));
    if (s?.status !== "open") continue;
    s.entries.forEach((e, seq) => {
      if (matchesSearch(search, e)) openMatches.push(viewOfUpstreamEntry(query.topic, date, seq, e, pd));
    });
  }

  const merged = [...fromCache, ...openMatches.filter((e) => isAfter(after, e))].sort((a, b) => (a.ledgerDate === b.ledgerDate ? a.seq - b.seq : a.ledgerDate < b.ledgerDate ? -1 : 1));
  const page = merged.slice(0, limit);
  const last = page.at(-1);
  // A page of a range just read is part of that read; a page of a range not read lately is a read of its own.
  await recordLedgerRead(access, shown, { now, partOfRecentRead: true });
  return {
    entries: page,
    total: cachedTotal + openMatches.length,
    nextCursor: merged.length > limit && last ? `${last.ledgerDate}.${last.seq}` : null,
    shown,
  };
}
