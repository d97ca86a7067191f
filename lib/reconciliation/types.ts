/** A2 reconciliation: shapes shared by the data layer and the pages (no server code here). */
export const FINDING_KINDS = ["upstream_only", "portal_only"] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_STATES = ["open", "resolved", "all"] as const;
export type FindingState = (typeof FINDING_STATES)[number];

export interface FindingFilters {
  kind?: FindingKind;
  partnerId?: string;
  merchantId?: string;
  state: FindingState;
  cursor?: string;
}

export interface FindingRow {
  id: string;
  kind: FindingKind;
  ledgerExternalId: string;
  grantId: string | null;
  partnerId: string;
  partnerName: string;
  partnerOrgNo: string;
  merchantId: string | null;
  merchantName: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt: string | null;
}

export interface MerchantFinding {
  id: string;
  kind: FindingKind;
  ledgerExternalId: string;
  grantId: string | null;
  partnerId: string;
  partnerName: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface RunSummary {
  id: string;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  partnersChecked: number;
  partnersFailed: number;
  opened: number;
  resolved: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The findings page's searchParams, each ignored when malformed (never an error page for a bad link). */
export function parseFindingFilters(sp: Record<string, string | string[] | undefined>): FindingFilters {
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const kind = one("kind");
  const state = one("state");
  const partner = one("partner");
  const merchant = one("merchant");
  const cursor = one("after");
  return {
    ...(kind && (FINDING_KINDS as readonly string[]).includes(kind) ? { kind: kind as FindingKind } : {}),
    ...(partner && UUID.test(partner) ? { partnerId: partner } : {}),
    ...(merchant && UUID.test(merchant) ? { merchantId: merchant } : {}),
    state: state && (FINDING_STATES as readonly string[]).includes(state) ? (state as FindingState) : "open",
    ...(cursor && cursor.length <= 100 ? { cursor } : {}),
  };
}
