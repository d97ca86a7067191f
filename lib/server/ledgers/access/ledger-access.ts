import type { DateRange } from "@/lib/ledgers/range";

/** Whose keys an upstream call uses: the partner's accounting keys, or one sales unit's own keys. */
export type UpstreamSource = { kind: "partner"; partnerId: string } | { kind: "sales-unit"; salesUnitId: string };

export interface LedgerFacts {
  /** Our row id (Ledger.id). */
  id: string;
  /** The Report API's ledgerId. */
  externalId: string;
  currency: string;
  merchantId: string;
  merchantName: string;
  salesUnits: { msn: string; name: string }[];
}

/**
 * A checked permission to read one ledger, produced only by the access resolvers in this folder after the
 * tenant, role, grant and period checks. Every read function takes one, so no read can skip those checks.
 */
export interface LedgerAccess {
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

export type { DateRange };
