import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/ids";
import { db } from "@/lib/server/db";
import { todayLedgerDate } from "@/lib/dates";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { ledgerAccess } from "@/lib/server/grants/access-rules";
import { changeGrant } from "@/lib/server/grants";
import { toGrantDto, GRANT_SELECT, type GrantDto } from "@/lib/server/grants/grant-record";
import { assertMerchantCan } from "@/lib/server/lifecycle/authz";
import { lifecycleTranslator } from "@/lib/server/lifecycle/server-messages";
import { renewedValidUntil } from "@/lib/lifecycle/renewal";
import type { RenewGrantInput } from "@/lib/lifecycle/schemas";

export interface RenewedGrant {
  grant: GrantDto;
  previousValidUntil: string;
  days: number;
}

/**
 * M8, one-click renewal: extends an active grant's end date by its own length or a chosen one, counted from
 * the current end (or today, if that is past). The change itself is the grant core's changeGrant, so it is
 * audited, the partner is told and the four-eyes rule applies as to any widening: a grant with personal data
 * (or one that covers every ledger) waits for a second admin again. The reminder cycle restarts for the new
 * end date (sendGrantReminders clears the old marker once the end has moved out of the reminder window).
 *
 * Tenant rules: the grant must be the merchant's and, for a manager, on a ledger of their own sales units
 * (NOT_FOUND otherwise; FORBIDDEN for a joint ledger they only partly manage, or for a viewer).
 */
export async function renewGrant(ctx: MerchantContext, input: RenewGrantInput, now: Date = new Date()): Promise<RenewedGrant> {
  assertMerchantCan(ctx, "grants.write");
  const problems = lifecycleTranslator("lifecycleProblems");
  if (!isUuid(input.grantId)) throw new AppError("NOT_FOUND", problems("grantNotFound"));
  const row = await db.ledgerGrant.findFirst({
    where: { id: input.grantId, merchantId: ctx.merchantId },
    select: { ...GRANT_SELECT, createdAt: true, ledger: { select: { salesUnits: { select: { id: true } } } } },
  });
  if (!row) throw new AppError("NOT_FOUND", problems("grantNotFound"));
  const access = ledgerAccess(ctx, row.ledger.salesUnits.map((s) => s.id));
  if (access === "hidden") throw new AppError("NOT_FOUND", problems("grantNotFound"));
  if (access !== "grantable") throw new AppError("FORBIDDEN", problems("forbidden"));
  const { createdAt, ledger: _ledger, ...grantRow } = row;
  const grant = toGrantDto(grantRow);
  if (grant.status !== "active") throw new AppError("CONFLICT", problems("renewNotActive"));
  if (!grant.validUntil) throw new AppError("CONFLICT", problems("renewNoEnd"));

  const today = todayLedgerDate(now);
  const next = renewedValidUntil({ startedOn: todayLedgerDate(createdAt), validUntil: grant.validUntil, today, length: input.length });
  const changed = await changeGrant(
    { grantId: grant.id, periodFrom: grant.periodFrom, periodTo: grant.periodTo, includesPersonalData: grant.includesPersonalData, validUntil: next.validUntil },
    ctx,
  );
  return { grant: changed, previousValidUntil: grant.validUntil, days: next.days };
}
