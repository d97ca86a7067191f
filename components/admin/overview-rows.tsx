import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { OVERVIEW_STATUSES } from "@/lib/admin-access/overview-query";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";
import type { OverviewRow } from "@/lib/server/admin-access/grant-overview";

const VARIANT: Record<GrantDisplayStatus, BadgeVariant> = {
  active: "success", expiring_soon: "warning", pending_approval: "info", revoked: "neutral", expired: "neutral", declined: "danger",
};

/** Sales units shown per row; a ledger with more says how many more (its grant page lists them all). */
const UNITS_SHOWN = 3;

/**
 * A1's table of one page of grants (server component). Kept lean because it is the page's cost (docs/performance.md,
 * admin console): no client component in a row (plain links: a full navigation to a grant or a filtered list),
 * the cell styles set once on the table instead of on every cell, the labels and the status badges built once
 * per page, at most three sales units per row.
 */
export async function OverviewRows({ rows, merchantHref }: { rows: OverviewRow[]; merchantHref: (merchantId: string) => string }) {
  const [t, ts, format] = await Promise.all([getTranslations("adminOverview"), getTranslations("grantStatus"), getFormatter()]);
  const badges = Object.fromEntries(OVERVIEW_STATUSES.map((s) => [s, <Badge key={s} variant={VARIANT[s]} dot>{ts(s)}</Badge>])) as Record<GrantDisplayStatus, React.ReactNode>;
  const day = (d: string | null) => (d ? format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium" }) : "");
  const periodText = (g: OverviewRow) =>
    g.periodFrom && g.periodTo ? t("period", { from: day(g.periodFrom), to: day(g.periodTo) })
    : g.periodFrom ? t("periodFrom", { from: day(g.periodFrom) })
    : g.periodTo ? t("periodTo", { to: day(g.periodTo) })
    : t("allDates");
  const withPd = t("withPersonalData");
  const withoutPd = t("withoutPersonalData");
  const noEnd = t("noEnd");
  const never = t("never");
  const suspended = <Badge variant="danger" className="mt-1">{t("partnerSuspended")}</Badge>;
  const outOfSync = <a href="/admin/reconciliation" className="mt-1 block"><Badge variant="warning">{t("outOfSync")}</Badge></a>;
  return (
    <Card className="overflow-hidden p-0">
      <div className="relative w-full overflow-x-auto">
        <table className="w-full border-collapse text-sm [&_td]:px-3 [&_td]:py-2.5 [&_td]:align-middle [&_td:first-child]:pl-5 [&_td:last-child]:pr-5 [&_th]:h-9 [&_th]:px-3 [&_th]:text-left [&_th]:text-xs [&_th]:font-medium [&_th]:whitespace-nowrap [&_th]:text-muted-foreground [&_th:first-child]:pl-5 [&_th:last-child]:pr-5 [&_tbody_tr]:border-b [&_tbody_tr]:border-border [&_tbody_tr:last-child]:border-0 [&_.m]:text-xs [&_.m]:text-muted-foreground [&_a.l]:text-primary [&_a.l:hover]:underline">
          <thead className="border-b border-border bg-muted/60">
            <tr>
              <th scope="col">{t("merchant")}</th>
              <th scope="col">{t("salesUnits")}</th>
              <th scope="col">{t("ledger")}</th>
              <th scope="col">{t("partner")}</th>
              <th scope="col">{t("scope")}</th>
              <th scope="col">{t("statusHeader")}</th>
              <th scope="col">{t("people")}</th>
              <th scope="col">{t("lastUse")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.id} data-testid="overview-row" data-grant-id={g.id}>
                <td>
                  <a className="l font-medium" href={merchantHref(g.merchant.id)}>{g.merchant.name}</a>
                  <div className="m tabular-nums">{g.merchant.orgNo}</div>
                </td>
                <td>
                  {g.salesUnits.slice(0, UNITS_SHOWN).map((u) => (
                    <div key={u.msn}>{u.name} <span className="m tabular-nums">· {u.msn}</span></div>
                  ))}
                  {g.salesUnits.length > UNITS_SHOWN ? <div className="m">{t("moreUnits", { count: g.salesUnits.length - UNITS_SHOWN })}</div> : null}
                </td>
                <td>
                  <a className="l font-mono tabular-nums" href={`/admin/access/grants/${g.id}`} data-testid="overview-grant-link">{g.ledger.externalId}</a>
                  <div className="m">{g.ledger.currency}</div>
                </td>
                <td>
                  <div>{g.partner.name}</div>
                  <div className="m tabular-nums">{g.partner.orgNo}</div>
                  {g.partner.status === "suspended" ? suspended : null}
                </td>
                <td>
                  <div>{periodText(g)}</div>
                  <div className="m">{g.includesPersonalData ? withPd : withoutPd} · {g.validUntil ? t("until", { date: day(g.validUntil) }) : noEnd}</div>
                </td>
                <td>
                  {badges[g.status]}
                  {g.outOfSync ? outOfSync : null}
                </td>
                <td>
                  <div>{g.grantedBy ?? "—"}</div>
                  {g.approvedBy ? <div className="m">{t("approvedBy", { name: g.approvedBy })}</div> : null}
                </td>
                <td className="whitespace-nowrap tabular-nums">{g.lastUsedAt ? format.dateTime(new Date(g.lastUsedAt), { dateStyle: "medium", timeStyle: "short" }) : never}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
