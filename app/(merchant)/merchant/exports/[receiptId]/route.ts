import type { NextRequest } from "next/server";
import { answerInReaderLocale } from "@/lib/server/i18n/answer-in-reader-locale";
import { merchantRedownloadRoute } from "@/lib/server/exports/export-routes";

export const dynamic = "force-dynamic";

/** P4 / M7 "download again" from the access log: the receipt's file rebuilt from the cache, served only when its SHA-256 matches. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ receiptId: string }> }): Promise<Response> {
  // Refusals and errors in the language of the person asking (decision 043).
  return answerInReaderLocale(async () => merchantRedownloadRoute((await params).receiptId));
}
