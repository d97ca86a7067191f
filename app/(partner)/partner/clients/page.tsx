import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Briefcase, ChevronRight, Landmark, ShieldAlert, UserRound } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ListTable, RowOpenCell } from "@/components/ui/list-table";
import { iconSprite } from "@/components/ui/icon-sprite";
import { RowBadge } from "@/components/ui/row-badge";
import { GRANT_SCOPE_ICONS, SCOPE_LINES_CLASS, ScopeLines } from "@/components/ui/scope-lines";
import { GRANT_STATUS_VARIANT } from "@/components/grants/grant-status-variant";
import { scopeTexts } from "@/app/_shared/scope-text";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { requirePartnerContext } from "@/lib/server/authz/contexts";
import { CLIENT_CURSOR_PARTS, listClientsPage } from "@/lib/server/partner-clients/list-clients";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("clients");

type SearchParams = Record<string, string | string[] | undefined>;

// The page's own row styles, set once on the table: the client's name, its ledgers (a ledger's head line over its
// scope).
const CLIENT_ROW_CLASS = "client-rows";

/**
 * P1: the merchants and ledgers granted to this partner (accountants: their assigned clients), one keyset page
 * at a time with a server-side search; the stat cards are counted in SQL.
 */
export default async function PartnerClientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requirePartnerContext();
  const params = await searchParams;
  const query = parseListQuery(params, CLIENT_CURSOR_PARTS);
  const [page, t, tl, tlist, tstatus, scope] = await Promise.all([
    listClientsPage(ctx, query),
    getTranslations("partnerClients"),
    getTranslations("ledgerView"),
    getTranslations("lists"),
    getTranslations("grantStatus"),
    scopeTexts(),
  ]);
  const clients = page.items;
  // The one list on the page: a fixed id prefix for its sprite (an async page cannot call useId).
  const icons = iconSprite("c", { ...GRANT_SCOPE_ICONS, open: ChevronRight });
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
          {/* Lean rows (decision 045): styles set once on the table, the row icons drawn once in the sprite. */}
          {icons.sprite}
          <ListTable className={`${SCOPE_LINES_CLASS} ${CLIENT_ROW_CLASS}`}>
            <thead>
              <tr>
                <th scope="col" className="w-[30%]">{t("clients")}</th>
                <th scope="col">{t("ledgers")}</th>
                <th scope="col" className="w-12"><span className="sr-only">{t("openClient")}</span></th>
              </tr>
            </thead>
            <tbody>
              {clients.map((c) => (
                <tr key={c.merchantId} data-testid={`client-${c.orgNo}`}>
                  <td>
                    <Link href={`/partner/clients/${c.merchantId}`} className="n">{c.merchantName}</Link>
                    <div className="m mt-0.5 tabular-nums">{t("orgNo", { orgNo: c.orgNo })} · {c.country}</div>
                  </td>
                  <td>
                    <ul className="ls">
                      {c.ledgers.map((l) => (
                        <li key={l.grantId}>
                          <div className="lh">
                            <Link href={`/partner/ledgers/${l.ledgerExternalId}`} className="l mono" aria-label={tl("title", { ledgerId: l.ledgerExternalId })}>{l.ledgerExternalId}</Link>
                            <RowBadge variant="outline">{l.currency}</RowBadge>
                            <span className="q">{l.salesUnits.map((s) => s.name).join(", ")}</span>
                            <RowBadge variant={GRANT_STATUS_VARIANT[l.status]} dot>{tstatus(l.status)}</RowBadge>
                          </div>
                          <ScopeLines scope={scope.grant(l)} icon={icons.icon} />
                        </li>
                      ))}
                    </ul>
                    {c.moreLedgers > 0 ? (
                      <Link href={`/partner/clients/${c.merchantId}`} className="l mt-2 inline-block text-sm">{tlist("moreLedgers", { count: c.moreLedgers })}</Link>
                    ) : null}
                  </td>
                  <RowOpenCell href={`/partner/clients/${c.merchantId}`} label={`${t("openClient")}: ${c.merchantName}`} icon={icons.icon("open", "size-4")} />
                </tr>
              ))}
            </tbody>
          </ListTable>
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
