import "server-only";
import { db } from "@/lib/server/db";
import { ledgerDateToDb } from "@/lib/dates";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import type { DateRange } from "@/lib/ledgers/range";

/**
 * Paging and searching within a range are part of the read of that range: a page of entries adds no access-log
 * row when the same person read the same dates of the same grant within this window (it still counts as a use
 * of the grant). Every read of a range (opening the page, choosing dates) is its own row.
 */
export const READ_EVENT_WINDOW_MS = 10 * 60_000;

/**
 * M7 bookkeeping for a partner read: the grant's lastUsedAt, and a LedgerAccessEvent (read, user, partner,
 * merchant, ledger, grant, from/to) that the merchant's access log shows. Merchant staff reading their own
 * ledger are not partners and are not logged here.
 */
export async function recordLedgerRead(access: LedgerAccess, shown: DateRange, opts: { now?: Date; partOfRecentRead?: boolean } = {}): Promise<void> {
  const now = opts.now ?? new Date();
  if (access.reader.kind !== "partner") return;
  const { userId, partnerId, grantId } = access.reader;
  const fromDate = ledgerDateToDb(shown.from);
  const toDate = ledgerDateToDb(shown.to);
  await db.ledgerGrant.update({ where: { id: grantId }, data: { lastUsedAt: now }, select: { id: true } });
  if (opts.partOfRecentRead) {
    const recent = await db.ledgerAccessEvent.findFirst({
      where: { userId, grantId, action: "read", fromDate, toDate, at: { gte: new Date(now.getTime() - READ_EVENT_WINDOW_MS) } },
      select: { id: true },
    });
    if (recent) return;
  }
  await db.ledgerAccessEvent.create({
    data: { at: now, userId, partnerId, merchantId: access.ledger.merchantId, ledgerId: access.ledger.id, grantId, action: "read", fromDate, toDate },
    select: { id: true },
  });
}
