// Shapes of access requests as pages and components receive them (pure: no server code, safe in the browser).
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";
import type { RequestDisplayStatus } from "@/lib/lifecycle/request-status";

export interface RequestGrantView {
  grantId: string;
  ledgerExternalId: string;
  status: GrantDisplayStatus;
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
  validUntil: string | null;
}
export interface RequestView {
  id: string;
  status: RequestDisplayStatus;
  createdAt: string;
  expiresAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  requestedBy: { name: string; email: string } | null;
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
  purpose: string;
  salesUnits: { id: string; msn: string; name: string; ledgerExternalId: string | null }[];
  grants: RequestGrantView[];
}
/**
 * P7: one request as the partner sent it (a submission may have reached several merchants, or none). The
 * partner sees what it typed; a merchant's name and the ledgers given appear only once that merchant accepted
 * (decision 013). No sales unit names: they would tell which merchant an MSN belongs to.
 */
export interface PartnerRequestView {
  /** The submission's id: what the partner withdraws. */
  id: string;
  status: RequestDisplayStatus;
  createdAt: string;
  expiresAt: string;
  requestedBy: { name: string; email: string } | null;
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
  purpose: string;
  requestedMsns: string[];
  requestedOrgNo: string | null;
  /** When the status came about (a decline, an acceptance, a withdrawal); null while pending or expired. */
  decidedAt: string | null;
  /** Merchants that accepted, with what they gave. */
  accepted: { merchant: { name: string; orgNo: string }; decidedAt: string | null; decidedBy: string | null; grants: RequestGrantView[] }[];
}
/** A ledger the merchant can choose when approving, with what the decider needs to tell it apart. */
export interface LedgerChoice {
  id: string;
  externalId: string;
  currency: string;
  salesUnits: { msn: string; name: string }[];
  /** The partner already holds a live grant on it: nothing to approve there. */
  alreadyGranted: boolean;
  /** This user may grant it (a manager: every sales unit it settles is theirs). */
  grantable: boolean;
}
export interface MerchantRequestView extends RequestView {
  partner: { id: string; name: string; orgNo: string; status: "pending" | "approved" | "suspended" };
  /** This user may approve or decline it (a manager: every sales unit it names is theirs). */
  decidable: boolean;
  ledgerChoices: LedgerChoice[];
  /**
   * For the four-eyes hint (M5): the merchant's ledgers this partner does not hold yet. Approving all of them
   * would give the partner every ledger. Null when the merchant has fewer than two ledgers (the rule does not apply).
   */
  notHeldLedgerIds: string[] | null;
}
