import "server-only";
import type { NextRequest } from "next/server";
import { resolveMerchantContext, resolvePartnerContext, type ContextFailure } from "@/lib/server/authz/contexts";
import { getMerchantLedgerAccess, getPartnerLedgerAccess, type LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { rateLimiters } from "@/lib/server/rate-limit/rate-limiter";
import { rateLimitMessage } from "@/lib/server/rate-limit/enforce-rate-limit";
import { db } from "@/lib/server/db";
import { parseExportQuery, receiptIdSchema } from "@/lib/exports/schemas";
import { exportResponse, plainResponse, redownloadResponse } from "@/lib/server/exports/export-response";
import { personActorLabel } from "@/lib/server/audit/actor";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { formErrorText } from "@/lib/validation/form-errors";

const serverErrors = errorTranslator("serverErrors");
const formErrors = errorTranslator("formErrors");

/**
 * The export route handlers' shared steps, in the action wrapper's order: session → the ledger access checks of
 * lib/server/ledgers/access (another tenant's ledger, or one outside the grant or assignment, is 404 like one
 * that does not exist) → input → the per-person export limit → the export.
 */
function contextFailure(reason: ContextFailure): Response {
  return reason === "unauthenticated" ? plainResponse(401, serverErrors("signInAgain")) : plainResponse(404, serverErrors("notFound"));
}

async function limited(access: LedgerAccess): Promise<Response | null> {
  const r = access.reader;
  const outcome = await rateLimiters().consume("export", { user: r.userId, tenant: r.kind === "partner" ? `partner:${r.partnerId}` : `merchant:${r.merchantId}` });
  return outcome.allowed ? null : plainResponse(429, rateLimitMessage("export", outcome.retryAfterSeconds), { "retry-after": String(outcome.retryAfterSeconds) });
}

async function run(req: NextRequest, access: LedgerAccess, actorLabel: string): Promise<Response> {
  const parsed = parseExportQuery(req.nextUrl.searchParams);
  if (!parsed.ok) return plainResponse(400, formErrorText(parsed.message, formErrors));
  return (await limited(access)) ?? exportResponse(access, parsed.options, actorLabel);
}

export async function partnerExportRoute(req: NextRequest, ledgerId: string): Promise<Response> {
  const resolved = await resolvePartnerContext();
  if (!resolved.ok) return contextFailure(resolved.reason);
  const access = await getPartnerLedgerAccess(resolved.ctx, ledgerId);
  if (!access) return plainResponse(404, serverErrors("notFound"));
  return run(req, access, personActorLabel(resolved.ctx.user));
}

export async function merchantExportRoute(req: NextRequest, msn: string): Promise<Response> {
  const resolved = await resolveMerchantContext();
  if (!resolved.ok) return contextFailure(resolved.reason);
  const result = await getMerchantLedgerAccess(resolved.ctx, msn);
  if (!result) return plainResponse(404, serverErrors("notFound"));
  if (result.kind !== "ok") return plainResponse(403, serverErrors("ledgerNotReadableWithUnitKeys"));
  return run(req, result.access, personActorLabel(resolved.ctx.user));
}

/** Download again (partner): a receipt of this firm, for a ledger the person may still read. */
export async function partnerRedownloadRoute(receiptId: string): Promise<Response> {
  const resolved = await resolvePartnerContext();
  if (!resolved.ok) return contextFailure(resolved.reason);
  if (!receiptIdSchema.safeParse(receiptId).success) return plainResponse(404, serverErrors("notFound"));
  const receipt = await db.exportReceipt.findFirst({ where: { id: receiptId, partnerId: resolved.ctx.partnerId }, select: { ledger: { select: { externalId: true } } } });
  const access = receipt ? await getPartnerLedgerAccess(resolved.ctx, receipt.ledger.externalId) : null;
  if (!access) return plainResponse(404, serverErrors("notFound"));
  return (await limited(access)) ?? redownloadResponse(access, receiptId, personActorLabel(resolved.ctx.user));
}

/**
 * Download again (merchant, M7): any receipt of this merchant's ledgers (its own staff's and the partners'
 * exports), rebuilt through the merchant's own access to the ledger (its scope, a sales unit with keys), so a
 * manager outside the ledger's sales units, or another merchant, gets 404 like a receipt that does not exist.
 */
export async function merchantRedownloadRoute(receiptId: string): Promise<Response> {
  const resolved = await resolveMerchantContext();
  if (!resolved.ok) return contextFailure(resolved.reason);
  if (!receiptIdSchema.safeParse(receiptId).success) return plainResponse(404, serverErrors("notFound"));
  const receipt = await db.exportReceipt.findFirst({
    where: { id: receiptId, merchantId: resolved.ctx.merchantId },
    select: { ledger: { select: { salesUnits: { select: { msn: true }, orderBy: { msn: "asc" } } } } },
  });
  if (!receipt) return plainResponse(404, serverErrors("notFound"));
  let refused: Response | null = null;
  for (const { msn } of receipt.ledger.salesUnits) {
    const result = await getMerchantLedgerAccess(resolved.ctx, msn);
    if (!result) continue;
    if (result.kind !== "ok") {
      refused ??= plainResponse(403, serverErrors("receiptLedgerNotReadableWithUnitKeys"));
      continue;
    }
    return (await limited(result.access)) ?? redownloadResponse(result.access, receiptId, resolved.ctx.user.email);
  }
  return refused ?? plainResponse(404, serverErrors("notFound"));
}
