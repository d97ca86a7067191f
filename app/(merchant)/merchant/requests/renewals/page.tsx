import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CalendarClock, CircleSlash, Clock, RefreshCw } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GrantScope } from "@/components/grants/grant-scope";
import { MerchantRequestsTabs } from "@/components/requests/merchant-requests-tabs";
import { RenewGrantButtons } from "@/components/requests/renew-grant-buttons";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { countMerchantRequests } from "@/lib/server/access-requests/count-requests";
import { listRenewalsPage, LAPSED_LIST_DAYS, RENEWAL_WINDOW_DAYS, RENEWALS_CURSOR_PARTS, type RenewalCandidate } from "@/lib/server/renewals/list-renewals";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { pageHref, parseListQuery, type KeysetPage } from "@/lib/paging/keyset";
import { formatLedgerDate } from "@/lib/format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("renewals");

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * M8: access that ends soon, renewed in one click; and access that ended lately. Two keyset pages (cursors
 * `after`/`before` and `lafter`/`lbefore`), searched on the server.
 */
export default async function RenewalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireMerchantContext();
  const now = new Date();
  const params = await searchParams;
  const queries = { ending: parseListQuery(params, RENEWALS_CURSOR_PARTS), lapsed: parseListQuery(params, RENEWALS_CURSOR_PARTS, { prefix: "l" }) };
  const path = "/merchant/requests/renewals";
  const [page, counts, t, tlist, format, locale] = await Promise.all([listRenewalsPage(ctx, queries, now), countMerchantRequests(ctx, now), getTranslations("renewals"), getTranslations("lists"), getFormatter(), getLocale()]);
  const canRenew = merchantCan(ctx.role, "grants.write");
  const renewals = { ending: page.ending.items, lapsed: page.lapsed.items, totals: page.totals };
  const pager = (p: KeysetPage<RenewalCandidate>, prefix: string) =>
    p.prevCursor || p.nextCursor ? (
      <div className="border-t border-border px-5 py-3">
        <Pagination
          summary={tlist("summary", { count: p.items.length, total: p.total })}
          previousHref={p.prevCursor ? pageHref(path, params, { before: p.prevCursor }, prefix) : null}
          nextHref={p.nextCursor ? pageHref(path, params, { after: p.nextCursor }, prefix) : null}
          labels={{ navigation: tlist("pagination"), previous: tlist("previous"), next: tlist("next") }}
        />
      </div>
    ) : null;
  const table = (rows: RenewalCandidate[], ending: boolean) => (
    <Table aria-label={ending ? t("endingTitle") : t("lapsedTitle")}>
      <TableHeader>
        <TableRow>
          <TableHead className="w-[22%]">{t("colPartner")}</TableHead>
          <TableHead className="w-[22%]">{t("colLedger")}</TableHead>
          <TableHead>{t("colScope")}</TableHead>
          <TableHead>{ending ? t("colEnds") : t("colEnded")}</TableHead>
          <TableHead>{t("colLastUse")}</TableHead>
          {ending ? <TableHead className="text-right"><span className="sr-only">{t("colActions")}</span></TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((g) => (
          <TableRow key={g.grantId} data-testid={`renewal-${g.ledger.externalId}`}>
            <TableCell className="align-top">
              <div className="font-medium">{g.partner.name}</div>
              <div className="text-xs text-muted-foreground tabular-nums">{t("orgNo", { orgNo: g.partner.orgNo })}</div>
            </TableCell>
            <TableCell className="align-top">
              <div className="flex items-center gap-2"><span className="font-mono text-[0.8125rem] tabular-nums">{g.ledger.externalId}</span><Badge variant="outline">{g.ledger.currency}</Badge></div>
              <div className="mt-0.5 text-xs text-muted-foreground">{g.ledger.salesUnits.map((s) => s.name).join(", ")}</div>
            </TableCell>
            <TableCell className="align-top"><GrantScope {...g} /></TableCell>
            <TableCell className="align-top whitespace-nowrap">
              <div className="text-sm">{formatLedgerDate(g.validUntil, locale)}</div>
              {ending ? (
                <Badge variant={g.daysLeft <= 3 ? "danger" : g.daysLeft <= 14 ? "warning" : "neutral"} className="mt-1">{t("daysLeft", { days: g.daysLeft })}</Badge>
              ) : null}
            </TableCell>
            <TableCell className="align-top text-sm text-muted-foreground">{g.lastUsedAt ? format.relativeTime(new Date(g.lastUsedAt), now) : t("neverUsed")}</TableCell>
            {ending ? (
              <TableCell className="align-top text-right">
                {g.canRenew ? (
                  <RenewGrantButtons grantId={g.grantId} partner={g.partner.name} ledger={g.ledger.externalId} lengthDays={g.lengthDays} personalData={g.includesPersonalData} />
                ) : (
                  <span className="text-xs text-muted-foreground">{canRenew ? t("notYours") : t("readOnly")}</span>
                )}
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { days: RENEWAL_WINDOW_DAYS })} />
      <MerchantRequestsTabs active="renewals" openCount={counts.open} endingCount={counts.ending} />
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard label={t("statEnding14")} value={renewals.totals.ending14} icon={Clock} />
        <StatCard label={t("statEnding")} value={renewals.totals.ending} icon={CalendarClock} />
        <StatCard label={t("statLapsed", { days: LAPSED_LIST_DAYS })} value={renewals.totals.lapsed} icon={CircleSlash} />
      </div>
      {!canRenew ? <Alert className="mb-4" variant="info" title={t("readOnlyNotice")} /> : null}
      {renewals.totals.ending + renewals.totals.lapsed > 0 ? (
        <ListSearch
          className="mb-4"
          value={queries.ending.q}
          label={tlist("renewalsSearchLabel")}
          placeholder={tlist("approvalsSearchPlaceholder")}
          submitLabel={tlist("search")}
          clearHref={path}
          clearLabel={tlist("clearSearch")}
        />
      ) : null}
      {renewals.ending.some((g) => g.includesPersonalData && g.canRenew) ? <Alert className="mb-4" variant="info" title={t("personalDataNote")} /> : null}
      <Card className="mb-6 overflow-hidden p-0">
        <CardHeader className="px-5 pt-5">
          <CardTitle>{t("endingTitle")}</CardTitle>
          <CardDescription>{t("endingDescription")}</CardDescription>
        </CardHeader>
        {renewals.ending.length === 0 ? (
          <EmptyState size="sm" icon={RefreshCw} title={t("emptyTitle")} description={t("emptyDescription", { days: RENEWAL_WINDOW_DAYS })} />
        ) : (
          <>
            {table(renewals.ending, true)}
            {pager(page.ending, "")}
          </>
        )}
      </Card>
      {renewals.lapsed.length > 0 ? (
        <Card className="overflow-hidden p-0">
          <CardHeader className="px-5 pt-5">
            <CardTitle>{t("lapsedTitle")}</CardTitle>
            <CardDescription>
              {t.rich("lapsedDescription", { link: (chunks) => <Link href="/merchant/partners" className="font-medium text-primary hover:underline">{chunks}</Link> })}
            </CardDescription>
          </CardHeader>
          {table(renewals.lapsed, false)}
          {pager(page.lapsed, "l")}
        </Card>
      ) : null}
    </>
  );
}
