import type { NextRequest } from "next/server";
import { merchantExportRoute } from "@/lib/server/exports/export-routes";

export const dynamic = "force-dynamic";

/** P4 for merchant staff: their own sales unit's ledger, read with its own keys, as CSV or XLSX. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ msn: string }> }): Promise<Response> {
  return merchantExportRoute(req, (await params).msn);
}
