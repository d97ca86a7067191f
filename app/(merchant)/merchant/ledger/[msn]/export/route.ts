import type { NextRequest } from "next/server";
import { answerInReaderLocale } from "@/lib/server/i18n/answer-in-reader-locale";
import { merchantExportRoute } from "@/lib/server/exports/export-routes";

export const dynamic = "force-dynamic";

/** P4 for merchant staff: their own sales unit's ledger, read with its own keys, as CSV or XLSX. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ msn: string }> }): Promise<Response> {
  // Refusals and errors in the language of the person asking (decision 043).
  return answerInReaderLocale(async () => merchantExportRoute(req, (await params).msn));
}
