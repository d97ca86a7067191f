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
import { listRequestsForMerchant } from "@/lib/server/access-requests/list-requests";
import { countMerchantRequests } from "@/lib/server/access-requests/count-requests";
import { getFormat } from "@/lib/server/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("accessRequests");

/** M4: accounting partners ask; the merchant approves (possibly narrowed) or declines; requests expire. */
export default async function MerchantRequestsPage() {
  const ctx = await requireMerchantContext();
  const now = new Date();
  const [requests, counts, t] = await Promise.all([listRequestsForMerchant(ctx, now), countMerchantRequests(ctx, now), getTranslations("merchantRequests")]);
  const fmt = await getFormat();
  const open = requests.filter((r) => r.status === "pending");
  const history = requests.filter((r) => r.status !== "pending");
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

      <section aria-labelledby="open-requests" className="mb-8">
        <h2 id="open-requests" className="mb-3 text-base font-semibold">{t("openTitle")}</h2>
        {open.length === 0 ? (
          <EmptyState bordered icon={Inbox} title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <div className="grid gap-4">
            {open.map((r) => (
              <OpenRequestCard key={r.id} request={r} now={now} readOnlyReason={!canDecide ? t("readOnlyShort") : r.decidable ? null : t("adminDecides")} />
            ))}
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
        </Card>
      ) : null}
    </>
  );
}
