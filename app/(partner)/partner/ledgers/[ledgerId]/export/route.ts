import type { NextRequest } from "next/server";
import { answerInReaderLocale } from "@/lib/server/i18n/answer-in-reader-locale";
import { partnerExportRoute } from "@/lib/server/exports/export-routes";

export const dynamic = "force-dynamic";

/** P4: a granted ledger's entries as CSV or XLSX, streamed, with a receipt written when the file is complete. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ ledgerId: string }> }): Promise<Response> {
  // Refusals and errors in the language of the person asking (decision 043).
  return answerInReaderLocale(async () => partnerExportRoute(req, (await params).ledgerId));
}
