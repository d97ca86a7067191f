import { getTranslations } from "next-intl/server";
import { CircleCheck, Clock, Inbox, ShieldAlert, UserLock, XCircle } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { NewRequestForm } from "@/components/requests/new-request-form";
import { PartnerRequestsTable, type PartnerRequestRow } from "@/components/requests/partner-requests-table";
import { WithdrawRequestDialog } from "@/components/requests/withdraw-request-dialog";
import { requirePartnerContext } from "@/lib/server/authz/contexts";
import { partnerCan } from "@/lib/server/authz/permissions";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { listPartnerRequestsPage, REQUEST_CURSOR_PARTS } from "@/lib/server/access-requests/list-requests-page";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";
import { requestAnswerTexts } from "@/app/_shared/request-answer-text";
import { scopeTexts } from "@/app/_shared/scope-text";

export const generateMetadata = pageTitle("accessRequests");

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * P7: the firm's owners ask merchants for access and follow the answers (one keyset page of submissions, newest
 * first, as a lean client table with one withdraw dialog for the page: decision 041).
 */
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
  const [page, texts, scope, tAnswer] = await Promise.all([listPartnerRequestsPage(ctx, query, now), requestAnswerTexts(now), scopeTexts(), getTranslations("requestAnswer")]);
  const requests = page.items;
  // Every text of a row formatted here, once; the client table renders the strings (decision 041).
  const rows: PartnerRequestRow[] = requests.map((r) => {
    const msns = r.requestedMsns.join(", ");
    const target = r.requestedOrgNo ? t("targetOrgNo", { orgNo: r.requestedOrgNo }) : t("targetMsns", { count: r.requestedMsns.length, msns });
    return {
      id: r.id,
      testId: `request-${r.requestedOrgNo ?? r.requestedMsns.join("-")}`,
      heading: r.requestedOrgNo ? t("askedForOrgNo", { orgNo: r.requestedOrgNo }) : t("askedForMsns", { count: r.requestedMsns.length, msns }),
      accepted: r.accepted.map((a) => ({ key: a.merchant.orgNo, merchant: t("acceptedBy", { merchant: a.merchant.name }), orgNo: t("orgNo", { orgNo: a.merchant.orgNo }) })),
      asked: t("askedBy", { name: r.requestedBy?.name ?? t("someone"), date: fmt.date(r.createdAt) }),
      scope: scope.request(r),
      purpose: r.purpose,
      answer: texts.answer({ status: r.status, expiresAt: r.expiresAt, decidedAt: r.decidedAt, decidedBy: r.accepted[0]?.decidedBy ?? null, grants: r.accepted.flatMap((a) => a.grants) }),
      status: texts.status(r.status),
      withdraw: r.status === "pending" ? { label: t("withdrawFor", { target }), target } : null,
    };
  });
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
          <WithdrawRequestDialog>
            <PartnerRequestsTable
              rows={rows}
              label={t("listTitle")}
              labels={{
                headers: [t("colMerchant"), t("colAskedFor"), t("colAnswer"), t("colStatus"), t("colActions")],
                pendingMerchant: t("pendingMerchant"),
                purpose: t("purposeShort"),
                granted: tAnswer("granted"),
                withdraw: t("withdraw"),
              }}
            />
          </WithdrawRequestDialog>
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
