import type { PartnerStatus } from "@/lib/generated/prisma/enums";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";

/** One grant of the admin's access overview (A1), as the data layer returns it and the table and CSV read it. */
export interface OverviewRow {
  id: string;
  merchant: { id: string; name: string; orgNo: string };
  salesUnits: { name: string; msn: string }[];
  ledger: { externalId: string; currency: string };
  partner: { id: string; name: string; orgNo: string; status: PartnerStatus };
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
  validUntil: string | null;
  status: GrantDisplayStatus;
  grantedBy: string | null;
  approvedBy: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  /** An open reconciliation finding concerns this grant. */
  outOfSync: boolean;
}
