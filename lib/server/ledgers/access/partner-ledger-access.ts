import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, todayLedgerDate } from "@/lib/dates";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { partnerCan } from "@/lib/server/authz/permissions";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";

const LEDGER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * P1/P2: the partner's right to read one ledger, or null (→ 404). Checked on the server before any upstream
 * call: an approved (not suspended) partner, a role that reads ledgers, an active grant for this partner and
 * ledger that has not passed its end date, and for an accountant an assignment to the ledger's merchant. The
 * tenant comes from ctx only; the ledger id from the URL is just a lookup key, and a malformed one is "not found".
 */
export async function getPartnerLedgerAccess(ctx: PartnerContext, ledgerExternalId: string, today = todayLedgerDate()): Promise<LedgerAccess | null> {
  if (ctx.partnerStatus === "suspended" || !partnerCan(ctx.role, "ledgers.read") || !LEDGER_ID.test(ledgerExternalId)) return null;
  const grant = await db.ledgerGrant.findFirst({
    where: {
      partnerId: ctx.partnerId,
      status: "active",
      // Re-read from the database: a suspension takes effect on the next read, whatever the session holds.
      partner: { status: "approved" },
      ledger: { externalId: ledgerExternalId },
      OR: [{ validUntil: null }, { validUntil: { gte: ledgerDateToDb(today) } }],
      ...(ctx.clientScope === "all" ? {} : { merchantId: { in: ctx.clientScope } }),
    },
    select: {
      id: true,
      periodFrom: true,
      periodTo: true,
      validUntil: true,
      includesPersonalData: true,
      ledger: {
        select: {
          id: true,
          externalId: true,
          currency: true,
          merchant: { select: { id: true, name: true } },
          salesUnits: { select: { msn: true, name: true }, orderBy: { msn: "asc" } },
        },
      },
    },
  });
  if (!grant) return null;
  return {
    reader: { kind: "partner", userId: ctx.user.id, partnerId: ctx.partnerId, grantId: grant.id },
    ledger: {
      id: grant.ledger.id,
      externalId: grant.ledger.externalId,
      currency: grant.ledger.currency,
      merchantId: grant.ledger.merchant.id,
      merchantName: grant.ledger.merchant.name,
      salesUnits: grant.ledger.salesUnits,
    },
    period: { from: grant.periodFrom ? dbDateToLedgerDate(grant.periodFrom) : null, to: grant.periodTo ? dbDateToLedgerDate(grant.periodTo) : null },
    personalData: grant.includesPersonalData,
    source: { kind: "partner", partnerId: ctx.partnerId },
    validUntil: grant.validUntil ? dbDateToLedgerDate(grant.validUntil) : null,
  };
}
