import { getTranslations } from "next-intl/server";
import { Download, Layers } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ROW_BADGE_CLASS, RowBadge } from "@/components/ui/row-badge";
import { GRANT_STATUS_VARIANT } from "@/components/grants/grant-status-variant";
import { OverviewFilterForm } from "@/components/admin/overview-filter-form";
import { OverviewRows } from "@/components/admin/overview-rows";
import { requirePlatformAdmin } from "@/lib/server/authz/contexts";
import { countOverviewByStatus, listOverviewPage, resolveOverviewSearch } from "@/lib/server/admin-access/grant-overview";
import { getOrganisationChoice } from "@/lib/server/admin-orgs/search-organisations";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";
import { OVERVIEW_STATUSES, overviewSearchParams, parseOverviewQuery, type OverviewQuery } from "@/lib/admin-access/overview-query";
import { pageTitle } from "@/lib/server/i18n/page-title";
import { getFormat } from "@/lib/i18n/get-format";

export const generateMetadata = pageTitle("accessOverview");

const BAR: Record<GrantDisplayStatus, string> = {
  active: "bg-success", expiring_soon: "bg-warning", pending_approval: "bg-info", expired: "bg-neutral", revoked: "bg-neutral/60", declined: "bg-danger",
};

const href = (q: Partial<OverviewQuery> & { filters: OverviewQuery["filters"] }, path = "/admin/access") => {
  const s = overviewSearchParams(q).toString();
  return s ? `${path}?${s}` : path;
};

/**
 * A1: every grant across merchants and partners, one row each, filtered, sorted and paged by keyset on the
 * server; the filters live in the URL. Counts by status follow the filters. Platform admins only.
 */
export default async function AdminAccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePlatformAdmin();
  const query = parseOverviewQuery(await searchParams);
  // The search is looked up once and shared by the page and the counts.
  const search = await resolveOverviewSearch(query.filters);
  const opts = search ? { search } : {};
  const [page, counts, partner, merchant, t, ts, fmt] = await Promise.all([
    listOverviewPage(query, opts),
    countOverviewByStatus(query.filters, opts),
    getOrganisationChoice("partner", query.filters.partnerId),
    getOrganisationChoice("merchant", query.filters.merchantId),
    getTranslations("adminOverview"),
    getTranslations("grantStatus"),
    getFormat(),
  ]);
  const { filters, sort } = query;
  const shown = filters.status ? counts[filters.status] : counts.total;
  const max = Math.max(1, ...OVERVIEW_STATUSES.map((s) => counts[s]));
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild variant="outline">
            <a href={href({ filters, sort }, "/api/admin/access/export")} download data-testid="overview-export">
              <Download aria-hidden />
              {t("export")}
            </a>
          </Button>
        }
      />

      <Card className="mb-4">
        <CardHeader>
          <CardTitle>{t("byStatus")}</CardTitle>
          <CardDescription>
            {t("byStatusHint")}{" "}
            <a className="text-primary underline underline-offset-4" href={href({ filters: { ...filters, status: undefined }, sort })} aria-current={!filters.status ? "true" : undefined}>
              {t("allCount", { count: counts.total })}
            </a>
          </CardDescription>
        </CardHeader>
        <CardContent>
          {/* Plain links and compact badges (decision 041): a status chosen here reloads the page, like the form. */}
          <dl className={`grid gap-x-8 gap-y-2 md:grid-cols-2 xl:grid-cols-3 ${ROW_BADGE_CLASS}`} data-testid="grants-by-status">
            {OVERVIEW_STATUSES.map((s) => (
              <div key={s} className={`grid grid-cols-[9.5rem_1fr_3rem] items-center gap-3 rounded-md px-1 ${filters.status === s ? "bg-primary-subtle" : ""}`}>
                <dt>
                  <a href={href({ filters: { ...filters, status: s }, sort })} className="rounded-full" aria-current={filters.status === s ? "true" : undefined} aria-label={t("filterStatus", { status: t(`status.${s}`) })}>
                    <RowBadge variant={GRANT_STATUS_VARIANT[s]} dot>{ts(s)}</RowBadge>
                  </a>
                </dt>
                <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
                  <div className={`h-full rounded-full ${BAR[s]}`} style={{ width: `${(counts[s] / max) * 100}%` }} />
                </div>
                <dd className="text-right text-sm font-medium tabular-nums" data-status={s}>{fmt.number(counts[s])}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>

      <OverviewFilterForm
        partner={partner}
        merchant={merchant}
        values={{
          status: filters.status ?? "",
          expiring: filters.expiringWithinDays?.toString() ?? "",
          personal: filters.personalData === true,
          outOfSync: filters.outOfSync === true,
          q: filters.q ?? "",
          sort,
        }}
      />

      {page.rows.length === 0 ? (
        <EmptyState bordered icon={Layers} title={filtered ? t("emptyFilteredTitle") : t("emptyTitle")} description={filtered ? t("emptyFilteredDescription") : t("emptyDescription")} />
      ) : (
        <OverviewRows rows={page.rows} merchantHref={(merchantId) => href({ filters: { ...filters, merchantId }, sort })} />
      )}
      <Pagination
        className="mt-4"
        summary={t("summary", { shown: page.rows.length, total: shown })}
        previousHref={query.after ? href({ filters, sort, size: query.size }) : null}
        nextHref={page.next ? href({ filters, sort, size: query.size, after: page.next }) : null}
        labels={{ navigation: t("pages"), previous: t("firstPage"), next: t("nextPage") }}
      />
    </>
  );
}
