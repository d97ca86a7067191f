import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Users } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ListTable } from "@/components/ui/list-table";
import { iconSprite } from "@/components/ui/icon-sprite";
import { RowBadge } from "@/components/ui/row-badge";
import { GRANT_SCOPE_ICONS, SCOPE_LINES_CLASS, ScopeLines } from "@/components/ui/scope-lines";
import { GRANT_STATUS_VARIANT } from "@/components/grants/grant-status-variant";
import { scopeTexts } from "@/app/_shared/scope-text";
import { LedgerCell } from "@/components/merchant/sales-unit-cell";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { getSalesUnitPage, SALES_UNIT_GRANTS_CURSOR_PARTS } from "@/lib/server/merchant-partners/list-partner-overview";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("salesUnit");

/**
 * One sales unit's partners, including recently revoked ones, one keyset page at a time with a search by partner.
 * Another merchant's sales unit is a 404.
 */
export default async function SalesUnitPage({ params, searchParams }: { params: Promise<{ salesUnitId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMerchantContext();
  const { salesUnitId } = await params;
  const sp = await searchParams;
  const query = parseListQuery(sp, SALES_UNIT_GRANTS_CURSOR_PARTS);
  const found = await getSalesUnitPage(ctx, salesUnitId, query);
  if (!found) notFound();
  const { unit, grants } = found;
  const path = `/merchant/sales-units/${unit.id}`;
  const [t, tm, ts, tstatus, tlist, format, scope] = await Promise.all([
    getTranslations("salesUnitDetail"),
    getTranslations("merchantPartners"),
    getTranslations("scope"),
    getTranslations("grantStatus"),
    getTranslations("lists"),
    getFormatter(),
    scopeTexts(),
  ]);
  // The one list on the page: a fixed id prefix for its sprite (an async page cannot call useId), short since every
  // row's <use> repeats it.
  const icons = iconSprite("g", GRANT_SCOPE_ICONS);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: t("back"), href: "/merchant/partners" }, { label: unit.name }]}
        title={unit.name}
        meta={<span className="tabular-nums">{tm("msn", { msn: unit.msn })} · {unit.channel === "api" ? tm("channelApi") : tm("channelVm")}</span>}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card className="overflow-hidden p-0">
          <CardHeader className="px-5 pt-5"><CardTitle>{t("partnersTitle")}</CardTitle></CardHeader>
          {grants.total > 0 || query.q ? (
            <ListSearch
              className="px-5 pt-3"
              value={query.q}
              label={tlist("partnersSearchLabel")}
              placeholder={tlist("partnersSearchPlaceholder")}
              submitLabel={tlist("search")}
              clearHref={path}
              clearLabel={tlist("clearSearch")}
            />
          ) : null}
          {grants.items.length === 0 && query.q ? (
            <CardContent><EmptyState icon={Users} title={tlist("noMatchTitle", { q: query.q })} description={tlist("noMatchPartners")} size="sm" /></CardContent>
          ) : grants.items.length === 0 ? (
            <CardContent><EmptyState icon={Users} title={tm("noPartners")} description={tm("noPartnersHint")} size="sm" /></CardContent>
          ) : (
            // Lean rows (decision 045): styles set once on the table, the scope's icons drawn once in the sprite.
            <>
              {icons.sprite}
              <ListTable className={SCOPE_LINES_CLASS}>
                <thead>
                  <tr>
                    <th scope="col">{t("partnerColumn")}</th>
                    <th scope="col">{t("scopeColumn")}</th>
                    <th scope="col">{t("statusColumn")}</th>
                    <th scope="col">{t("usageColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {grants.items.map((g) => (
                    <tr key={g.id}>
                      <td><div className="font-medium">{g.partnerName}</div><div className="m tabular-nums">{g.partnerOrgNo}</div></td>
                      <td><ScopeLines scope={scope.grant(g)} icon={icons.icon} /></td>
                      <td><RowBadge variant={GRANT_STATUS_VARIANT[g.status]} dot>{tstatus(g.status)}</RowBadge></td>
                      <td className="q">{g.lastUsedAt ? format.relativeTime(new Date(g.lastUsedAt)) : ts("neverUsed")}</td>
                    </tr>
                  ))}
                </tbody>
              </ListTable>
            </>
          )}
          {grants.prevCursor || grants.nextCursor ? (
            <div className="border-t border-border px-5 py-3">
              <Pagination
                summary={tlist("summary", { count: grants.items.length, total: grants.total })}
                previousHref={grants.prevCursor ? pageHref(path, sp, { before: grants.prevCursor }) : null}
                nextHref={grants.nextCursor ? pageHref(path, sp, { after: grants.nextCursor }) : null}
                labels={{ navigation: tlist("pagination"), previous: tlist("previous"), next: tlist("next") }}
              />
            </div>
          ) : null}
        </Card>
        <Card>
          <CardHeader><CardTitle>{t("ledgerFacts")}</CardTitle></CardHeader>
          <CardContent><LedgerCell ledger={unit.ledger} /></CardContent>
        </Card>
      </div>
    </>
  );
}
