import "server-only";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { RENEWAL_WINDOW_DAYS } from "@/lib/server/renewals/list-renewals";

export interface MerchantRequestCounts {
  /** Pending and not yet expired. */
  open: number;
  approved: number;
  /** Declined, expired (by status or by time), withdrawn. */
  closed: number;
  /** Active grants ending within the renewal window (the renewals tab). */
  ending: number;
}

/**
 * The request tabs' and stat cards' numbers, counted in SQL with the same visibility as the lists: a manager
 * sees requests naming one of their sales units and requests by org. number (no sales unit); renewals of the
 * ledgers that settle one of their sales units.
 */
export async function countMerchantRequests(ctx: MerchantContext, now: Date = new Date()): Promise<MerchantRequestCounts> {
  const scoped = ctx.salesUnitScope !== "all";
  const scope = scoped ? (ctx.salesUnitScope as string[]) : [];
  const visible = scoped
    ? Prisma.sql`(NOT EXISTS (SELECT 1 FROM "AccessRequestSalesUnit" rs WHERE rs."requestId" = r."id")
        OR EXISTS (SELECT 1 FROM "AccessRequestSalesUnit" rs WHERE rs."requestId" = r."id" AND rs."salesUnitId" = ANY(${scope}::uuid[])))`
    : Prisma.sql`TRUE`;
  const ledgerVisible = scoped
    ? Prisma.sql`EXISTS (SELECT 1 FROM "SalesUnit" su WHERE su."ledgerId" = g."ledgerId" AND su."id" = ANY(${scope}::uuid[]))`
    : Prisma.sql`TRUE`;
  const today = todayPortalDate(now);
  const [row] = await db.$queryRaw<MerchantRequestCounts[]>`
    SELECT
      (SELECT count(*)::int FROM "AccessRequest" r WHERE r."merchantId" = ${ctx.merchantId}::uuid AND ${visible} AND r."status" = 'pending' AND r."expiresAt" > ${now}) AS "open",
      (SELECT count(*)::int FROM "AccessRequest" r WHERE r."merchantId" = ${ctx.merchantId}::uuid AND ${visible} AND r."status" = 'approved') AS "approved",
      (SELECT count(*)::int FROM "AccessRequest" r WHERE r."merchantId" = ${ctx.merchantId}::uuid AND ${visible}
         AND (r."status" IN ('declined', 'expired', 'withdrawn') OR (r."status" = 'pending' AND r."expiresAt" <= ${now}))) AS "closed",
      (SELECT count(*)::int FROM "LedgerGrant" g WHERE g."merchantId" = ${ctx.merchantId}::uuid AND ${ledgerVisible} AND g."status" = 'active'
         AND g."validUntil" >= ${today}::date AND g."validUntil" <= ${shiftLedgerDate(today, RENEWAL_WINDOW_DAYS)}::date) AS "ending"`;
  return row ?? { open: 0, approved: 0, closed: 0, ending: 0 };
}
