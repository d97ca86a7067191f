import { getLocale, getTranslations } from "next-intl/server";
import { Download, Eye, ScrollText, Users } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { buttonVariants } from "@/components/ui/button";
import { StatCard } from "@/components/ui/stat-card";
import { Alert } from "@/components/ui/alert";
import { RowBadge } from "@/components/ui/row-badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { ListTable } from "@/components/ui/list-table";
import { AccessLogFilters } from "@/components/access-log/access-log-filters";
import { DownloadAgainButton } from "@/components/exports/download-again-button";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { ACCESS_LOG_CURSOR_PARTS, getAccessLogSummary, listAccessEventsPage } from "@/lib/server/access-log/list-access-events";
import { ACCESS_LOG_EXPORT_LIMIT, ACCESS_LOG_PAGE_SIZE, accessLogSearchParams, parseAccessLogFilters } from "@/lib/lifecycle/access-log-filters";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { formatLedgerDate } from "@/lib/format";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("accessLog");

/**
 * The access log's own cells, on top of the list table's: `d` a date cell, `n` a number cell, `lg` the ledger id
 * with its currency.
 */
const EVENT_CELLS_CLASS = "event-cells";

/**
 * M7: who at which partner read or exported which ledger and dates, when, in which format. Keyset pages, newest
 * first (`after`/`before` cursors; the filters stay in the URL).
 */
export default async function AccessLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMerchantContext();
  const params = await searchParams;
  const { filters, ignored } = parseAccessLogFilters(params);
  const query = parseListQuery(params, ACCESS_LOG_CURSOR_PARTS, { size: ACCESS_LOG_PAGE_SIZE });
  const now = new Date();
  const [page, summary, t, te, tlist, locale] = await Promise.all([
    listAccessEventsPage(ctx, filters, query),
    getAccessLogSummary(ctx, now),
    getTranslations("accessLog"),
    getTranslations("exports.accessLog"),
    getTranslations("lists"),
    getLocale(),
  ]);
  const fmt = await getFormat();
  const filtered = Boolean(filters.partnerId || filters.ledgerId || filters.action || filters.from || filters.to);
  // Paging links keep the filters (not an old offset `page`).
  const linkParams = Object.fromEntries(accessLogSearchParams({ ...filters, page: 1 }));
  const link = (change: { after?: string | null; before?: string | null }) => pageHref("/merchant/access-log", linkParams, change);
  const exportQuery = accessLogSearchParams({ ...filters, page: 1 }).toString();
  const exportHref = `/merchant/access-log/export${exportQuery ? `?${exportQuery}` : ""}`;
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={ctx.salesUnitScope === "all" ? undefined : <span>{t("managerScope")}</span>}
        actions={
          <a href={exportHref} download className={buttonVariants({ variant: "outline" })} data-testid="access-log-export">
            <Download aria-hidden />
            {page.total > 0 ? t("exportCsvCount", { count: Math.min(page.total, ACCESS_LOG_EXPORT_LIMIT) }) : t("exportCsv")}
          </a>
        }
      />
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard label={t("statEvents")} value={summary.eventsLast30Days} icon={Eye} hint={t("last30Days")} />
        <StatCard label={t("statExports")} value={summary.exportsLast30Days} icon={Download} hint={t("last30Days")} />
        <StatCard label={t("statPeople")} value={summary.peopleLast30Days} icon={Users} hint={t("last30Days")} />
      </div>
      <div className="mb-4">
        <AccessLogFilters filters={filters} options={{ partners: summary.partners, ledgers: summary.ledgers }} />
      </div>
      {ignored.length > 0 ? <Alert className="mb-4" variant="warning" role="status" title={t("ignoredFilters", { filters: ignored.map((k) => t(`filterName.${k}` as "filterName.partner")).join(", ") })} /> : null}
      {page.items.length === 0 ? (
        <EmptyState bordered titleAs="h2" icon={ScrollText} title={filtered ? t("noMatchTitle") : t("emptyTitle")} description={filtered ? t("noMatchDescription") : t("emptyDescription")} />
      ) : (
        <Card className="overflow-hidden p-0">
          {/* Lean rows (decision 045): the cells' styles are set once on the table, a row names them in short. */}
          <ListTable aria-label={t("tableLabel")} className={EVENT_CELLS_CLASS}>
            <thead>
              <tr>
                <th scope="col">{t("colWhen")}</th>
                <th scope="col">{t("colWho")}</th>
                <th scope="col">{t("colLedger")}</th>
                <th scope="col">{t("colAction")}</th>
                <th scope="col">{t("colDates")}</th>
                <th scope="col" className="n">{t("colRows")}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((r) => (
                <tr key={r.id} data-testid="access-event">
                  <td className="d"><time dateTime={r.at}>{fmt.dateTime(r.at)}</time></td>
                  <td>
                    <div className="font-medium">{r.person?.name ?? t("formerUser")}</div>
                    {r.person ? <div className="m">{r.person.email}</div> : null}
                    <div className="m">{r.partner ? t("atPartner", { partner: r.partner.name }) : r.action === "export" ? te("ownStaff") : t("unknownPartner")}</div>
                  </td>
                  <td>
                    <div className="lg"><span>{r.ledger.externalId}</span><RowBadge variant="outline">{r.ledger.currency}</RowBadge></div>
                    <div className="m mt-0.5">{r.ledger.salesUnits.join(", ")}</div>
                  </td>
                  <td>
                    <RowBadge variant={r.action === "export" ? "warning" : "neutral"}>
                      {r.action === "export" ? t("exportAs", { format: (r.format ?? "").toUpperCase() }) : t("actionRead")}
                    </RowBadge>
                    {r.receipt ? (
                      <div className="mt-1 space-y-1">
                        <div className="m font-mono" title={r.receipt.sha256} data-testid="access-event-receipt" data-sha256={r.receipt.sha256} data-kind={r.receipt.kind}>
                          {te(r.receipt.kind === "journal" ? "journalReceipt" : "receipt", { hash: r.receipt.sha256.slice(0, 12) })}
                        </div>
                        {/* Payer details stay with the partner granted them: such a file is proven here, not served. */}
                        {r.receipt.personalData ? (
                          <div className="m">{te("personalDataKept")}</div>
                        ) : (
                          <DownloadAgainButton href={`/merchant/exports/${r.receipt.id}`} fallbackName={`${r.receipt.kind === "journal" ? "journal" : "ledger"}-${r.ledger.externalId}-${r.fromDate}-${r.toDate}.${r.format ?? "csv"}`} />
                        )}
                      </div>
                    ) : null}
                  </td>
                  <td className="d">
                    {r.fromDate === r.toDate ? formatLedgerDate(r.fromDate, locale) : t("dateRange", { from: formatLedgerDate(r.fromDate, locale), to: formatLedgerDate(r.toDate, locale) })}
                  </td>
                  <td className="n">{r.rowCount === null ? "—" : fmt.number(r.rowCount)}</td>
                </tr>
              ))}
            </tbody>
          </ListTable>
          <div className="border-t border-border px-5 py-3">
            <Pagination
              summary={tlist("summary", { count: page.items.length, total: page.total })}
              previousHref={page.prevCursor ? link({ before: page.prevCursor }) : null}
              nextHref={page.nextCursor ? link({ after: page.nextCursor }) : null}
              labels={{ navigation: t("pagination"), previous: t("previous"), next: t("next") }}
            />
          </div>
        </Card>
      )}
    </>
  );
}
