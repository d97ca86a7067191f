import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/ids";
import { db } from "@/lib/server/db";
import { todayPortalDate } from "@/lib/dates";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { writeGrantChange } from "@/lib/server/grants/change-grant";
import { scopeOf, type GrantDto } from "@/lib/server/grants/grant-record";
import { loadGrantForUpdate } from "@/lib/server/grants/load-grant";
import { runAfterCommit } from "@/lib/server/grants/transaction";
import { requireMerchantCan } from "@/lib/server/authz/require";
import { renewedValidUntil } from "@/lib/lifecycle/renewal";
import type { RenewGrantInput } from "@/lib/lifecycle/schemas";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const problems = errorTranslator("lifecycleProblems");

export interface RenewedGrant {
  grant: GrantDto;
  previousValidUntil: string;
  days: number;
}

/**
 * M8, one-click renewal: extends an active grant's end date by its own length or a chosen one, counted from
 * the current end (or today, if that is past). It moves the end date and nothing else: the grant is read in the
 * transaction, after the merchant-and-partner lock and the row lock (loadGrantForUpdate), so a narrowing
 * committed a moment before is kept, never written back (docs/decisions/011-serialising-grant-changes.md).
 * The change is written by the grant core's writeGrantChange, so it is audited ("grant.changed"), the partner
 * is told, and the four-eyes rule applies as to any widening, decided on the grant as it is now: a grant with
 * personal data, one that covers every ledger, or one whose new end is beyond the horizon waits for a second
 * admin again. The reminder cycle restarts for the new end date (sendGrantReminders clears the old marker once
 * the end has moved out of the reminder window).
 *
 * Tenant rules: the grant must be the merchant's and, for a manager, on a ledger of their own sales units
 * (NOT_FOUND otherwise; FORBIDDEN for a joint ledger they only partly manage, or for a viewer).
 */
export async function renewGrant(ctx: MerchantContext, input: RenewGrantInput, now: Date = new Date()): Promise<RenewedGrant> {
  requireMerchantCan(ctx, "grants.write");
  if (!isUuid(input.grantId)) throw new AppError("NOT_FOUND", problems("grantNotFound"));

  const { value, afterCommit } = await db.$transaction(async (tx) => {
    const loaded = await loadGrantForUpdate(tx, ctx, input.grantId).catch((err: unknown) => {
      throw err instanceof AppError && err.code === "NOT_FOUND" ? new AppError("NOT_FOUND", problems("grantNotFound")) : err;
    });
    if (loaded.access !== "grantable") throw new AppError("FORBIDDEN", problems("forbidden"));
    const { grant } = loaded;
    if (grant.status !== "active") throw new AppError("CONFLICT", problems("renewNotActive"));
    if (!grant.validUntil) throw new AppError("CONFLICT", problems("renewNoEnd"));
    const { createdAt } = await tx.ledgerGrant.findUniqueOrThrow({ where: { id: grant.id }, select: { createdAt: true } });

    const next = renewedValidUntil({ startedOn: todayPortalDate(createdAt), validUntil: grant.validUntil, today: todayPortalDate(now), length: input.length });
    const changed = await writeGrantChange(tx, ctx, loaded, { ...scopeOf(grant), validUntil: next.validUntil });
    return { value: { grant: changed.value, previousValidUntil: grant.validUntil, days: next.days }, afterCommit: changed.afterCommit };
  });
  await runAfterCommit(afterCommit);
  return value;
}
