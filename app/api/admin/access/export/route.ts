import { resolveAdminContext } from "@/lib/server/authz/contexts";
import { csvWebStream, type CsvCell } from "@/lib/csv/csv-writer";
import { iterateOverview } from "@/lib/server/admin-access/grant-overview";
import { overviewCsvHeader, overviewCsvRow } from "@/lib/server/admin-access/overview-csv";
import { parseOverviewQuery } from "@/lib/admin-access/overview-query";

export const dynamic = "force-dynamic";

/**
 * A1 export: the filtered access overview as CSV (the same URL parameters as /admin/access, every page of it),
 * streamed: rows are read by keyset in batches, so memory stays flat whatever the number of grants. Platform
 * admins only; anyone else gets 404 (the export does not say that it exists).
 */
export async function GET(request: Request) {
  const ctx = await resolveAdminContext();
  if (!ctx.ok) return new Response(JSON.stringify({ error: "Not found" }), { status: 404, headers: { "content-type": "application/json" } });
  const { filters, sort } = parseOverviewQuery(new URL(request.url).searchParams);
  async function* rows(): AsyncGenerator<readonly CsvCell[]> {
    for await (const batch of iterateOverview({ filters, sort })) for (const g of batch) yield overviewCsvRow(g);
  }
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csvWebStream(overviewCsvHeader, rows()), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="access-overview-${date}.csv"`, "cache-control": "no-store" },
  });
}
