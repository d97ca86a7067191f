import { getTranslations } from "next-intl/server";
import { Briefcase, ShieldAlert, UserLock, UserRoundCheck, Users } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ListTable } from "@/components/ui/list-table";
import { AssignClientsDialog } from "@/components/staff/assign-clients-dialog";
import { AssignClientsButton } from "@/components/staff/assign-clients-button";
import { requirePartnerContext } from "@/lib/server/authz/contexts";
import { partnerCan } from "@/lib/server/authz/permissions";
import { listPartnerStaffPage, STAFF_CURSOR_PARTS } from "@/lib/server/partner-staff/list-partner-staff";
import { ListSearch } from "@/components/ui/list-search";
import { Pagination } from "@/components/ui/pagination";
import { pageHref, parseListQuery } from "@/lib/paging/keyset";
import { pageTitle } from "@/lib/server/i18n/page-title";

/** Assigned clients named per accountant in the table (the dialog has them all). */
const BADGES_PER_MEMBER = 10;

export const generateMetadata = pageTitle("staff");

/**
 * P6: who at the firm works on which client, a keyset page of people at a time, searched by name or e-mail.
 * Owners manage it; an accountant sees only assigned clients.
 */
export default async function PartnerStaffPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePartnerContext();
  const params = await searchParams;
  const [t, tlist] = await Promise.all([getTranslations("partnerStaff"), getTranslations("lists")]);
  if (ctx.partnerStatus === "suspended") {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState bordered icon={ShieldAlert} title={t("suspendedTitle")} description={t("suspendedDescription", { partner: ctx.partnerName })} />
      </>
    );
  }
  if (!partnerCan(ctx.role, "staff.write")) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description", { partner: ctx.partnerName })} />
        <EmptyState bordered icon={UserLock} title={t("ownersOnlyTitle")} description={t("ownersOnlyDescription", { partner: ctx.partnerName })} data-testid="owners-only" />
      </>
    );
  }
  const query = parseListQuery(params, STAFF_CURSOR_PARTS);
  const page = await listPartnerStaffPage(ctx, query);
  const { clients } = page;
  const members = page.items;
  const path = "/partner/staff";
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { partner: ctx.partnerName })} />
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard label={t("statPeople")} value={page.summary.people} icon={Users} />
        <StatCard label={t("statAccountants")} value={page.summary.accountants} icon={UserRoundCheck} />
        <StatCard label={t("statClients")} value={page.summary.clients} icon={Briefcase} />
      </div>
      {page.summary.people > 1 ? (
        <ListSearch
          className="mb-4"
          value={query.q}
          label={tlist("staffSearchLabel")}
          placeholder={tlist("staffSearchPlaceholder")}
          submitLabel={tlist("search")}
          clearHref={path}
          clearLabel={tlist("clearSearch")}
        />
      ) : null}
      {/* Lean rows (decision 041): styles set once on the table, compact badges, and one dialog for every row. */}
      <AssignClientsDialog clients={dialogClients(clients, members)}>
      <Card className="overflow-hidden p-0">
        <ListTable aria-label={t("tableLabel")} className="[&_.cl]:flex [&_.cl]:flex-wrap [&_.cl]:gap-1.5">
          <thead>
            <tr>
              <th scope="col" className="w-[30%]">{t("colPerson")}</th>
              <th scope="col">{t("colRole")}</th>
              <th scope="col" className="w-[40%]">{t("colClients")}</th>
              <th scope="col" className="text-right"><span className="sr-only">{t("colActions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.membershipId} data-testid={`staff-${m.email}`}>
                <td>
                  <div className="font-medium">{m.name}</div>
                  <div className="m">{m.email}</div>
                </td>
                <td><span className={m.role === "owner" ? "b v-primary" : "b v-neutral"}>{t(m.role === "owner" ? "roleOwner" : "roleAccountant")}</span></td>
                <td>
                  {m.role === "owner" ? (
                    <span className="q">{t("allClients")}</span>
                  ) : m.assignedMerchantIds.length === 0 ? (
                    <span className="q">{t("noClients")}</span>
                  ) : (
                    <ul className="cl" aria-label={t("assignedTo", { name: m.name })}>
                      {m.assignedClients.slice(0, BADGES_PER_MEMBER).map((c) => <li key={c.merchantId}><span className="b v-outline">{c.name}</span></li>)}
                      {m.assignedClients.length > BADGES_PER_MEMBER ? <li><span className="b v-neutral">{tlist("moreClients", { count: m.assignedClients.length - BADGES_PER_MEMBER })}</span></li> : null}
                    </ul>
                  )}
                </td>
                <td className="text-right">
                  {m.role === "accountant" ? (
                    page.summary.clients > 0 ? (
                      <AssignClientsButton membershipId={m.membershipId} name={m.name} assigned={m.assignedMerchantIds} label={t("chooseClients")} ariaLabel={t("chooseClientsFor", { name: m.name })} />
                    ) : <span className="m">{t("noClientsYet")}</span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </ListTable>
        <div className="border-t border-border px-5 py-3">
          <Pagination
            summary={tlist("summary", { count: members.length, total: page.total })}
            previousHref={page.prevCursor ? pageHref(path, params, { before: page.prevCursor }) : null}
            nextHref={page.nextCursor ? pageHref(path, params, { after: page.nextCursor }) : null}
            labels={{ navigation: tlist("pagination"), previous: tlist("previous"), next: tlist("next") }}
          />
        </div>
      </Card>
      </AssignClientsDialog>
      <p className="mt-3 text-[0.8125rem] text-muted-foreground">{t("merchantsSee")}</p>
      {page.summary.clients > clients.length ? (
        <p className="mt-1 text-[0.8125rem] text-muted-foreground">{tlist("staffDialogClients", { shown: clients.length, total: page.summary.clients })}</p>
      ) : null}
    </>
  );
}

/**
 * The clients the one dialog offers: the firm's first clients by name, and the assigned clients of the accountants
 * on this page that are not among them (each once). The dialog puts an accountant's own first.
 */
function dialogClients<C extends { merchantId: string }>(firstClients: C[], members: { assignedClients: C[] }[]): C[] {
  const seen = new Set(firstClients.map((c) => c.merchantId));
  const extra = members.flatMap((m) => m.assignedClients).filter((c) => !seen.has(c.merchantId) && Boolean(seen.add(c.merchantId)));
  return [...firstClients, ...extra];
}
