import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ChevronRight, Clock, Hourglass, Store, Users } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Card } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { GrantScope } from "@/components/grants/grant-scope";
import { LedgerCell, SalesUnitCell } from "@/components/merchant/sales-unit-cell";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { listPartnerOverview } from "@/lib/server/merchant-partners/list-partner-overview";
import { isLive } from "@/lib/grants/grant-status";

export const metadata: Metadata = { title: "Accounting partners" };

/** M1: every sales unit the user may see, its ledger, and the partners that can read it. */
export default async function MerchantPartnersPage() {
  const ctx = await requireMerchantContext();
  const [units, t] = await Promise.all([listPartnerOverview(ctx), getTranslations("merchantPartners")]);
  const grants = units.flatMap((u) => u.grants);
  const partnersWithAccess = new Set(grants.filter((g) => g.status === "active" || g.status === "expiring_soon").map((g) => g.partnerOrgNo));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        meta={ctx.salesUnitScope === "all" ? undefined : <span>{t("managerScope", { count: units.length, merchant: ctx.merchantName })}</span>}
      />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t("salesUnits")} value={units.length} icon={Store} />
        <StatCard label={t("activeGrants")} value={partnersWithAccess.size} icon={Users} />
        <StatCard label={t("pending")} value={grants.filter((g) => g.status === "pending_approval").length} icon={Hourglass} />
        <StatCard label={t("expiringSoon")} value={grants.filter((g) => g.status === "expiring_soon").length} icon={Clock} />
      </div>
      {!merchantCan(ctx.role, "grants.write") ? <Alert className="mb-4" variant="info" title={t("readOnlyNotice")} /> : null}
      {units.length === 0 ? (
        <EmptyState bordered icon={Store} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="overflow-hidden p-0">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead className="w-[28%]">{t("salesUnit")}</TableHead>
                <TableHead className="w-[18%]">{t("ledger")}</TableHead>
                <TableHead>{t("partners")}</TableHead>
                <TableHead className="w-12"><span className="sr-only">{t("viewDetails")}</span></TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {units.map((u) => {
                const live = u.grants.filter((g) => isLive(g.status));
                return (
                  <TableRow key={u.id} data-testid={`sales-unit-${u.msn}`}>
                    <TableCell className="align-top"><SalesUnitCell name={u.name} msn={u.msn} channel={u.channel} /></TableCell>
                    <TableCell className="align-top"><LedgerCell ledger={u.ledger} /></TableCell>
                    <TableCell className="align-top">
                      {live.length === 0 ? (
                        <div className="text-sm text-muted-foreground">
                          <div>{t("noPartners")}</div>
                          <div className="text-xs">{t("noPartnersHint")}</div>
                        </div>
                      ) : (
                        <ul className="space-y-3">
                          {live.map((g) => (
                            <li key={g.id} className="flex flex-col gap-1.5 sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                              <div className="min-w-0">
                                <div className="flex flex-wrap items-center gap-2">
                                  <span className="font-medium">{g.partnerName}</span>
                                  <GrantStatusBadge status={g.status} />
                                </div>
                                <div className="mt-1"><GrantScope {...g} /></div>
                              </div>
                            </li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                    <TableCell className="align-top text-right">
                      <Link href={`/merchant/sales-units/${u.id}`} className="focus-ring inline-flex rounded-md p-1.5 text-muted-foreground hover:bg-accent hover:text-foreground" aria-label={`${t("viewDetails")}: ${u.name}`}>
                        <ChevronRight aria-hidden className="size-4" />
                      </Link>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Card>
      )}
    </>
  );
}
