import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ClipboardCheck } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GrantScope } from "@/components/grants/grant-scope";
import { GrantDecisionButtons } from "@/components/grants/grant-decision-buttons";
import { scopeSummary, type NoticeTranslator } from "@/lib/grants/consent";
import { END_DATE_HORIZON_YEARS } from "@/lib/grants/four-eyes";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { APPROVALS_CURSOR_PARTS, countPendingApprovals, listPendingApprovalsPage } from "@/lib/server/grants/queries";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("approvals");

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * M5: access waiting for a second merchant admin. Admins decide here; others see what waits on their sales units.
 * One keyset page at a time (oldest first), searched on the server.
 */
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requireMerchantContext();
  const params = await searchParams;
  const query = parseListQuery(params, APPROVALS_CURSOR_PARTS);
  const path = "/merchant/approvals";
  const [page, total, t, tm, tn, tlist, format, locale] = await Promise.all([
    listPendingApprovalsPage(ctx, query),
    countPendingApprovals(ctx),
    getTranslations("grantApprovals"),
    getTranslations("merchantPartners"),
    getTranslations("grantNotices"),
    getTranslations("lists"),
    getFormatter(),
    getLocale(),
  ]);
  const pending = page.items;
  const notices: NoticeTranslator = (key, values) => tn(key as "consent", values as never);
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
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("partner")}</TableHead>
                <TableHead>{t("ledger")}</TableHead>
                <TableHead>{t("scope")}</TableHead>
                <TableHead>{t("why")}</TableHead>
                <TableHead className="text-right"><span className="sr-only">{t("open")}</span></TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {pending.map((p) => (
                <TableRow key={p.id} data-testid={`approval-${p.partner.orgNo}-${p.ledger.externalId}`}>
                  <TableCell className="align-top">
                    <div className="font-medium">{p.partner.name}</div>
                    <div className="text-xs text-muted-foreground">
                      {p.requestedBy ? t("askedBy", { name: p.requestedBy }) : null} · {t("askedAt", { when: format.relativeTime(new Date(p.requestedAt)) })}
                    </div>
                  </TableCell>
                  <TableCell className="align-top">
                    <div className="flex items-center gap-2"><span className="font-mono text-sm tabular-nums">{p.ledger.externalId}</span><Badge variant="outline">{p.ledger.currency}</Badge></div>
                    <ul className="mt-1 text-xs text-muted-foreground">
                      {p.ledger.salesUnits.map((s) => <li key={s.id}>{s.name} · {tm("msn", { msn: s.msn })}</li>)}
                    </ul>
                  </TableCell>
                  <TableCell className="align-top"><GrantScope {...p} /></TableCell>
                  <TableCell className="align-top">
                    <ul className="flex flex-wrap gap-1.5">
                      {p.fourEyesReasons.map((r) => <li key={r}><Badge variant="info">{t(`reason.${r}`, { years: END_DATE_HORIZON_YEARS })}</Badge></li>)}
                    </ul>
                  </TableCell>
                  <TableCell className="align-top">
                    <div className="flex flex-col items-end gap-2">
                      {p.canDecide ? (
                        <GrantDecisionButtons grantId={p.id} partner={p.partner.name} ledger={p.ledger.externalId} scope={scopeSummary(notices, p, locale)} />
                      ) : p.isOwnRequest ? (
                        <span className="text-right text-xs text-muted-foreground">{t("yourRequest")}</span>
                      ) : null}
                      <Button asChild variant="link" size="sm"><Link href={`/merchant/partners/grants/${p.id}`} aria-label={`${t("open")}: ${p.partner.name}, ${p.ledger.externalId}`}>{t("open")}</Link></Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
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
