import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, ledgerTimeZone, todayPortalDate, type LedgerTimeZone } from "@/lib/dates";
import type { MoneyCurrency } from "@/lib/money";
import type { MerchantContext, PartnerContext } from "@/lib/server/authz/contexts";
import { merchantCan, partnerCan } from "@/lib/server/authz/permissions";
import { findSalesUnitInScope, type SalesUnitInScope } from "@/lib/server/credentials/find-sales-unit-in-scope";

/** Whose keys an upstream call uses: the partner's accounting keys, or one sales unit's own keys. */
export type UpstreamSource = { kind: "partner"; partnerId: string } | { kind: "sales-unit"; salesUnitId: string };

export interface LedgerFacts {
  /** Our row id (Ledger.id). */
  id: string;
  /** The Report API's ledgerId. */
  externalId: string;
  currency: MoneyCurrency;
  /** The zone its dates are in, from the merchant's country: "today", open dates and sync windows use it. */
  timeZone: LedgerTimeZone;
  merchantId: string;
  merchantName: string;
  salesUnits: { msn: string; name: string }[];
}

/** What a checked access knows: who reads, which ledger, which dates, with whose keys. */
interface LedgerAccessFacts {
  reader:
    | { kind: "partner"; userId: string; partnerId: string; grantId: string }
    | { kind: "merchant"; userId: string; merchantId: string; salesUnitId: string };
  ledger: LedgerFacts;
  /** The dates this reader may see (grant period; open ends are null). Nothing outside is shown or fetched. */
  period: { from: string | null; to: string | null };
  /** Whether payer names, masked phone numbers and messages may be requested and shown. */
  personalData: boolean;
  source: UpstreamSource;
  /** Until when (ledger date, inclusive) the access lasts; null for no end. */
  validUntil: string | null;
}

/** The reader's visible window: the grant period, and nothing after today (later dates do not exist yet). */
export function visibleBounds(access: LedgerAccess, today: string): { from: string | null; to: string } {
  const to = access.period.to && access.period.to < today ? access.period.to : today;
  return { from: access.period.from, to };
}

/** Private to this module: nothing outside can name it, so nothing outside can make a value that carries it. */
declare const checked: unique symbol;

/**
 * A checked permission to read one ledger. Only the two resolvers below make one, after the tenant, role, grant
 * and period checks; every read function takes one, so no read can skip those checks. The brand makes a
 * hand-built object (or a spread of one) fail to type-check, and the lint forbids `as LedgerAccess`.
 */
export type LedgerAccess = Readonly<LedgerAccessFacts> & { readonly [checked]: true };

/** The one place a LedgerAccess comes into being; called only by the resolvers after their checks. */
function checkedAccess(facts: LedgerAccessFacts): LedgerAccess {
  // eslint-disable-next-line no-restricted-syntax -- the one sanctioned cast: the resolvers' checks ran
  return facts as LedgerAccess;
}

const LEDGER_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * P1/P2: the partner's right to read one ledger, or null (→ 404). Checked on the server before any upstream
 * call: an approved (not suspended) partner, a role that reads ledgers, an active grant for this partner and
 * ledger that has not passed its end date, and for an accountant an assignment to the ledger's merchant. The
 * tenant comes from ctx only; the ledger id from the URL is just a lookup key, and a malformed one is "not found".
 */
// `today` is the grant's calendar (the portal's, todayPortalDate): a grant's end date is agreed between two firms,
// not one ledger's date, so it ends at the same moment whichever ledger it covers.
export async function getPartnerLedgerAccess(ctx: PartnerContext, ledgerExternalId: string, today = todayPortalDate()): Promise<LedgerAccess | null> {
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
          merchant: { select: { id: true, name: true, country: true } },
          salesUnits: { select: { msn: true, name: true }, orderBy: { msn: "asc" } },
        },
      },
    },
  });
  if (!grant) return null;
  return checkedAccess({
    reader: { kind: "partner", userId: ctx.user.id, partnerId: ctx.partnerId, grantId: grant.id },
    ledger: {
      id: grant.ledger.id,
      externalId: grant.ledger.externalId,
      currency: grant.ledger.currency,
      timeZone: ledgerTimeZone(grant.ledger.merchant.country),
      merchantId: grant.ledger.merchant.id,
      merchantName: grant.ledger.merchant.name,
      salesUnits: grant.ledger.salesUnits,
    },
    period: { from: grant.periodFrom ? dbDateToLedgerDate(grant.periodFrom) : null, to: grant.periodTo ? dbDateToLedgerDate(grant.periodTo) : null },
    personalData: grant.includesPersonalData,
    source: { kind: "partner", partnerId: ctx.partnerId },
    validUntil: grant.validUntil ? dbDateToLedgerDate(grant.validUntil) : null,
  });
}

export type MerchantLedgerAccess =
  | { kind: "ok"; unit: SalesUnitInScope; access: LedgerAccess }
  /** The ledger settles more than one sales unit: Vipps MobilePay refuses a single sales unit's keys there. */
  | { kind: "shared-ledger"; unit: SalesUnitInScope; ledger: NonNullable<SalesUnitInScope["ledger"]> }
  | { kind: "no-ledger"; unit: SalesUnitInScope }
  | { kind: "no-keys"; unit: SalesUnitInScope; ledger: NonNullable<SalesUnitInScope["ledger"]> };

/**
 * M6: whether the merchant may read the ledger of one of its sales units with that sales unit's own keys, or
 * null (→ 404) for a sales unit of another merchant, outside a manager's scope, or a malformed MSN. The
 * single-MSN rule is applied here, before any upstream call, so the page can explain it in plain words.
 * Merchant readers are not given payer details: the portal keeps personal data to the partners that were
 * explicitly granted it (the merchant has them in the Vipps MobilePay business portal).
 */
export async function getMerchantLedgerAccess(ctx: MerchantContext, msn: string): Promise<MerchantLedgerAccess | null> {
  if (!merchantCan(ctx.role, "ledger.read")) return null;
  const unit = await findSalesUnitInScope(ctx, msn);
  if (!unit) return null;
  if (!unit.ledger) return { kind: "no-ledger", unit };
  if (unit.ledger.salesUnits.length > 1) return { kind: "shared-ledger", unit, ledger: unit.ledger };
  const hasKeys = (await db.apiCredential.count({ where: { salesUnitId: unit.id, kind: "merchant" } })) > 0;
  if (!hasKeys) return { kind: "no-keys", unit, ledger: unit.ledger };
  return {
    kind: "ok",
    unit,
    access: checkedAccess({
      reader: { kind: "merchant", userId: ctx.user.id, merchantId: ctx.merchantId, salesUnitId: unit.id },
      ledger: {
        id: unit.ledger.id,
        externalId: unit.ledger.externalId,
        currency: unit.ledger.currency,
        timeZone: ledgerTimeZone(unit.ledger.country),
        merchantId: ctx.merchantId,
        merchantName: ctx.merchantName,
        salesUnits: unit.ledger.salesUnits,
      },
      period: { from: null, to: null },
      personalData: false,
      source: { kind: "sales-unit", salesUnitId: unit.id },
      validUntil: null,
    }),
  };
}
