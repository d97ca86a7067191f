import type { NextRequest } from "next/server";
import { resolveMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { streamAccessLogCsv } from "@/lib/server/access-log/access-log-csv";
import { parseAccessLogFilters } from "@/lib/lifecycle/access-log-filters";
import { todayPortalDate } from "@/lib/dates";
import { requestLocale } from "@/lib/server/i18n/request-locale";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { answerInReaderLocale } from "@/lib/server/i18n/answer-in-reader-locale";

const serverErrors = errorTranslator("serverErrors");

/**
 * M7 export: the access log with the page's filters as CSV, streamed. Same rules as the page: another persona
 * or no merchant membership is 404, a role without accessLog.read 403, and the rows are the merchant's own.
 */
export function GET(req: NextRequest): Promise<Response> {
  // Refusals and errors in the language of the person asking (decision 043).
  return answerInReaderLocale(() => answer(req));
}

async function answer(req: NextRequest): Promise<Response> {
  const resolved = await resolveMerchantContext();
  if (!resolved.ok) {
    return resolved.reason === "unauthenticated" ? plain(401, serverErrors("signInAgain")) : plain(404, serverErrors("notFound"));
  }
  const ctx = resolved.ctx;
  if (!merchantCan(ctx.role, "accessLog.read")) return plain(403, serverErrors("roleForbids"));
  const { filters } = parseAccessLogFilters(Object.fromEntries(req.nextUrl.searchParams));
  const { page: _page, ...rest } = filters;
  return new Response(streamAccessLogCsv(ctx, rest, await requestLocale()), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="access-log-${todayPortalDate()}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
