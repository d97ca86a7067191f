import type { NextRequest } from "next/server";
import { resolvePartnerContext } from "@/lib/server/authz/contexts";
import { partnerCan } from "@/lib/server/authz/permissions";
import { getPartnerLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { journalResponse, planJournal } from "@/lib/server/journal/journal-csv";
import { dateRangeSchema } from "@/lib/ledgers/range";
import { formErrorText } from "@/lib/validation/form-errors";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { answerInReaderLocale } from "@/lib/server/i18n/answer-in-reader-locale";
import { AppError } from "@/lib/errors/app-error";
import { requireWithinRateLimit } from "@/lib/server/rate-limit/enforce-rate-limit";

const serverErrors = errorTranslator("serverErrors");
const formErrors = errorTranslator("formErrors");

/**
 * P4: the voucher journal of one granted ledger for a period, as CSV (docs/journal.md). The same rules as the
 * ledger page: another persona, another partner's ledger, one outside an accountant's clients, or a suspended
 * firm is 404; the period must be inside the grant, at most 92 days, and closed (uncached dates are fetched
 * first through the ledger service). Query: ?ledger=<ledgerId>&from=YYYY-MM-DD&to=YYYY-MM-DD.
 */
export function GET(req: NextRequest): Promise<Response> {
  // Refusals and errors in the language of the person asking (decision 043).
  return answerInReaderLocale(() => answer(req));
}

async function answer(req: NextRequest): Promise<Response> {
  const resolved = await resolvePartnerContext();
  if (!resolved.ok) return resolved.reason === "unauthenticated" ? plain(401, serverErrors("signInAgain")) : plain(404, serverErrors("notFound"));
  const ctx = resolved.ctx;
  if (!partnerCan(ctx.role, "ledgers.export")) return plain(403, serverErrors("roleForbids"));
  const params = req.nextUrl.searchParams;
  const access = await getPartnerLedgerAccess(ctx, params.get("ledger") ?? "");
  if (!access) return plain(404, serverErrors("notFound"));
  const parsed = dateRangeSchema.safeParse({ from: params.get("from") ?? "", to: params.get("to") ?? "" });
  if (!parsed.success) {
    return plain(400, parsed.error.issues.map((i) => formErrorText(i.message, formErrors)).join(" "));
  }
  const range = parsed.data;
  // A journal is an export: the per-person and per-firm export limit (decision 016) applies.
  try {
    await requireWithinRateLimit("export", { user: ctx.user.id, tenant: `partner:${ctx.partnerId}` });
  } catch (err) {
    if (err instanceof AppError && err.code === "RATE_LIMITED") return plain(429, err.message, err.retryAfterSeconds);
    throw err;
  }
  const plan = await planJournal(access, range);
  if (!plan.ok) return plain(plan.status, plan.message, plan.retryAfterSeconds);
  // A journal is an export: its receipt and access-log row are written after the last line (decision 030).
  return journalResponse(access, plan, range, ctx.user.email);
}

function plain(status: number, message: string, retryAfterSeconds?: number): Response {
  return new Response(message, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...(retryAfterSeconds ? { "retry-after": String(retryAfterSeconds) } : {}) },
  });
}
