import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClipboardCheck } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ApprovalsTable, type ApprovalRow } from "@/components/grants/approvals-table";
import { GrantDecisionDialog } from "@/components/grants/grant-decision-dialog";
import { scopeSummary, type NoticeTranslator } from "@/lib/grants/consent";
import { END_DATE_HORIZON_YEARS } from "@/lib/grants/four-eyes";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { APPROVALS_CURSOR_PARTS, countPendingApprovals, listPendingApprovalsPage } from "@/lib/server/grants/queries";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { pageTitle } from "@/lib/server/i18n/page-title";
import { scopeTexts } from "@/app/_shared/scope-text";

export const generateMetadata = pageTitle("approvals");

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * M5: access waiting for a second merchant admin. Admins decide here; others see what waits on their sales units.
 * One keyset page at a time (oldest first), searched on the server; the rows are a lean client table with one
 * decision dialog for the page (decision 041).
 */
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireMerchantContext();
  const params = await searchParams;
  const query = parseListQuery(params, APPROVALS_CURSOR_PARTS);
  const path = "/merchant/approvals";
  const [page, total, t, td, tm, tn, tlist, format, locale, scope] = await Promise.all([
    listPendingApprovalsPage(ctx, query),
    countPendingApprovals(ctx),
    getTranslations("grantApprovals"),
    getTranslations("grantDetail"),
    getTranslations("merchantPartners"),
    getTranslations("grantNotices"),
    getTranslations("lists"),
    getFormatter(),
    getLocale(),
    scopeTexts(),
  ]);
  const pending = page.items;
  const notices: NoticeTranslator = (key, values) => tn(key as "consent", values as never);
  // Every text of a row formatted here, once; the client table renders the strings (decision 041).
  const rows: ApprovalRow[] = pending.map((p) => ({
    id: p.id,
    orgNo: p.partner.orgNo,
    partner: p.partner.name,
    asked: `${p.requestedBy ? t("askedBy", { name: p.requestedBy }) : ""} · ${t("askedAt", { when: format.relativeTime(new Date(p.requestedAt)) })}`,
    ledger: p.ledger.externalId,
    currency: p.ledger.currency,
    units: p.ledger.salesUnits.map((s) => `${s.name} · ${tm("msn", { msn: s.msn })}`),
    scope: scope.grant(p),
    reasons: p.fourEyesReasons.map((r) => t(`reason.${r}`, { years: END_DATE_HORIZON_YEARS })),
    decideScope: p.canDecide ? scopeSummary(notices, p, locale) : null,
    ownRequest: p.isOwnRequest,
  }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} meta={total > 0 ? <span>{t("count", { count: total })}</span> : undefined} />
      {!merchantCan(ctx.role, "grants.approve") ? <Alert className="mb-4" variant="info" title={t("notAdmin")} /> : null}
      {total > 0 ? (
        <ListSearch
          className="mb-4"
          value={query.q}
          label={tlist("approvalsSearchLabel")}
          placeholder={tlist("approvalsSearchPlaceholder")}
          submitLabel={tlist("search")}
          clearHref={path}
          clearLabel={tlist("clearSearch")}
        />
      ) : null}
      {pending.length === 0 && query.q ? (
        <EmptyState bordered titleAs="h2" icon={ClipboardCheck} title={tlist("noMatchTitle", { q: query.q })} description={tlist("noMatchPartners")} />
      ) : pending.length === 0 ? (
        <EmptyState bordered titleAs="h2" icon={ClipboardCheck} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="overflow-hidden p-0">
          <GrantDecisionDialog>
            <ApprovalsTable
              rows={rows}
              labels={{ headers: [t("partner"), t("ledger"), t("scope"), t("why"), t("open")], approve: td("approve"), decline: td("decline"), yourRequest: t("yourRequest"), open: t("open") }}
            />
          </GrantDecisionDialog>
          {page.prevCursor || page.nextCursor ? (
            <div className="border-t border-border px-5 py-3">
              <Pagination
                summary={tlist("summary", { count: pending.length, total: page.total })}
                previousHref={page.prevCursor ? pageHref(path, params, { before: page.prevCursor }) : null}
                nextHref={page.nextCursor ? pageHref(path, params, { after: page.nextCursor }) : null}
                labels={{ navigation: tlist("pagination"), previous: tlist("previous"), next: tlist("next") }}
              />
            </div>
          ) : null}
        </Card>
      )}
    </>
  );
}
