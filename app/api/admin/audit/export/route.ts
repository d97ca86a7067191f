import { resolveAdminContext } from "@/lib/server/authz/contexts";
import { AUDIT_EXPORT_COLUMNS, iterateAuditExportRows } from "@/lib/server/admin-audit/list-audit-events";
import { parseAuditFilters } from "@/lib/admin-audit/filters";
import { csvWebStream } from "@/lib/csv/csv-writer";

export const dynamic = "force-dynamic";

/**
 * A3 export: the audit trail (the page's filters apply; none = everything) as CSV through the one CSV writer,
 * streamed in batches (memory stays flat however long it is). Every hashed field under its own name.
 */
export async function GET(request?: Request) {
  const ctx = await resolveAdminContext();
  if (!ctx.ok) return new Response(JSON.stringify({ error: "Not found" }), { status: 404, headers: { "content-type": "application/json" } });
  const params = request ? Object.fromEntries(new URL(request.url).searchParams) : {};
  const filters = parseAuditFilters(params);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(csvWebStream(AUDIT_EXPORT_COLUMNS, iterateAuditExportRows(filters)), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit-trail-${date}.csv"`, "cache-control": "no-store" },
  });
}
