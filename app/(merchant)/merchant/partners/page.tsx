import type { ComponentProps } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronRight, Clock, Hourglass, Plus, SearchX, Store, Users, X } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListTable, RowOpenCell } from "@/components/ui/list-table";
import { OverviewFilters } from "@/components/grants/overview-filters";
import { CompactPartnerGrant, PARTNER_GRANT_CLASS, PARTNER_GRANT_ICONS, PartnerGrantNotes } from "@/components/grants/compact-partner-grant";
import { ROW_BADGE_CLASS } from "@/components/ui/row-badge";
import { iconSprite } from "@/components/ui/icon-sprite";
import type { ScopeText } from "@/components/ui/scope-lines";
import { scopeTexts } from "@/app/_shared/scope-text";
import { LedgerCell, SalesUnitCell } from "@/components/merchant/sales-unit-cell";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { listOverviewFilterOptions, listPartnerOverviewPage, OVERVIEW_CURSOR_PARTS, type OverviewSalesUnit } from "@/lib/server/merchant-partners/list-partner-overview";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { MerchantFindingsAlert } from "@/components/reconciliation/merchant-findings-alert";
import { openFindingsForMerchant } from "@/lib/server/reconciliation/findings";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("accountingPartners");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

// The sales units' rows, set once on the table (decision 045): on a phone each row is a small grid, the unit and
// its open link on the first line, the ledger and the partners under them.
const UNIT_ROW_CLASS = "unit-rows";

/**
 * M1: the sales units the user may see, a keyset page at a time, each with its ledger and the partners that
 * can read it; filter by sales unit or partner, search by name or MSN; stat cards counted in SQL.
 */
export default async function MerchantPartnersPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireMerchantContext();
  const sp = await searchParams;
  const filter = { salesUnitId: one(sp.salesUnit), partnerId: one(sp.partner) };
  const query = parseListQuery(sp, OVERVIEW_CURSOR_PARTS);
  const filtered = Boolean(filter.salesUnitId || filter.partnerId || query.q);

  const [page, options, findings, t, to, tlist, scope] = await Promise.all([
    listPartnerOverviewPage(ctx, filter, query),
    listOverviewFilterOptions(ctx),
    openFindingsForMerchant(ctx, { partnerId: filter.partnerId }),
    getTranslations("merchantPartners"),
    getTranslations("partnersOverview"),
    getTranslations("lists"),
    scopeTexts(),
  ]);
  const units = page.items;
  // The badges' explanations under the list, and their styles, only when such a badge is on the page.
  const notes = { outOfSync: units.some((u) => u.grants.some((g) => g.outOfSync)), suspended: units.some((u) => u.grants.some((g) => g.partnerSuspended)) };
  const path = "/merchant/partners";
  const canWrite = merchantCan(ctx.role, "grants.write");
  const pending = page.summary.pending;
  // The grants' icons, drawn once for the page (decision 045). The page's one sprite, so a page-wide id prefix, and
  // a short one: every row's <use> repeats it, in the HTML and the RSC payload.
  const icons = iconSprite("g", { ...PARTNER_GRANT_ICONS, open: ChevronRight });
  const grantRow = { scope: scope.grant, icon: icons.icon };
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={ctx.salesUnitScope === "all" ? undefined : <span>{t("managerScope", { count: options.salesUnits.length, merchant: ctx.merchantName })}</span>}
        actions={
          canWrite ? (
            <Button asChild>
              <Link href="/merchant/partners/new">
                <Plus aria-hidden />
                {to("addPartner")}
              </Link>
            </Button>
          ) : undefined
        }
      />
      <MerchantFindingsAlert findings={findings} />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {/* Under a filter the cards count what matches it ("2" of 4 sales units): say so rather than change their meaning silently. */}
        <StatCard label={t("salesUnits")} value={page.summary.salesUnits} icon={Store} hint={filtered ? t("statsFiltered") : undefined} />
        <StatCard label={t("activeGrants")} value={page.summary.partnersWithAccess} icon={Users} hint={filtered ? t("statsFiltered") : undefined} />
        <StatCard label={t("pending")} value={pending} icon={Hourglass} hint={filtered ? t("statsFiltered") : undefined} />
        <StatCard label={t("expiringSoon")} value={page.summary.expiringSoon} icon={Clock} hint={filtered ? t("statsFiltered") : undefined} />
      </div>
      {!canWrite ? <Alert className="mb-4" variant="info" title={t("readOnlyNotice")} /> : null}
      {pending > 0 ? (
        <Alert
          className="mb-4"
          variant="info"
          title={to("approvalsWaiting", { count: pending })}
          action={<Button asChild variant="outline" size="sm"><Link href="/merchant/approvals">{to("reviewApprovals")}</Link></Button>}
        />
      ) : null}
      {options.salesUnits.length > 0 ? <OverviewFilters salesUnits={options.salesUnits} partners={options.partners} clearIcon={<X aria-hidden />} /> : null}
      {page.summary.salesUnits > 1 ? (
        <ListSearch
          className="mb-4"
          value={query.q}
          label={tlist("salesUnitsSearchLabel")}
          placeholder={tlist("salesUnitsSearchPlaceholder")}
          submitLabel={tlist("search")}
          clearHref={pageHref(path, { ...sp, q: undefined }, {})}
          clearLabel={tlist("clearSearch")}
          keep={{ salesUnit: filter.salesUnitId, partner: filter.partnerId }}
        />
      ) : null}
      {units.length === 0 ? (
        filtered ? (
          <EmptyState bordered icon={SearchX} title={to("filteredEmptyTitle")} description={to("filteredEmptyDescription")} />
        ) : (
          <EmptyState bordered icon={Store} title={t("emptyTitle")} description={t("emptyDescription")} />
        )
      ) : (
        <>
        {/* One table, rendered once: on small screens each row stacks into a card (unit and link, then its ledger and
            partners) instead of needing sideways scrolling. It used to be rendered twice, as cards and as a table. */}
        {/* The grants' styles are set once on the table and their icons drawn once in the sprite (decision 041). */}
        {icons.sprite}
        <Card className="overflow-hidden p-0">
          <ListTable className={`${PARTNER_GRANT_CLASS} ${UNIT_ROW_CLASS}`}>
            <thead>
              <tr>
                <th scope="col" className="w-[26%]">{t("salesUnit")}</th>
                <th scope="col" className="w-[16%]">{t("ledger")}</th>
                <th scope="col">{t("partners")}</th>
                <th scope="col" className="w-12"><span className="sr-only">{t("viewDetails")}</span></th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.id} data-testid={`sales-unit-${u.msn}`}>
                  <td className="hd"><SalesUnitCell name={u.name} msn={u.msn} channel={u.channel} /></td>
                  <td className="w2"><LedgerCell ledger={u.ledger} /></td>
                  <td className="w2"><UnitPartners unit={u} row={grantRow} t={t} tlist={tlist} /></td>
                  <RowOpenCell className="go" href={`/merchant/sales-units/${u.id}`} label={`${t("viewDetails")}: ${u.name}`} icon={icons.icon("open", "size-4")} />
                </tr>
              ))}
            </tbody>
          </ListTable>
        </Card>
        {notes.outOfSync || notes.suspended ? (
          <div className={ROW_BADGE_CLASS}>
            <PartnerGrantNotes outOfSync={notes.outOfSync} suspended={notes.suspended} icon={icons.icon} />
          </div>
        ) : null}
        <Pagination
          className="mt-4"
          summary={tlist("summary", { count: units.length, total: page.total })}
          previousHref={page.prevCursor ? pageHref(path, sp, { before: page.prevCursor }) : null}
          nextHref={page.nextCursor ? pageHref(path, sp, { after: page.nextCursor }) : null}
          labels={{ navigation: tlist("pagination"), previous: tlist("previous"), next: tlist("next") }}
        />
        </>
      )}
    </>
  );
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** How a grant's row is drawn: its scope in words, and the page's sprite icons. */
interface GrantRow {
  scope: (grant: OverviewSalesUnit["grants"][number]) => ScopeText;
  icon: ComponentProps<typeof CompactPartnerGrant>["icon"];
}

/**
 * The partners of one sales unit's ledger: its live grants (the first LIVE_GRANTS_PER_UNIT), and links to the sales
 * unit's page for the rest and for the recently ended ones. The ended grants used to be listed here too, folded
 * away: a third of the page's rows that few open, rendered on every visit (decision 051).
 */
function UnitPartners({ unit, row, t, tlist }: { unit: OverviewSalesUnit; row: GrantRow; t: Translate; tlist: Translate }) {
  const live = unit.grants;
  const ended = unit.moreEnded;
  const ledger = unit.ledger?.externalId ?? "";
  const unitHref = `/merchant/sales-units/${unit.id}`;
  return (
    <div>
      {live.length === 0 ? (
        <div className="text-sm text-muted-foreground">
          <div>{t("noPartners")}</div>
          <div className="text-xs">{t("noPartnersHint")}</div>
        </div>
      ) : (
        <ul className="space-y-3">
          {live.map((g) => (
            <li key={g.id}><CompactPartnerGrant grant={g} scope={row.scope(g)} icon={row.icon} ledgerExternalId={ledger} /></li>
          ))}
        </ul>
      )}
      {unit.moreLive > 0 ? <Link href={unitHref} className="l mt-2 inline-block">{tlist("morePartners", { count: unit.moreLive })}</Link> : null}
      {ended > 0 ? <p className="mt-2"><Link href={unitHref} className="l text-xs" data-testid="ended-partners">{tlist("endedPartners", { count: ended })}</Link></p> : null}
    </div>
  );
}
