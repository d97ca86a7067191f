import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, shiftLedgerDate, todayLedgerDate } from "@/lib/dates";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { ledgerAccess } from "@/lib/server/grants/access-rules";
import { assertMerchantCan } from "@/lib/server/lifecycle/authz";
import { ledgerScopeWhere } from "@/lib/server/lifecycle/merchant-scope";
import { daysLeft } from "@/lib/lifecycle/reminders";
import { grantLengthDays } from "@/lib/lifecycle/renewal";

/** Grants ending within this many days are offered for renewal. */
export const RENEWAL_WINDOW_DAYS = 45;
/** Lapsed grants stay listed this long (to be granted again from the partners page). */
export const LAPSED_LIST_DAYS = 30;

export interface RenewalCandidate {
  grantId: string;
  partner: { name: string; orgNo: string };
  ledger: { externalId: string; currency: string; salesUnits: { msn: string; name: string }[] };
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
  validUntil: string;
  daysLeft: number;
  /** The grant's own length: what "renew for the same length" adds. */
  lengthDays: number;
  lastUsedAt: string | null;
  canRenew: boolean;
}

export interface RenewalOverview {
  ending: RenewalCandidate[];
  lapsed: RenewalCandidate[];
}

/**
 * M8: the merchant's grants that end soon (active, end date within RENEWAL_WINDOW_DAYS) and those that lapsed
 * recently. Managers see the ledgers of their sales units; `canRenew` says whether this user may renew.
 */
export async function listRenewals(ctx: MerchantContext, now: Date = new Date()): Promise<RenewalOverview> {
  assertMerchantCan(ctx, "partners.read");
  const today = todayLedgerDate(now);
  const rows = await db.ledgerGrant.findMany({
    where: {
      merchantId: ctx.merchantId,
      ledger: ledgerScopeWhere(ctx),
      OR: [
        { status: "active", validUntil: { not: null, lte: ledgerDateToDb(shiftLedgerDate(today, RENEWAL_WINDOW_DAYS)) } },
        { status: "expired", validUntil: { gte: ledgerDateToDb(shiftLedgerDate(today, -LAPSED_LIST_DAYS)) } },
      ],
    },
    orderBy: [{ validUntil: "asc" }, { partner: { name: "asc" } }],
    select: {
      id: true,
      status: true,
      createdAt: true,
      periodFrom: true,
      periodTo: true,
      includesPersonalData: true,
      validUntil: true,
      lastUsedAt: true,
      partner: { select: { name: true, orgNo: true } },
      ledger: { select: { externalId: true, currency: true, salesUnits: { select: { id: true, msn: true, name: true }, orderBy: { name: "asc" } } } },
    },
  });
  const ending: RenewalCandidate[] = [];
  const lapsed: RenewalCandidate[] = [];
  for (const g of rows) {
    const validUntil = dbDateToLedgerDate(g.validUntil!);
    const left = daysLeft(validUntil, today);
    const candidate: RenewalCandidate = {
      grantId: g.id,
      partner: g.partner,
      ledger: { externalId: g.ledger.externalId, currency: g.ledger.currency, salesUnits: g.ledger.salesUnits.map(({ msn, name }) => ({ msn, name })) },
      periodFrom: g.periodFrom ? dbDateToLedgerDate(g.periodFrom) : null,
      periodTo: g.periodTo ? dbDateToLedgerDate(g.periodTo) : null,
      includesPersonalData: g.includesPersonalData,
      validUntil,
      daysLeft: left,
      lengthDays: grantLengthDays(todayLedgerDate(g.createdAt), validUntil),
      lastUsedAt: g.lastUsedAt?.toISOString() ?? null,
      canRenew: g.status === "active" && left >= 0 && ledgerAccess(ctx, g.ledger.salesUnits.map((s) => s.id)) === "grantable",
    };
    // An active grant past its end date lapses with the next job run; until then it is listed as lapsed.
    (g.status === "active" && left >= 0 ? ending : lapsed).push(candidate);
  }
  return { ending, lapsed };
}
