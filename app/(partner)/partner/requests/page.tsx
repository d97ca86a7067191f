import { getTranslations } from "next-intl/server";
import { CircleCheck, Clock, Inbox, ShieldAlert, UserLock, XCircle } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { NewRequestForm } from "@/components/requests/new-request-form";
import { RequestAnswer } from "@/components/requests/request-answer";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { RequestedScope } from "@/components/requests/requested-scope";
import { WithdrawRequestButton } from "@/components/requests/withdraw-request-button";
import { requirePartnerContext } from "@/lib/server/authz/contexts";
import { partnerCan } from "@/lib/server/authz/permissions";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { listPartnerRequestsPage, REQUEST_CURSOR_PARTS } from "@/lib/server/access-requests/list-requests-page";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("accessRequests");

type SearchParams = Record<string, string | string[] | undefined>;

/** P7: the firm's owners ask merchants for access and follow the answers (one keyset page of submissions, newest first). */
export default async function PartnerRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requirePartnerContext();
  const [t, tlist] = await Promise.all([getTranslations("partnerRequests"), getTranslations("lists")]);
  const fmt = await getFormat();
  if (ctx.partnerStatus === "suspended") {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState bordered icon={ShieldAlert} title={t("suspendedTitle")} description={t("suspendedDescription", { partner: ctx.partnerName })} />
      </>
    );
  }
  if (!partnerCan(ctx.role, "requests.write")) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState bordered icon={UserLock} title={t("ownersOnlyTitle")} description={t("ownersOnlyDescription", { partner: ctx.partnerName })} data-testid="owners-only" />
      </>
    );
  }
  const now = new Date();
  const params = await searchParams;
  const query = parseListQuery(params, REQUEST_CURSOR_PARTS);
  const page = await listPartnerRequestsPage(ctx, query, now);
  const requests = page.items;
  const path = "/partner/requests";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard label={t("statOpen")} value={page.counts.open} icon={Clock} />
        <StatCard label={t("statApproved")} value={page.counts.approved} icon={CircleCheck} />
        <StatCard label={t("statClosed")} value={page.counts.closed} icon={XCircle} />
      </div>

      <div className="mb-6 grid gap-6 lg:grid-cols-[1fr_18rem]">
        <Card>
          <CardHeader>
            <CardTitle>{t("formTitle")}</CardTitle>
            <CardDescription>{t("formDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            {ctx.partnerStatus === "approved" ? <NewRequestForm /> : <p className="text-sm text-muted-foreground">{t("notApproved")}</p>}
          </CardContent>
        </Card>
        <Card className="h-fit">
          <CardHeader><CardTitle as="h2">{t("howTitle")}</CardTitle></CardHeader>
          <CardContent>
            <ol className="list-decimal space-y-2 pl-4 text-sm text-muted-foreground">
              <li>{t("how1")}</li>
              <li>{t("how2")}</li>
              <li>{t("how3")}</li>
            </ol>
          </CardContent>
        </Card>
      </div>

      <Card className="overflow-hidden p-0">
        <CardHeader className="px-5 pt-5"><CardTitle>{t("listTitle")}</CardTitle></CardHeader>
        {page.counts.open + page.counts.approved + page.counts.closed > 0 ? (
          <ListSearch
            className="px-5 pt-3"
            value={query.q}
            label={tlist("submissionsSearchLabel")}
            placeholder={tlist("submissionsSearchPlaceholder")}
            submitLabel={tlist("search")}
            clearHref={path}
            clearLabel={tlist("clearSearch")}
          />
        ) : null}
        {requests.length === 0 && query.q ? (
          <CardContent><EmptyState size="sm" icon={Inbox} title={tlist("noMatchTitle", { q: query.q })} description={tlist("noMatchSubmissions")} /></CardContent>
        ) : requests.length === 0 ? (
          <CardContent><EmptyState size="sm" icon={Inbox} title={t("emptyTitle")} description={t("emptyDescription")} /></CardContent>
        ) : (
          <Table aria-label={t("listTitle")}>
            <TableHeader>
              <TableRow>
                <TableHead className="w-[24%]">{t("colMerchant")}</TableHead>
                <TableHead className="w-[28%]">{t("colAskedFor")}</TableHead>
                <TableHead>{t("colAnswer")}</TableHead>
                <TableHead>{t("colStatus")}</TableHead>
                <TableHead className="w-24"><span className="sr-only">{t("colActions")}</span></TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {requests.map((r) => {
                const target = r.requestedOrgNo ? t("targetOrgNo", { orgNo: r.requestedOrgNo }) : t("targetMsns", { count: r.requestedMsns.length, msns: r.requestedMsns.join(", ") });
                const heading = r.requestedOrgNo ? t("askedForOrgNo", { orgNo: r.requestedOrgNo }) : t("askedForMsns", { count: r.requestedMsns.length, msns: r.requestedMsns.join(", ") });
                const answer = { status: r.status, expiresAt: r.expiresAt, decidedAt: r.decidedAt, decidedBy: r.accepted[0]?.decidedBy ?? null, grants: r.accepted.flatMap((a) => a.grants) };
                return (
                <TableRow key={r.id} data-testid={`request-${r.requestedOrgNo ?? r.requestedMsns.join("-")}`}>
                  <TableCell className="align-top">
                    <div className="font-medium tabular-nums [overflow-wrap:anywhere]">{heading}</div>
                    {r.accepted.length > 0 ? (
                      r.accepted.map((a) => (
                        <div key={a.merchant.orgNo} className="text-xs text-muted-foreground" data-testid="accepted-by">
                          {t("acceptedBy", { merchant: a.merchant.name })} · <span className="tabular-nums">{t("orgNo", { orgNo: a.merchant.orgNo })}</span>
                        </div>
                      ))
                    ) : (
                      <div className="text-xs text-muted-foreground">{t("pendingMerchant")}</div>
                    )}
                    <div className="mt-1 text-xs text-muted-foreground">
                      {t("askedBy", { name: r.requestedBy?.name ?? t("someone"), date: fmt.date(r.createdAt) })}
                    </div>
                  </TableCell>
                  <TableCell className="align-top">
                    <RequestedScope {...r} salesUnits={[]} withoutSalesUnits />
                    <p className="mt-1.5 text-xs text-foreground/80 [overflow-wrap:anywhere]"><span className="text-muted-foreground">{t("purposeShort")}: </span>{r.purpose}</p>
                  </TableCell>
                  <TableCell className="align-top"><RequestAnswer request={answer} now={now} /></TableCell>
                  <TableCell className="align-top"><RequestStatusBadge status={r.status} /></TableCell>
                  <TableCell className="align-top text-right">
                    {r.status === "pending" ? <WithdrawRequestButton requestId={r.id} target={target} /> : null}
                  </TableCell>
                </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {page.prevCursor || page.nextCursor ? (
          <div className="border-t border-border px-5 py-3">
            <Pagination
              summary={tlist("summary", { count: requests.length, total: page.total })}
              previousHref={page.prevCursor ? pageHref(path, params, { before: page.prevCursor }) : null}
              nextHref={page.nextCursor ? pageHref(path, params, { after: page.nextCursor }) : null}
              labels={{ navigation: tlist("pagination"), previous: tlist("previous"), next: tlist("next") }}
            />
          </div>
        ) : null}
      </Card>
    </>
  );
}
