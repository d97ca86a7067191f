import type { NextRequest } from "next/server";
import { partnerRedownloadRoute } from "@/lib/server/exports/export-routes";

export const dynamic = "force-dynamic";

/** P4 "download again": the receipt's file rebuilt from the cache, served only when its SHA-256 matches. */
export async function GET(_req: NextRequest, { params }: { params: Promise<{ receiptId: string }> }): Promise<Response> {
  return partnerRedownloadRoute((await params).receiptId);
}
