import "server-only";
import { money } from "@/lib/money";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dbDateToLedgerDate } from "@/lib/dates";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import type { ReceiptView } from "@/lib/exports/receipt-view";

export type { ReceiptView };

const select = {
  id: true, createdAt: true, periodFrom: true, periodTo: true, format: true, kind: true, rowCount: true, byteCount: true, sha256: true, columns: true, timeZone: true,
  openDates: true, filters: true, currency: true, netMinor: true, capturesMinor: true, feesMinor: true, payoutsMinor: true,
  user: { select: { name: true, email: true } },
} satisfies Prisma.ExportReceiptSelect;

type Row = Awaited<ReturnType<typeof findRows>>[number];
const findRows = (where: Prisma.ExportReceiptWhereInput, take: number) =>
  db.exportReceipt.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take, select });

export function toReceiptView(r: Row): ReceiptView {
  const filters = (r.filters ?? {}) as { topics?: string; purpose?: string };
  return {
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    person: r.user ? (r.user.name ?? r.user.email) : null,
    from: dbDateToLedgerDate(r.periodFrom),
    to: dbDateToLedgerDate(r.periodTo),
    format: r.format,
    kind: r.kind,
    rows: r.rowCount,
    bytes: Number(r.byteCount),
    sha256: r.sha256,
    columns: r.columns,
    timeZone: r.timeZone,
    openDates: r.openDates,
    topics: filters.topics ?? "both",
    purpose: filters.purpose ?? "bookkeeping",
    net: money(r.netMinor, r.currency),
    captures: money(r.capturesMinor, r.currency),
    fees: money(r.feesMinor, r.currency),
    payouts: money(r.payoutsMinor, r.currency),
  };
}

/**
 * The latest receipts of one ledger for the reader's organisation: a partner's firm (every colleague who may
 * read the ledger sees them), or the merchant's own staff exports. Never another organisation's.
 */
export async function listLedgerReceipts(access: LedgerAccess, take = 10): Promise<ReceiptView[]> {
  const r = access.reader;
  const rows = await findRows({ ledgerId: access.ledger.id, ...(r.kind === "partner" ? { partnerId: r.partnerId } : { merchantId: r.merchantId, partnerId: null }) }, take);
  return rows.map(toReceiptView);
}
