import type { Metadata } from "next";
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
import { listPartnerStaff } from "@/lib/server/partner-staff/list-partner-staff";

export const metadata: Metadata = { title: "Staff" };

/** P6: who at the firm works on which client. Owners manage it; an accountant sees only assigned clients. */
export default async function PartnerStaffPage() {
  const ctx = await requirePartnerContext();
  const t = await getTranslations("partnerStaff");
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
  const { members, clients } = await listPartnerStaff(ctx);
  const names = new Map(clients.map((c) => [c.merchantId, c.name]));
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { partner: ctx.partnerName })} />
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
        <StatCard label={t("statPeople")} value={members.length} icon={Users} />
        <StatCard label={t("statAccountants")} value={members.filter((m) => m.role === "accountant").length} icon={UserRoundCheck} />
        <StatCard label={t("statClients")} value={clients.length} icon={Briefcase} />
      </div>
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
                      {m.assignedMerchantIds.map((id) => <li key={id}><Badge variant="outline">{names.get(id)}</Badge></li>)}
                    </ul>
                  )}
                </TableCell>
                <TableCell className="align-top text-right">
                  {m.role === "accountant" ? (
                    clients.length > 0 ? <AssignClientsDialog membershipId={m.membershipId} name={m.name} clients={clients} assigned={m.assignedMerchantIds} /> : <span className="text-xs text-muted-foreground">{t("noClientsYet")}</span>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <p className="mt-3 text-[0.8125rem] text-muted-foreground">{t("merchantsSee")}</p>
    </>
  );
}
