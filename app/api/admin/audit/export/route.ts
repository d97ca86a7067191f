import { resolveAdminContext } from "@/lib/server/authz/contexts";
import { iterateAuditEvents } from "@/lib/server/admin-audit/list-audit-events";

export const dynamic = "force-dynamic";

const COLUMNS = ["id", "at", "actor", "action", "targetType", "targetId", "merchantId", "partnerId", "hash", "before", "after"] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  // Quote always; neutralise spreadsheet formulas (a cell starting with = + - @ is shown as text).
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A3 export: the whole audit trail as CSV, streamed in batches (memory stays flat however long it is). */
export async function GET() {
  const ctx = await resolveAdminContext();
  if (!ctx.ok) return new Response(JSON.stringify({ error: "Not found" }), { status: 404, headers: { "content-type": "application/json" } });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\n`));
      for await (const batch of iterateAuditEvents()) {
        const lines = batch.map((e) =>
          [e.id, e.at, e.actor, e.action, e.targetType, e.targetId, e.merchantName, e.partnerName, e.hash, e.before, e.after].map(csvCell).join(","),
        );
        controller.enqueue(encoder.encode(`${lines.join("\n")}\n`));
      }
      controller.close();
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="audit-trail-${date}.csv"`, "cache-control": "no-store" },
  });
}
