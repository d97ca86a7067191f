import { getTranslations } from "next-intl/server";
import { CircleCheck, Clock, Inbox, XCircle } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { MerchantRequestsTabs } from "@/components/requests/merchant-requests-tabs";
import { OpenRequestCard } from "@/components/requests/open-request-card";
import { RequestAnswer } from "@/components/requests/request-answer";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { RequestedScope } from "@/components/requests/requested-scope";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { listMerchantRequestsPage, OPEN_REQUESTS_PAGE_SIZE, REQUEST_CURSOR_PARTS } from "@/lib/server/access-requests/list-requests-page";
import { countMerchantRequests } from "@/lib/server/access-requests/count-requests";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("accessRequests");

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * M4: accounting partners ask; the merchant approves (possibly narrowed) or declines; requests expire.
 * Open requests and the history are two keyset pages (cursors `after`/`before` and `hafter`/`hbefore`), searched
 * by partner on the server: the page costs the same with 20 requests or 20,000 (issue 14).
 */
export default async function MerchantRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireMerchantContext();
  const now = new Date();
  const params = await searchParams;
  const queries = { open: parseListQuery(params, REQUEST_CURSOR_PARTS, { size: OPEN_REQUESTS_PAGE_SIZE }), history: parseListQuery(params, REQUEST_CURSOR_PARTS, { prefix: "h" }) };
  const [page, counts, t, tlist] = await Promise.all([listMerchantRequestsPage(ctx, queries, now), countMerchantRequests(ctx, now), getTranslations("merchantRequests"), getTranslations("lists")]);
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
            {open.map((r) => (
              <OpenRequestCard key={r.id} request={r} now={now} readOnlyReason={!canDecide ? t("readOnlyShort") : r.decidable ? null : t("adminDecides")} />
            ))}
            {page.open.prevCursor || page.open.nextCursor ? pager(page.open, "") : null}
          </div>
        )}
      </section>

      {history.length > 0 ? (
        <Card className="overflow-hidden p-0">
          <CardHeader className="px-5 pt-5"><CardTitle>{t("historyTitle")}</CardTitle></CardHeader>
          <Table aria-label={t("historyTitle")}>
            <TableHeader>
              <TableRow>
                <TableHead className="w-[24%]">{t("colPartner")}</TableHead>
                <TableHead className="w-[30%]">{t("colAskedFor")}</TableHead>
                <TableHead>{t("colAnswer")}</TableHead>
                <TableHead>{t("colStatus")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {history.map((r) => (
                <TableRow key={r.id} data-testid={`past-request-${r.partner.orgNo}`}>
                  <TableCell className="align-top">
                    <div className="font-medium">{r.partner.name}</div>
                    <div className="text-xs text-muted-foreground tabular-nums">{t("orgNo", { orgNo: r.partner.orgNo })}</div>
                    <div className="mt-1 text-xs text-muted-foreground">{t("askedOn", { date: fmt.date(r.createdAt) })}</div>
                  </TableCell>
                  <TableCell className="align-top"><RequestedScope {...r} /></TableCell>
                  <TableCell className="align-top"><RequestAnswer request={r} now={now} /></TableCell>
                  <TableCell className="align-top"><RequestStatusBadge status={r.status} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {page.history.prevCursor || page.history.nextCursor ? <div className="border-t border-border px-5 py-3">{pager(page.history, "h")}</div> : null}
        </Card>
      ) : null}
    </>
  );
}
