import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Download, Layers, X } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { OverviewFilterForm } from "@/components/admin/overview-filter-form";
import { requirePlatformAdmin } from "@/lib/server/authz/contexts";
import { countOverviewByStatus, getMerchantLabel, listOverviewPage, listPartnerChoices } from "@/lib/server/admin-access/grant-overview";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";
import { OVERVIEW_STATUSES, overviewSearchParams, parseOverviewQuery, type OverviewQuery } from "@/lib/admin-access/overview-query";
import { getFormat } from "@/lib/server/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

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
  const [page, counts, partners, merchant, t] = await Promise.all([
    listOverviewPage(query),
    countOverviewByStatus(query.filters),
    listPartnerChoices(),
    query.filters.merchantId ? getMerchantLabel(query.filters.merchantId) : null,
    getTranslations("adminOverview"),
  ]);
  const fmt = await getFormat();
  const { filters, sort } = query;
  const shown = filters.status ? counts[filters.status] : counts.total;
  const max = Math.max(1, ...OVERVIEW_STATUSES.map((s) => counts[s]));
  const day = (d: string | null) => (d ? fmt.ledgerDate(d) : null);
  const periodText = (g: { periodFrom: string | null; periodTo: string | null }) =>
    fmt.period({ from: g.periodFrom, to: g.periodTo }, { from: (from) => t("periodFrom", { from }), until: (to) => t("periodTo", { to }), all: t("allDates") });
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
            <Link className="text-primary underline underline-offset-4" href={href({ filters: { ...filters, status: undefined }, sort })} aria-current={!filters.status ? "true" : undefined}>
              {t("allCount", { count: counts.total })}
            </Link>
          </CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid gap-x-8 gap-y-2 md:grid-cols-2 xl:grid-cols-3" data-testid="grants-by-status">
            {OVERVIEW_STATUSES.map((s) => (
              <div key={s} className={`grid grid-cols-[9.5rem_1fr_3rem] items-center gap-3 rounded-md px-1 ${filters.status === s ? "bg-primary-subtle" : ""}`}>
                <dt>
                  <Link href={href({ filters: { ...filters, status: s }, sort })} className="rounded-full" aria-current={filters.status === s ? "true" : undefined} aria-label={t("filterStatus", { status: t(`status.${s}`) })}>
                    <GrantStatusBadge status={s} />
                  </Link>
                </dt>
                <div className="h-2 overflow-hidden rounded-full bg-muted" aria-hidden>
                  <div className={`h-full rounded-full ${BAR[s]}`} style={{ width: `${(counts[s] / max) * 100}%` }} />
                </div>
                <dd className="text-right text-sm font-medium tabular-nums" data-status={s}>{counts[s]}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>

      <OverviewFilterForm
        partners={partners}
        values={{
          partner: filters.partnerId ?? "",
          status: filters.status ?? "",
          expiring: filters.expiringWithinDays?.toString() ?? "",
          personal: filters.personalData === true,
          outOfSync: filters.outOfSync === true,
          q: filters.q ?? "",
          sort,
          merchant: filters.merchantId ?? "",
        }}
      />
      {merchant ? (
        <p className="mb-4 flex items-center gap-2 text-sm">
          {t("merchantFilter", { merchant: merchant.name, orgNo: merchant.orgNo })}
          <Link href={href({ filters: { ...filters, merchantId: undefined }, sort })} className="inline-flex items-center rounded-sm text-primary underline" aria-label={t("clearMerchant")}>
            <X className="size-4" aria-hidden />
          </Link>
        </p>
      ) : null}

      {page.rows.length === 0 ? (
        <EmptyState bordered icon={Layers} title={filtered ? t("emptyFilteredTitle") : t("emptyTitle")} description={filtered ? t("emptyFilteredDescription") : t("emptyDescription")} />
      ) : (
        <Card className="overflow-hidden p-0">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("merchant")}</TableHead>
                <TableHead>{t("salesUnits")}</TableHead>
                <TableHead>{t("ledger")}</TableHead>
                <TableHead>{t("partner")}</TableHead>
                <TableHead>{t("scope")}</TableHead>
                <TableHead>{t("statusHeader")}</TableHead>
                <TableHead>{t("people")}</TableHead>
                <TableHead>{t("lastUse")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.rows.map((g) => (
                <TableRow key={g.id} data-testid="overview-row" data-grant-id={g.id}>
                  <TableCell className="text-sm">
                    <Link className="font-medium text-primary hover:underline" href={href({ filters: { ...filters, merchantId: g.merchant.id }, sort })}>{g.merchant.name}</Link>
                    <div className="text-xs text-muted-foreground tabular-nums">{g.merchant.orgNo}</div>
                  </TableCell>
                  <TableCell className="text-sm">
                    <ul>
                      {g.salesUnits.map((u) => (
                        <li key={u.msn}>{u.name} <span className="text-xs text-muted-foreground tabular-nums">· {u.msn}</span></li>
                      ))}
                    </ul>
                  </TableCell>
                  <TableCell className="text-sm">
                    <Link className="font-mono tabular-nums text-primary hover:underline" href={`/admin/access/grants/${g.id}`} data-testid="overview-grant-link">{g.ledger.externalId}</Link>
                    <div className="text-xs text-muted-foreground">{g.ledger.currency}</div>
                  </TableCell>
                  <TableCell className="text-sm">
                    <div>{g.partner.name}</div>
                    <div className="text-xs text-muted-foreground tabular-nums">{g.partner.orgNo}</div>
                    {g.partner.status === "suspended" ? <Badge variant="danger" className="mt-1">{t("partnerSuspended")}</Badge> : null}
                  </TableCell>
                  <TableCell className="text-sm">
                    <div>{periodText(g)}</div>
                    <div className="text-xs text-muted-foreground">
                      {g.includesPersonalData ? t("withPersonalData") : t("withoutPersonalData")} · {g.validUntil ? t("until", { date: day(g.validUntil) ?? "" }) : t("noEnd")}
                    </div>
                  </TableCell>
                  <TableCell>
                    <GrantStatusBadge status={g.status} />
                    {g.outOfSync ? <Link href="/admin/reconciliation" className="mt-1 block"><Badge variant="warning">{t("outOfSync")}</Badge></Link> : null}
                  </TableCell>
                  <TableCell className="text-sm">
                    <div>{g.grantedBy ?? "—"}</div>
                    {g.approvedBy ? <div className="text-xs text-muted-foreground">{t("approvedBy", { name: g.approvedBy })}</div> : null}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-sm tabular-nums">{g.lastUsedAt ? fmt.dateTime(g.lastUsedAt) : t("never")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
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
