import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/get-format";
import { Card } from "@/components/ui/card";
import { ListTable } from "@/components/ui/list-table";
import { OverviewTableBody, type OverviewTableRow } from "@/components/admin/overview-table";
import { OVERVIEW_STATUSES } from "@/lib/admin-access/overview-query";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";
import type { OverviewRow } from "@/lib/admin-access/types";

/** Sales units shown per row; a ledger with more says how many more (its grant page and the export list them all). */
const UNITS_SHOWN = 3;

/**
 * A1's table of one page of grants (server component): formats every text of a row here, once, and hands the
 * table the strings (OverviewTableBody renders them). Kept lean because the rows are the page's cost
 * (docs/performance.md, admin console; decision 027).
 */
export async function OverviewRows({ rows, merchantHref }: { rows: OverviewRow[]; merchantHref: (merchantId: string) => string }) {
  const [t, ts, fmt] = await Promise.all([getTranslations("adminOverview"), getTranslations("grantStatus"), getFormat()]);
  const day = (d: string | null) => (d ? fmt.ledgerDate(d) : "");
  const periodText = (g: OverviewRow) =>
    fmt.period({ from: g.periodFrom, to: g.periodTo }, { from: (from) => t("periodFrom", { from }), until: (to) => t("periodTo", { to }), all: t("allDates") });
  const withPd = t("withPersonalData");
  const withoutPd = t("withoutPersonalData");
  const noEnd = t("noEnd");
  const never = t("never");
  const table: OverviewTableRow[] = rows.map((g) => ({
    id: g.id,
    merchantName: g.merchant.name,
    merchantOrgNo: g.merchant.orgNo,
    merchantHref: merchantHref(g.merchant.id),
    units: g.salesUnits.slice(0, UNITS_SHOWN).map((u): [string, string] => [u.name, u.msn]),
    moreUnits: g.salesUnits.length > UNITS_SHOWN ? t("moreUnits", { count: g.salesUnits.length - UNITS_SHOWN }) : null,
    ledger: g.ledger.externalId,
    currency: g.ledger.currency,
    partnerName: g.partner.name,
    partnerOrgNo: g.partner.orgNo,
    partnerSuspended: g.partner.status === "suspended",
    period: periodText(g),
    scope: `${g.includesPersonalData ? withPd : withoutPd} · ${g.validUntil ? t("until", { date: day(g.validUntil) }) : noEnd}`,
    status: g.status,
    outOfSync: g.outOfSync,
    grantedBy: g.grantedBy ?? "—",
    approvedBy: g.approvedBy ? t("approvedBy", { name: g.approvedBy }) : null,
    lastUse: g.lastUsedAt ? fmt.dateTime(g.lastUsedAt) : never,
  }));
  return (
    <Card className="overflow-hidden p-0">
      <ListTable>
        <thead>
          <tr>
            {[t("merchant"), t("salesUnits"), t("ledger"), t("partner"), t("scope"), t("statusHeader"), t("people"), t("lastUse")].map((h) => (
              <th key={h} scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <OverviewTableBody
          rows={table}
          labels={{
            status: Object.fromEntries(OVERVIEW_STATUSES.map((s) => [s, ts(s)])) as Record<GrantDisplayStatus, string>,
            partnerSuspended: t("partnerSuspended"),
            outOfSync: t("outOfSync"),
          }}
        />
      </ListTable>
    </Card>
  );
}
