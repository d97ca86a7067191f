import "server-only";
import { db } from "@/lib/server/db";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { assertMerchantCan } from "@/lib/server/lifecycle/authz";
import { lifecycleTranslator } from "@/lib/server/lifecycle/server-messages";
import { accessEventSelect, accessEventsWhere, toAccessEventRow, type AccessEventRow } from "@/lib/server/access-log/list-access-events";
import { ACCESS_LOG_EXPORT_LIMIT, type AccessLogFilters } from "@/lib/lifecycle/access-log-filters";

const BATCH = 1000;

/**
 * A spreadsheet must not run a cell as a formula: values starting with = + - @ (or a tab/CR) get a leading
 * apostrophe; every value is quoted, quotes doubled (RFC 4180).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '""';
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

function csvLine(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function rowCells(r: AccessEventRow): (string | number | null)[] {
  return [r.at, r.person?.name ?? null, r.person?.email ?? null, r.partner?.name ?? null, r.partner?.orgNo ?? null, r.ledger.externalId, r.ledger.currency, r.ledger.salesUnits.join("; "), r.action, r.fromDate, r.toDate, r.format, r.rowCount];
}

/**
 * M7 export: the filtered access log as CSV, streamed in batches (keyset paging on at/id, constant memory),
 * at most ACCESS_LOG_EXPORT_LIMIT rows. Same tenant rules as the page.
 */
export function streamAccessLogCsv(ctx: MerchantContext, filters: Omit<AccessLogFilters, "page">): ReadableStream<Uint8Array> {
  assertMerchantCan(ctx, "accessLog.read");
  const t = lifecycleTranslator("accessLog");
  const where = accessEventsWhere(ctx, filters);
  const encoder = new TextEncoder();
  let cursor: { id: bigint } | undefined;
  let sent = 0;
  let headerDone = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerDone) {
        headerDone = true;
        // UTF-8 BOM so spreadsheet programs read "ø" and "å" correctly.
        controller.enqueue(encoder.encode(`\uFEFF${csvLine(["time", "person", "email", "partner", "partnerOrgNo", "ledger", "currency", "salesUnits", "action", "fromDate", "toDate", "format", "rows"].map((k) => t(`csv.${k}`)))}`));
        return;
      }
      const take = Math.min(BATCH, ACCESS_LOG_EXPORT_LIMIT - sent);
      if (take <= 0) return controller.close();
      const batch = await db.ledgerAccessEvent.findMany({
        where,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take,
        ...(cursor ? { cursor, skip: 1 } : {}),
        select: accessEventSelect,
      });
      if (batch.length === 0) return controller.close();
      controller.enqueue(encoder.encode(batch.map((e) => csvLine(rowCells(toAccessEventRow(e)))).join("")));
      sent += batch.length;
      cursor = { id: batch[batch.length - 1]!.id };
      if (batch.length < take) controller.close();
    },
  });
}
