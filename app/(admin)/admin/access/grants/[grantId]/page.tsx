import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ShieldAlert } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { GrantHistory } from "@/components/grants/grant-history";
import { requirePlatformAdmin } from "@/lib/server/authz/contexts";
import { getOverviewGrant, listAdminGrantHistory } from "@/lib/server/admin-access/grant-overview";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("grant");

/** A1 drill-down: one grant across tenants, with its whole history from the audit trail. Platform admins only. */
export default async function AdminGrantPage({ params }: { params: Promise<{ grantId: string }> }) {
  await requirePlatformAdmin();
  const { grantId } = await params;
  const grant = await getOverviewGrant(grantId);
  if (!grant) notFound();
  const [history, t] = await Promise.all([listAdminGrantHistory(grant.id), getTranslations("adminOverview")]);
  const fmt = await getFormat();
  const day = (d: string | null) => (d ? fmt.ledgerDate(d) : null);
  const periodText = (g: { periodFrom: string | null; periodTo: string | null }) =>
    fmt.period({ from: g.periodFrom, to: g.periodTo }, { from: (from) => t("periodFrom", { from }), until: (to) => t("periodTo", { to }), all: t("allDates") });
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: t("title"), href: "/admin/access" }, { label: `${grant.merchant.name} · ${grant.ledger.externalId}` }]}
        title={t("grantTitle", { partner: grant.partner.name, ledger: grant.ledger.externalId })}
        titleAddon={<GrantStatusBadge status={grant.status} />}
        meta={<span className="tabular-nums">{grant.merchant.name} · {grant.merchant.orgNo}</span>}
      />
      {grant.partner.status === "suspended" ? (
        <Alert className="mb-6" variant="warning" icon={<ShieldAlert />} title={t("partnerSuspended")} description={t("partnerSuspendedGrant", { partner: grant.partner.name })} />
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader><CardTitle>{t("scope")}</CardTitle></CardHeader>
          <CardContent>
            <DescriptionList
              items={[
                { term: t("merchant"), description: <Link className="text-primary hover:underline" href={`/admin/access?merchant=${grant.merchant.id}`}>{grant.merchant.name}</Link> },
                { term: t("salesUnits"), description: <ul>{grant.salesUnits.map((u) => <li key={u.msn}>{u.name} <span className="text-xs text-muted-foreground tabular-nums">· {u.msn}</span></li>)}</ul> },
                { term: t("ledger"), description: <span className="flex items-center gap-2"><span className="font-mono tabular-nums">{grant.ledger.externalId}</span><Badge variant="outline">{grant.ledger.currency}</Badge></span> },
                { term: t("partner"), description: <Link className="text-primary hover:underline" href={`/admin/access?partner=${grant.partner.id}`}>{grant.partner.name} · {grant.partner.orgNo}</Link> },
                { term: t("periodTerm"), description: periodText(grant) },
                { term: t("personalDataTerm"), description: grant.includesPersonalData ? t("withPersonalData") : t("withoutPersonalData") },
                { term: t("validUntilTerm"), description: grant.validUntil ? (day(grant.validUntil) ?? "") : t("noEnd") },
                { term: t("grantedByTerm"), description: grant.grantedBy ?? "—" },
                { term: t("approvedByTerm"), description: grant.approvedBy ?? "—" },
                { term: t("lastUse"), description: grant.lastUsedAt ? fmt.dateTime(grant.lastUsedAt) : t("never") },
              ]}
            />
            <p className="mt-4 text-xs text-muted-foreground">{t("enforcedWhere")}</p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("historyTitle")}</CardTitle>
            <CardDescription>{t("historyHint")}</CardDescription>
          </CardHeader>
          <CardContent><GrantHistory entries={history} /></CardContent>
        </Card>
      </div>
    </>
  );
}
