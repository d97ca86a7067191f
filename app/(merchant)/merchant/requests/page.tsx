import { getTranslations } from "next-intl/server";
import { CircleCheck, Clock, Inbox, XCircle } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { MerchantRequestsTabs } from "@/components/requests/merchant-requests-tabs";
import { OpenRequestDecisions } from "@/components/requests/open-request-decisions";
import { OpenRequestsList, type OpenRequestRow } from "@/components/requests/open-requests-list";
import { RequestHistoryTable, type RequestHistoryRow } from "@/components/requests/request-history-table";
import type { ApproveRequestProps } from "@/components/requests/approve-request-dialog";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { listMerchantRequestsPage, OPEN_REQUESTS_PAGE_SIZE, REQUEST_CURSOR_PARTS } from "@/lib/server/access-requests/list-requests-page";
import { countMerchantRequests } from "@/lib/server/access-requests/count-requests";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";
import { daysUntil } from "@/lib/lifecycle/request-status";
import { requestAnswerTexts } from "@/app/_shared/request-answer-text";
import { scopeTexts } from "@/app/_shared/scope-text";

export const generateMetadata = pageTitle("accessRequests");

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * M4: accounting partners ask; the merchant approves (possibly narrowed) or declines; requests expire.
 * Open requests and the history are two keyset pages (cursors `after`/`before` and `hafter`/`hbefore`), searched
 * by partner on the server: the page costs the same with 20 requests or 20,000 (issue 14). The cards and rows are
 * lean client components of strings with one pair of decision dialogs for the page (decision 041).
 */
export default async function MerchantRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireMerchantContext();
  const now = new Date();
  const params = await searchParams;
  const queries = { open: parseListQuery(params, REQUEST_CURSOR_PARTS, { size: OPEN_REQUESTS_PAGE_SIZE }), history: parseListQuery(params, REQUEST_CURSOR_PARTS, { prefix: "h" }) };
  const [page, counts, t, tlist, tAnswer, texts, scope] = await Promise.all([
    listMerchantRequestsPage(ctx, queries, now),
    countMerchantRequests(ctx, now),
    getTranslations("merchantRequests"),
    getTranslations("lists"),
    getTranslations("requestAnswer"),
    requestAnswerTexts(now),
    scopeTexts(),
  ]);
  const fmt = await getFormat();
  const open = page.open.items;
  const history = page.history.items;
  const path = "/merchant/requests";
  const q = queries.open.q;
  const pager = (p: typeof page.open, prefix: string) => (
    <Pagination
      summary={tlist("summary", { count: p.items.length, total: p.total })}
      previousHref={p.prevCursor ? pageHref(path, params, { before: p.prevCursor }, prefix) : null}
      nextHref={p.nextCursor ? pageHref(path, params, { after: p.nextCursor }, prefix) : null}
      labels={{ navigation: tlist("pagination"), previous: tlist("previous"), next: tlist("next") }}
    />
  );
  const canDecide = merchantCan(ctx.role, "requests.decide");
  // Every text of a card and row formatted here, once; the client list and table render the strings (decision 041).
  const openRows: OpenRequestRow[] = open.map((r) => {
    const days = daysUntil(r.expiresAt, now);
    return {
      id: r.id,
      rawOrgNo: r.partner.orgNo,
      partner: r.partner.name,
      status: texts.status(r.status),
      partnerWarning: r.partner.status !== "approved" ? t("partnerNotApproved") : null,
      orgNo: t("orgNo", { orgNo: r.partner.orgNo }),
      asked: t("askedBy", { name: r.requestedBy?.name ?? t("someone"), email: r.requestedBy?.email ?? "", date: fmt.date(r.createdAt) }),
      expires: t("expiresIn", { days, date: fmt.date(r.expiresAt) }),
      expiresSoon: days <= 3,
      scope: scope.request(r),
      purpose: r.purpose,
      readOnly: !canDecide ? t("readOnlyShort") : r.decidable ? null : t("adminDecides"),
      nothingToGive: giveable(r) ? null : t("nothingToGive"),
      approveLabel: t("approveFor", { partner: r.partner.name }),
      declineLabel: t("declineFor", { partner: r.partner.name }),
    };
  });
  // The approval form's data, only for the requests this user can approve.
  const approvable: Record<string, ApproveRequestProps> = Object.fromEntries(
    open
      .filter((r) => canDecide && r.decidable && giveable(r))
      .map((r) => [r.id, { id: r.id, partner: { name: r.partner.name }, periodFrom: r.periodFrom, periodTo: r.periodTo, includesPersonalData: r.includesPersonalData, ledgerChoices: r.ledgerChoices, notHeldLedgerIds: r.notHeldLedgerIds, purpose: r.purpose }]),
  );
  const historyRows: RequestHistoryRow[] = history.map((r) => ({
    id: r.id,
    rawOrgNo: r.partner.orgNo,
    partner: r.partner.name,
    orgNo: t("orgNo", { orgNo: r.partner.orgNo }),
    asked: t("askedOn", { date: fmt.date(r.createdAt) }),
    scope: scope.request(r),
    answer: texts.answer(r),
    status: texts.status(r.status),
  }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <MerchantRequestsTabs active="requests" openCount={counts.open} endingCount={counts.ending} />
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard label={t("statOpen")} value={counts.open} icon={Clock} />
        <StatCard label={t("statApproved")} value={counts.approved} icon={CircleCheck} />
        <StatCard label={t("statClosed")} value={counts.closed} icon={XCircle} />
      </div>
      {!canDecide ? <Alert className="mb-4" variant="info" title={t("readOnlyNotice")} /> : null}
      {counts.open + counts.approved + counts.closed > 0 ? (
        <ListSearch
          className="mb-4"
          value={q}
          label={tlist("requestsSearchLabel")}
          placeholder={tlist("partnersSearchPlaceholder")}
          submitLabel={tlist("search")}
          clearHref={path}
          clearLabel={tlist("clearSearch")}
        />
      ) : null}

      <section aria-labelledby="open-requests" className="mb-8">
        <h2 id="open-requests" className="mb-3 text-base font-semibold">{t("openTitle")}</h2>
        {open.length === 0 && q ? (
          <EmptyState bordered icon={Inbox} title={tlist("noMatchTitle", { q })} description={tlist("noMatchPartners")} />
        ) : open.length === 0 ? (
          <EmptyState bordered icon={Inbox} title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <div className="grid gap-4">
            <OpenRequestDecisions approvable={approvable}>
              <OpenRequestsList rows={openRows} labels={{ purpose: t("purposeLabel"), approve: t("approve"), decline: t("decline") }} />
            </OpenRequestDecisions>
            {page.open.prevCursor || page.open.nextCursor ? pager(page.open, "") : null}
          </div>
        )}
      </section>

      {history.length > 0 ? (
        <Card className="overflow-hidden p-0">
          <CardHeader className="px-5 pt-5"><CardTitle>{t("historyTitle")}</CardTitle></CardHeader>
          <RequestHistoryTable
            rows={historyRows}
            label={t("historyTitle")}
            headers={[t("colPartner"), t("colAskedFor"), t("colAnswer"), t("colStatus")]}
            grantedLabel={tAnswer("granted")}
          />
          {page.history.prevCursor || page.history.nextCursor ? <div className="border-t border-border px-5 py-3">{pager(page.history, "h")}</div> : null}
        </Card>
      ) : null}
    </>
  );
}

/** Something is left to give: a ledger the request names that this user may grant and the partner does not hold. */
function giveable(r: { ledgerChoices: { grantable: boolean; alreadyGranted: boolean }[] }): boolean {
  return r.ledgerChoices.some((l) => l.grantable && !l.alreadyGranted);
}
