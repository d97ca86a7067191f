import { getFormatter, getTranslations } from "next-intl/server";
import { Handshake, UserRound, Users } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GrantScope } from "@/components/grants/grant-scope";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { listPartnerPeopleForMerchantPage, PARTNER_PEOPLE_CURSOR_PARTS } from "@/lib/server/partner-staff/list-partner-people-for-merchant";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("whoCanSeeYourSettlements");

/** P6 (merchant side): per partner with access, the named people there who can read your ledgers; a keyset page of partners at a time. */
export default async function MerchantPartnerStaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMerchantContext();
  const now = new Date();
  const params = await searchParams;
  const query = parseListQuery(params, PARTNER_PEOPLE_CURSOR_PARTS, { size: 10 });
  const [page, t, tlist, format] = await Promise.all([listPartnerPeopleForMerchantPage(ctx, query, now), getTranslations("merchantPartnerStaff"), getTranslations("lists"), getFormatter()]);
  const partners = page.items;
  const path = "/merchant/partner-staff";
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} meta={ctx.salesUnitScope === "all" ? undefined : <span>{t("managerScope")}</span>} />
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard label={t("statPartners")} value={page.summary.partners} icon={Handshake} />
        <StatCard label={t("statPeople")} value={page.summary.people} icon={Users} />
        <StatCard label={t("statPersonalData")} value={page.summary.withPersonalData} icon={UserRound} />
      </div>
      {page.summary.partners > 1 ? (
        <ListSearch
          className="mb-4"
          value={query.q}
          label={tlist("partnersSearchLabel")}
          placeholder={tlist("partnersSearchPlaceholder")}
          submitLabel={tlist("search")}
          clearHref={path}
          clearLabel={tlist("clearSearch")}
        />
      ) : null}
      {partners.length === 0 && query.q ? (
        <EmptyState bordered icon={Users} title={tlist("noMatchTitle", { q: query.q })} description={tlist("noMatchPartners")} />
      ) : partners.length === 0 ? (
        <EmptyState bordered icon={Users} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <div className="grid gap-6">
          {partners.map((p) => (
            <Card key={p.partnerId} className="overflow-hidden" data-testid={`partner-people-${p.orgNo}`}>
              <CardHeader>
                <CardTitle className="flex flex-wrap items-center gap-2">
                  {p.name}
                  {p.status === "suspended" ? <Badge variant="danger">{t("suspended")}</Badge> : null}
                </CardTitle>
                <CardDescription className="tabular-nums">{t("orgNo", { orgNo: p.orgNo })}</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-6 lg:grid-cols-[18rem_1fr]">
                <section aria-label={t("ledgersOf", { partner: p.name })}>
                  <h3 className="mb-2 text-[0.8125rem] font-medium text-muted-foreground">{t("ledgers")}</h3>
                  <ul className="space-y-3">
                    {p.ledgers.map((l) => (
                      <li key={l.grantId} className="space-y-1">
                        <div className="flex flex-wrap items-center gap-2">
                          <span className="font-mono text-[0.8125rem] tabular-nums">{l.externalId}</span>
                          <Badge variant="outline">{l.currency}</Badge>
                          <GrantStatusBadge status={l.status} />
                        </div>
                        <p className="text-xs text-muted-foreground">{l.salesUnits.map((s) => s.name).join(", ")}</p>
                        <GrantScope {...l} />
                      </li>
                    ))}
                  </ul>
                </section>
                <section aria-label={t("peopleOf", { partner: p.name })} className="min-w-0">
                  <h3 className="mb-2 text-[0.8125rem] font-medium text-muted-foreground">{t("people")}</h3>
                  {p.people.length === 0 ? (
                    <p className="text-sm text-muted-foreground">{t("noPeople")}</p>
                  ) : (
                    <div className="overflow-hidden rounded-lg border border-border">
                      <Table aria-label={t("peopleOf", { partner: p.name })}>
                        <TableHeader>
                          <TableRow>
                            <TableHead>{t("colName")}</TableHead>
                            <TableHead>{t("colRole")}</TableHead>
                            <TableHead>{t("colLastAccess")}</TableHead>
                          </TableRow>
                        </TableHeader>
                        <TableBody>
                          {p.people.map((x) => (
                            <TableRow key={x.userId} data-testid={`person-${x.email}`}>
                              <TableCell>
                                <div className="font-medium">{x.name}</div>
                                <div className="text-xs text-muted-foreground">{x.email}</div>
                              </TableCell>
                              <TableCell>
                                <Badge variant={x.role === "owner" ? "primary" : "neutral"}>{t(x.role === "owner" ? "roleOwner" : "roleAccountant")}</Badge>
                                <div className="mt-1 text-xs text-muted-foreground">{t(x.role === "owner" ? "ownerWhy" : "accountantWhy")}</div>
                              </TableCell>
                              <TableCell className="text-sm text-muted-foreground">{x.lastAccessAt ? format.relativeTime(new Date(x.lastAccessAt), now) : t("never")}</TableCell>
                            </TableRow>
                          ))}
                        </TableBody>
                      </Table>
                    </div>
                  )}
                </section>
              </CardContent>
            </Card>
          ))}
          <Pagination
            summary={tlist("summary", { count: partners.length, total: page.total })}
            previousHref={page.prevCursor ? pageHref(path, params, { before: page.prevCursor }) : null}
            nextHref={page.nextCursor ? pageHref(path, params, { after: page.nextCursor }) : null}
            labels={{ navigation: tlist("pagination"), previous: tlist("previous"), next: tlist("next") }}
          />
        </div>
      )}
    </>
  );
}
