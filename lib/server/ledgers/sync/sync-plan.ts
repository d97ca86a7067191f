import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, ledgerDateToDb, ledgerTimeZone, type LedgerTimeZone } from "@/lib/dates";
import type { UpstreamSource } from "@/lib/server/ledgers/access/ledger-access";

/** Which keys a sync run uses, which dates it may fetch with them, and whether it asks for personal data. */
export interface SyncPlan {
  ledgerExternalId: string;
  source: UpstreamSource;
  bounds: { from: string | null; to: string | null };
  withPersonalData: boolean;
  /** The ledger's zone (its merchant's country): the sync window ends at "today" there. */
  timeZone: LedgerTimeZone;
}

/**
 * Chooses the keys for a sync of one ledger (docs/decisions/006). A person's "sync now" names their own source
 * (the partner's keys, or their sales unit's keys) and is held to what that source may read. The hourly run
 * prefers the merchant's own keys on a single-sales-unit ledger (they may read every date), else a partner
 * with an active grant, within that grant's period. Personal data is fetched only when some active grant
 * includes it, so dates are not cached with payer details nobody may see. Null: no stored keys can read it.
 * `today` is the portal's date (todayPortalDate): it decides which grants are still in force.
 */
export async function planLedgerSync(ledgerId: string, today: string, requested?: UpstreamSource): Promise<SyncPlan | null> {
  const ledger = await db.ledger.findUnique({
    where: { id: ledgerId },
    select: {
      externalId: true,
      merchant: { select: { country: true } },
      salesUnits: { select: { id: true, credentials: { select: { id: true, kind: true } } } },
      grants: {
        where: { status: "active", partner: { status: "approved" }, OR: [{ validUntil: null }, { validUntil: { gte: ledgerDateToDb(today) } }] },
        orderBy: { createdAt: "asc" },
        select: { partnerId: true, periodFrom: true, periodTo: true, includesPersonalData: true, partner: { select: { credentials: { select: { id: true } } } } },
      },
    },
  });
  if (!ledger) return null;
  const timeZone = ledgerTimeZone(ledger.merchant.country);
  const anyPersonalData = ledger.grants.some((g) => g.includesPersonalData);
  const ownUnit = ledger.salesUnits.length === 1 && ledger.salesUnits[0]!.credentials.some((c) => c.kind === "merchant") ? ledger.salesUnits[0]! : null;
  const partnerGrants = ledger.grants.filter((g) => g.partner.credentials.length > 0);

  const fromUnit = (): SyncPlan | null =>
    ownUnit ? { ledgerExternalId: ledger.externalId, source: { kind: "sales-unit", salesUnitId: ownUnit.id }, bounds: { from: null, to: null }, withPersonalData: anyPersonalData, timeZone } : null;
  const fromGrant = (g: (typeof partnerGrants)[number] | undefined): SyncPlan | null =>
    g
      ? {
          ledgerExternalId: ledger.externalId,
          source: { kind: "partner", partnerId: g.partnerId },
          bounds: { from: g.periodFrom ? dbDateToLedgerDate(g.periodFrom) : null, to: g.periodTo ? dbDateToLedgerDate(g.periodTo) : null },
          withPersonalData: g.includesPersonalData,
          timeZone,
        }
      : null;

  if (requested?.kind === "sales-unit") return ownUnit?.id === requested.salesUnitId ? fromUnit() : null;
  if (requested?.kind === "partner") return fromGrant(partnerGrants.find((g) => g.partnerId === requested.partnerId));
  return fromUnit() ?? fromGrant(partnerGrants.find((g) => g.includesPersonalData === anyPersonalData) ?? partnerGrants[0]);
}
