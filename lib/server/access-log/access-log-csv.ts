import "server-only";
import type { AppLocale } from "@/lib/i18n/locales";
import { db } from "@/lib/server/db";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { requireMerchantCan } from "@/lib/server/authz/require";
import { accessEventSelect, accessEventsWhere, toAccessEventRow, type AccessEventRow } from "@/lib/server/access-log/list-access-events";
import { ACCESS_LOG_EXPORT_LIMIT, type AccessLogFilters } from "@/lib/lifecycle/access-log-filters";
import { csvWebStream, type CsvCell } from "@/lib/csv/csv-writer";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

const BATCH = 1000;

function rowCells(r: AccessEventRow): CsvCell[] {
  return [r.at, r.person?.name ?? null, r.person?.email ?? null, r.partner?.name ?? null, r.partner?.orgNo ?? null, r.ledger.externalId, r.ledger.currency, r.ledger.salesUnits.join("; "), r.action, r.fromDate, r.toDate, r.format, r.rowCount];
}

/**
 * M7 export: the filtered access log as CSV through the portal's one CSV writer (lib/csv/csv-writer.ts: RFC 4180,
 * formula-safe), read in batches (keyset paging on at/id, constant memory), at most ACCESS_LOG_EXPORT_LIMIT rows.
 * Same tenant rules as the page.
 */
/** The header row is in the reader's language (`locale`); the cells stay machine-readable (ISO times in UTC, ledger dates). */
export function streamAccessLogCsv(ctx: MerchantContext, filters: Omit<AccessLogFilters, "page">, locale: AppLocale = "en"): ReadableStream<Uint8Array> {
  requireMerchantCan(ctx, "accessLog.read");
  const t = serverTranslator("accessLog", locale);
  const where = accessEventsWhere(ctx, filters);
  const header = ["time", "person", "email", "partner", "partnerOrgNo", "ledger", "currency", "salesUnits", "action", "fromDate", "toDate", "format", "rows"].map((k) => t(`csv.${k}`));
  async function* rows(): AsyncGenerator<CsvCell[]> {
    let cursor: { id: bigint } | undefined;
    let sent = 0;
    while (sent < ACCESS_LOG_EXPORT_LIMIT) {
      const take = Math.min(BATCH, ACCESS_LOG_EXPORT_LIMIT - sent);
      const batch = await db.ledgerAccessEvent.findMany({
        where,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take,
        ...(cursor ? { cursor, skip: 1 } : {}),
        select: accessEventSelect,
      });
      for (const e of batch) yield rowCells(toAccessEventRow(e));
      sent += batch.length;
      if (batch.length < take) return;
      cursor = { id: batch[batch.length - 1]!.id };
    }
  }
  return csvWebStream(header, rows());
}
