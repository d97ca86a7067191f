import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Building2, Handshake, Layers, UserRound } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { requirePlatformAdmin } from "@/lib/server/authz/contexts";
import { countGrantsByStatus } from "@/lib/server/admin-access/count-grants-by-status";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";

export const metadata: Metadata = { title: "Access overview" };

const ORDER: GrantDisplayStatus[] = ["active", "expiring_soon", "pending_approval", "expired", "revoked", "declined"];
const BAR: Record<GrantDisplayStatus, string> = {
  active: "bg-success", expiring_soon: "bg-warning", pending_approval: "bg-info", expired: "bg-neutral", revoked: "bg-neutral/60", declined: "bg-danger",
};

/** A1's first view: every grant across all tenants, counted by status. Platform admins only. */
export default async function AdminAccessPage() {
  await requirePlatformAdmin();
  const [summary, t] = await Promise.all([countGrantsByStatus(), getTranslations("adminAccess")]);
  const max = Math.max(1, ...Object.values(summary.byStatus));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label={t("total")} value={summary.total} icon={Layers} />
        <StatCard label={t("merchants")} value={summary.merchants} icon={Building2} />
        <StatCard
          label={t("partnersApproved")}
          value={summary.partners.approved}
          icon={Handshake}
          hint={`${t("partnersPending", { count: summary.partners.pending })} · ${t("partnersSuspended", { count: summary.partners.suspended })}`}
        />
        <StatCard label={t("personalData")} value={summary.grantsWithPersonalData} icon={UserRound} />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("byStatus")}</CardTitle>
          <CardDescription>{t("byStatusHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          {summary.total === 0 ? (
            <EmptyState icon={Layers} title={t("emptyTitle")} description={t("emptyDescription")} size="sm" />
          ) : (
            <dl className="space-y-3" data-testid="grants-by-status">
              {ORDER.map((status) => (
                <div key={status} className="grid grid-cols-[9rem_1fr_3rem] items-center gap-3">
                  <dt><GrantStatusBadge status={status} /></dt>
                  <div className="h-2.5 overflow-hidden rounded-full bg-muted" aria-hidden>
                    <div className={`h-full rounded-full ${BAR[status]}`} style={{ width: `${(summary.byStatus[status] / max) * 100}%` }} />
                  </div>
                  <dd className="text-right text-sm font-medium tabular-nums" data-status={status}>{summary.byStatus[status]}</dd>
                </div>
              ))}
            </dl>
          )}
        </CardContent>
      </Card>
    </>
  );
}
