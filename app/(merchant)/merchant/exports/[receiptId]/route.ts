import type { NextRequest } from "next/server";
import { merchantRedownloadRoute } from "@/lib/server/exports/export-routes";

export const dynamic = "force-dynamic";

/** P4 / M7 "download again" from the access log: the receipt's file rebuilt from the cache, served only when its SHA-256 matches. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ receiptId: string }> }): Promise<Response> {
  return merchantRedownloadRoute((await params).receiptId);
}
