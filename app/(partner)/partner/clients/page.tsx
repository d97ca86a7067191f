import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Briefcase, ChevronRight, Landmark, ShieldAlert, UserRound } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { GrantScope } from "@/components/grants/grant-scope";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requirePartnerContext } from "@/lib/server/authz/contexts";
import { CLIENT_CURSOR_PARTS, listClientsPage } from "@/lib/server/partner-clients/list-clients";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("clients");

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * P1: the merchants and ledgers granted to this partner (accountants: their assigned clients), one keyset page
 * at a time with a server-side search; the stat cards are counted in SQL.
 */
export default async function PartnerClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requirePartnerContext();
  const params = await searchParams;
  const query = parseListQuery(params, CLIENT_CURSOR_PARTS);
  const [page, t, tl, tlist] = await Promise.all([listClientsPage(ctx, query), getTranslations("partnerClients"), getTranslations("ledgerView"), getTranslations("lists")]);
  const clients = page.items;
  const path = "/partner/clients";
  if (ctx.partnerStatus === "suspended") {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState bordered icon={ShieldAlert} title={t("suspendedTitle")} description={t("suspendedDescription", { partner: ctx.partnerName })} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { partner: ctx.partnerName })}
        meta={ctx.clientScope === "all" ? undefined : <span>{t("accountantScope")}</span>}
      />
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard label={t("clients")} value={page.summary.clients} icon={Briefcase} />
        <StatCard label={t("ledgers")} value={page.summary.ledgers} icon={Landmark} />
        <StatCard label={t("withPersonalData")} value={page.summary.withPersonalData} icon={UserRound} />
      </div>
      {page.summary.clients > 0 ? (
        <ListSearch
          className="mb-4"
          value={query.q}
          label={tlist("clientsSearchLabel")}
          placeholder={tlist("clientsSearchPlaceholder")}
          submitLabel={tlist("search")}
          clearHref={path}
          clearLabel={tlist("clearSearch")}
        />
      ) : null}
      {clients.length === 0 && query.q ? (
        <EmptyState bordered icon={Briefcase} title={tlist("noMatchTitle", { q: query.q })} description={tlist("noMatchDescription")} />
      ) : clients.length === 0 ? (
        <EmptyState
          bordered
          icon={Briefcase}
          title={t("emptyTitle")}
          description={ctx.clientScope === "all" ? t("emptyDescription", { partner: ctx.partnerName }) : t("emptyAccountant")}
        />
      ) : (
        <Card className="overflow-hidden p-0">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-[30%]">{t("clients")}</TableHead>
                <TableHead>{t("ledgers")}</TableHead>
                <TableHead className="w-12"><span className="sr-only">{t("openClient")}</span></TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {clients.map((c) => (
                <TableRow key={c.merchantId} data-testid={`client-${c.orgNo}`}>
                  <TableCell className="align-top">
                    <Link href={`/partner/clients/${c.merchantId}`} className="font-medium hover:underline">{c.merchantName}</Link>
                    <div className="mt-0.5 text-xs text-muted-foreground tabular-nums">{t("orgNo", { orgNo: c.orgNo })} · {c.country}</div>
                  </TableCell>
                  <TableCell className="align-top">
                    <ul className="space-y-3">
                      {c.ledgers.map((l) => (
                        <li key={l.grantId} className="space-y-1">
                          <div className="flex flex-wrap items-center gap-2">
                            <Link href={`/partner/ledgers/${l.ledgerExternalId}`} className="font-mono text-sm tabular-nums text-primary hover:underline" aria-label={tl("title", { ledgerId: l.ledgerExternalId })}>{l.ledgerExternalId}</Link>
                            <Badge variant="outline">{l.currency}</Badge>
                            <span className="text-sm text-muted-foreground">{l.salesUnits.map((s) => s.name).join(", ")}</span>
                            <GrantStatusBadge status={l.status} />
                          </div>
                          <GrantScope {...l} />
                        </li>
                      ))}
                    </ul>
                    {c.moreLedgers > 0 ? (
                      <Link href={`/partner/clients/${c.merchantId}`} className="mt-2 inline-block text-sm text-primary hover:underline">{tlist("moreLedgers", { count: c.moreLedgers })}</Link>
                    ) : null}
                  </TableCell>
                  <TableCell className="align-top text-right">
                    <Link href={`/partner/clients/${c.merchantId}`} aria-label={`${t("openClient")}: ${c.merchantName}`} className="focus-ring inline-flex rounded-md p-1.5 text-muted-foreground hover:bg-accent hover:text-foreground">
                      <ChevronRight aria-hidden className="size-4" />
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className="border-t border-border px-5 py-3">
            <Pagination
              summary={tlist("summary", { count: clients.length, total: page.total })}
              previousHref={page.prevCursor ? pageHref(path, params, { before: page.prevCursor }) : null}
              nextHref={page.nextCursor ? pageHref(path, params, { after: page.nextCursor }) : null}
              labels={{ navigation: tlist("pagination"), previous: tlist("previous"), next: tlist("next") }}
            />
          </div>
        </Card>
      )}
    </>
  );
}
