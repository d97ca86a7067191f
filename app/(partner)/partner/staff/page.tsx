import { getTranslations } from "next-intl/server";
import { Briefcase, ShieldAlert, UserLock, UserRoundCheck, Users } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AssignClientsDialog } from "@/components/staff/assign-clients-dialog";
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
      <Card className="overflow-hidden p-0">
        <Table aria-label={t("tableLabel")}>
          <TableHeader>
            <TableRow>
              <TableHead className="w-[30%]">{t("colPerson")}</TableHead>
              <TableHead>{t("colRole")}</TableHead>
              <TableHead className="w-[40%]">{t("colClients")}</TableHead>
              <TableHead className="text-right"><span className="sr-only">{t("colActions")}</span></TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {members.map((m) => (
              <TableRow key={m.membershipId} data-testid={`staff-${m.email}`}>
                <TableCell className="align-top">
                  <div className="font-medium">{m.name}</div>
                  <div className="text-xs text-muted-foreground">{m.email}</div>
                </TableCell>
                <TableCell className="align-top"><Badge variant={m.role === "owner" ? "primary" : "neutral"}>{t(m.role === "owner" ? "roleOwner" : "roleAccountant")}</Badge></TableCell>
                <TableCell className="align-top">
                  {m.role === "owner" ? (
                    <span className="text-sm text-muted-foreground">{t("allClients")}</span>
                  ) : m.assignedMerchantIds.length === 0 ? (
                    <span className="text-sm text-muted-foreground">{t("noClients")}</span>
                  ) : (
                    <ul className="flex flex-wrap gap-1.5" aria-label={t("assignedTo", { name: m.name })}>
                      {m.assignedClients.slice(0, BADGES_PER_MEMBER).map((c) => <li key={c.merchantId}><Badge variant="outline">{c.name}</Badge></li>)}
                      {m.assignedClients.length > BADGES_PER_MEMBER ? <li><Badge variant="neutral">{tlist("moreClients", { count: m.assignedClients.length - BADGES_PER_MEMBER })}</Badge></li> : null}
                    </ul>
                  )}
                </TableCell>
                <TableCell className="align-top text-right">
                  {m.role === "accountant" ? (
                    page.summary.clients > 0 ? <AssignClientsDialog membershipId={m.membershipId} name={m.name} clients={dialogClients(clients, m.assignedClients)} assigned={m.assignedMerchantIds} /> : <span className="text-xs text-muted-foreground">{t("noClientsYet")}</span>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <div className="border-t border-border px-5 py-3">
          <Pagination
            summary={tlist("summary", { count: members.length, total: page.total })}
            previousHref={page.prevCursor ? pageHref(path, params, { before: page.prevCursor }) : null}
            nextHref={page.nextCursor ? pageHref(path, params, { after: page.nextCursor }) : null}
            labels={{ navigation: tlist("pagination"), previous: tlist("previous"), next: tlist("next") }}
          />
        </div>
      </Card>
      <p className="mt-3 text-[0.8125rem] text-muted-foreground">{t("merchantsSee")}</p>
      {page.summary.clients > clients.length ? (
        <p className="mt-1 text-[0.8125rem] text-muted-foreground">{tlist("staffDialogClients", { shown: clients.length, total: page.summary.clients })}</p>
      ) : null}
    </>
  );
}

/** The dialog's choices: the accountant's assigned clients first, then the firm's first clients by name. */
function dialogClients<C extends { merchantId: string }>(firstClients: C[], assigned: C[]): C[] {
  const seen = new Set(assigned.map((c) => c.merchantId));
  return [...assigned, ...firstClients.filter((c) => !seen.has(c.merchantId))];
}
