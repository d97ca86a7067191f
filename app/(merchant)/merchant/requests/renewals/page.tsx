import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CalendarClock, CircleSlash, Clock, RefreshCw } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { MerchantRequestsTabs } from "@/components/requests/merchant-requests-tabs";
import { RenewalController } from "@/components/requests/renewal-controller";
import { RenewalsTable, type RenewalRow } from "@/components/requests/renewals-table";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { countMerchantRequests } from "@/lib/server/access-requests/count-requests";
import { listRenewalsPage, LAPSED_LIST_DAYS, RENEWAL_WINDOW_DAYS, RENEWALS_CURSOR_PARTS, type RenewalCandidate } from "@/lib/server/renewals/list-renewals";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { pageHref, parseListQuery, type KeysetPage } from "@/lib/paging/keyset";
import { formatLedgerDate } from "@/lib/format";
import { pageTitle } from "@/lib/server/i18n/page-title";
import { scopeTexts } from "@/app/_shared/scope-text";

export const generateMetadata = pageTitle("renewals");

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * M8: access that ends soon, renewed in one click; and access that ended lately. Two keyset pages (cursors
 * `after`/`before` and `lafter`/`lbefore`), searched on the server; lean client tables with one renewal
 * controller for the page (decision 041).
 */
export default async function RenewalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireMerchantContext();
  const now = new Date();
  const params = await searchParams;
  const queries = { ending: parseListQuery(params, RENEWALS_CURSOR_PARTS), lapsed: parseListQuery(params, RENEWALS_CURSOR_PARTS, { prefix: "l" }) };
  const path = "/merchant/requests/renewals";
  const [page, counts, t, tlist, format, locale, scope] = await Promise.all([
    listRenewalsPage(ctx, queries, now),
    countMerchantRequests(ctx, now),
    getTranslations("renewals"),
    getTranslations("lists"),
    getFormatter(),
    getLocale(),
    scopeTexts(),
  ]);
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
  // Every text of a row formatted here, once; the client table renders the strings (decision 041).
  const toRow = (g: RenewalCandidate, ending: boolean): RenewalRow => ({
    grantId: g.grantId,
    partner: g.partner.name,
    orgNo: t("orgNo", { orgNo: g.partner.orgNo }),
    ledger: g.ledger.externalId,
    currency: g.ledger.currency,
    units: g.ledger.salesUnits.map((s) => s.name).join(", "),
    scope: scope.grant(g),
    ends: formatLedgerDate(g.validUntil, locale),
    left: ending ? { text: t("daysLeft", { days: g.daysLeft }), variant: g.daysLeft <= 3 ? "danger" : g.daysLeft <= 14 ? "warning" : "neutral" } : null,
    lastUse: g.lastUsedAt ? format.relativeTime(new Date(g.lastUsedAt), now) : t("neverUsed"),
    renewDays: ending && g.canRenew ? g.lengthDays : null,
    personalData: g.includesPersonalData,
    note: ending && !g.canRenew ? (canRenew ? t("notYours") : t("readOnly")) : null,
  });
  const table = (rows: RenewalCandidate[], ending: boolean) => (
    <RenewalsTable
      rows={rows.map((g) => toRow(g, ending))}
      ending={ending}
      label={ending ? t("endingTitle") : t("lapsedTitle")}
      labels={{ headers: [t("colPartner"), t("colLedger"), t("colScope"), ending ? t("colEnds") : t("colEnded"), t("colLastUse"), t("colActions")] }}
    />
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
            <RenewalController>{table(renewals.ending, true)}</RenewalController>
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
