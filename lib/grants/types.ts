// Shapes of grants, the partner directory and the grant preview as components receive them (pure: no server code).
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";

export interface OverviewGrant {
  id: string;
  partnerId: string;
  partnerName: string;
  partnerOrgNo: string;
  status: GrantDisplayStatus;
  periodFrom: string | null;
  periodTo: string | null;
  validUntil: string | null;
  includesPersonalData: boolean;
  lastUsedAt: string | null;
  /** Upstream (the partner's keys) does not yet show what the portal granted or ended; a job is repairing it. */
  outOfSync: boolean;
  /** The platform admin suspended the partner (A4): it reads nothing until re-activated; the grant is kept. */
  partnerSuspended?: boolean;
}

export interface SalesUnitSummary {
  id: string;
  msn: string;
  name: string;
  channel: "api" | "vm";
}

export interface GrantHistoryEntry {
  id: string;
  at: string;
  action: string;
  actorLabel: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface GrantableLedger {
  id: string;
  externalId: string;
  currency: string;
  salesUnits: SalesUnitSummary[];
  access: LedgerVisibility;
}

/**
 * What a user may do with a ledger of their own merchant. Admins (and viewers, for reading) see every
 * ledger. A manager sees a ledger that settles one of their sales units, and may grant it only when they
 * manage every sales unit it settles: a shared ledger also holds the other units' money.
 */
export type LedgerVisibility = "hidden" | "visible" | "grantable";

export interface DirectoryPartner {
  id: string;
  name: string;
  orgNo: string;
  country: string;
  /** Ledgers of the user's merchant (those the user can see) this partner already holds a live grant on. */
  liveLedgerIds: string[];
  /** How many ledgers of the merchant it holds a live grant on, seen or not (for the four-eyes hint). */
  liveLedgerCount: number;
}

/** The columns a partner gets; the personal ones only when the grant includes personal data. */
export const BASE_COLUMNS = ["time", "entryType", "reference", "pspReference", "amount", "balanceAfter", "recipientHandle"] as const;

export const PERSONAL_COLUMNS = ["payerName", "maskedPhoneNo", "message"] as const;

export type PreviewColumn = (typeof BASE_COLUMNS)[number] | (typeof PERSONAL_COLUMNS)[number];

export interface PreviewRow {
  time: string;
  entryType: string;
  reference: string;
  pspReference: string;
  /** Integer minor units. */
  amount: number;
  balanceAfter: number;
  recipientHandle: string | null;
  payerName?: string | null;
  maskedPhoneNo?: string | null;
  message?: string | null;
}

export type GrantPreview =
  | { kind: "rows"; columns: PreviewColumn[]; ledgerDate: string; currency: string; rows: PreviewRow[]; totalRows: number }
  /** The ledger settles several sales units: merchant keys are denied on it upstream. */
  | { kind: "shared-ledger"; columns: PreviewColumn[]; salesUnitCount: number }
  | { kind: "no-keys"; columns: PreviewColumn[] }
  /** Upstream refused the merchant keys for this ledger (e.g. it settles more sales units than the portal knows). */
  | { kind: "keys-denied"; columns: PreviewColumn[] }
  | { kind: "no-closed-date"; columns: PreviewColumn[] }
  | { kind: "upstream-unavailable"; columns: PreviewColumn[] };
