import "server-only";
import type { CsvCell } from "@/lib/csv/csv-writer";
import type { OverviewRow } from "@/lib/server/admin-access/grant-overview";

/** The export's columns, one grant a row, in the order of the overview's table. */
export const overviewCsvHeader = [
  "grantId", "merchant", "merchantOrgNo", "salesUnits", "ledgerId", "currency", "partner", "partnerOrgNo", "partnerStatus",
  "status", "periodFrom", "periodTo", "personalData", "validUntil", "grantedBy", "approvedBy", "lastUsedAt", "createdAt",
] as const;

export function overviewCsvRow(g: OverviewRow): CsvCell[] {
  return [
    g.id, g.merchant.name, g.merchant.orgNo, g.salesUnits.map((u) => `${u.name} (${u.msn})`).join("; "), g.ledger.externalId, g.ledger.currency,
    g.partner.name, g.partner.orgNo, g.partner.status, g.status, g.periodFrom, g.periodTo, g.includesPersonalData, g.validUntil,
    g.grantedBy, g.approvedBy, g.lastUsedAt, g.createdAt,
  ];
}
