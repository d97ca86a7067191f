import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Download, ScrollText } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { VerifyChainButton } from "@/components/admin/verify-chain-button";
import { FilterSelect } from "@/components/reconciliation/filter-select";
import { requirePlatformAdmin } from "@/lib/server/authz/contexts";
import { OrgFilter } from "@/components/admin/org-filter";
import { listAuditEvents } from "@/lib/server/admin-audit/list-audit-events";
import { getOrganisationChoice } from "@/lib/server/admin-orgs/search-organisations";
import { verifyAuditChainAction } from "@/lib/server/admin-audit/actions";
import { auditFilterQuery, hasAuditFilters, parseAuditFilters } from "@/lib/admin-audit/filters";
import { AUDIT_EVENT_TYPES, auditEventLabelKey } from "@/lib/reconciliation/audit-event-types";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

const TARGET_TYPES = new Set(["LedgerGrant", "AccessRequest", "AccountingPartner", "ApiCredential", "ExportReceipt", "JournalAccountSettings", "Merchant", "PartnerMembership", "ReconciliationFinding"]);

export const generateMetadata = pageTitle("auditTrail");

/** A3: the append-only, hash-chained audit trail with filters, verify and export. Platform admins only. */
export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePlatformAdmin();
  const filters = parseAuditFilters(await searchParams);
  const [{ rows, nextBeforeId }, merchant, partner, t, tf, te] = await Promise.all([
    listAuditEvents(filters),
    getOrganisationChoice("merchant", filters.merchantId),
    getOrganisationChoice("partner", filters.partnerId),
    getTranslations("adminAudit"),
    getTranslations("adminAuditFilters"),
    getTranslations("auditEventTypes"),
  ]);
  const fmt = await getFormat();
  const target = (type: string) => (TARGET_TYPES.has(type) ? t(`targets.${type as "Merchant"}`) : t("targets.other"));
  const label = (code: string) => {
    const key = auditEventLabelKey(code);
    return key ? te(key as "grant__created") : te("unknown", { code });
  };
  const filtered = hasAuditFilters(filters);
  const query = auditFilterQuery(filters);
  const href = (before?: string) => {
    const q = auditFilterQuery(filters, before);
    return q ? `/admin/audit?${q}` : "/admin/audit";
  };
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild variant="outline">
            <a href={query ? `/api/admin/audit/export?${query}` : "/api/admin/audit/export"} download>
              <Download aria-hidden />
              {t("export")}
            </a>
          </Button>
        }
      />
      <div className="mb-6">
        <VerifyChainButton verifyAction={verifyAuditChainAction} />
      </div>
      <form method="get" action="/admin/audit" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("title")}>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
          {tf("actor")}
          <Input name="actor" defaultValue={filters.actor ?? ""} className="w-48" maxLength={100} />
        </label>
        <FilterSelect label={tf("eventType")} name="type" defaultValue={filters.action ?? ""}>
          <option value="">{tf("anyEventType")}</option>
          {AUDIT_EVENT_TYPES.map((code) => (
            <option key={code} value={code}>{label(code)}</option>
          ))}
        </FilterSelect>
        <OrgFilter kind="merchant" name="merchant" initial={merchant} className="w-60" small />
        <OrgFilter kind="partner" name="partner" initial={partner} className="w-60" small />
        <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
          {tf("from")}
          <Input type="date" name="from" defaultValue={filters.from ?? ""} className="w-40" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
          {tf("to")}
          <Input type="date" name="to" defaultValue={filters.to ?? ""} className="w-40" />
        </label>
        <Button type="submit" variant="outline">{tf("apply")}</Button>
        {filtered ? <Link className="pb-2 text-sm text-primary hover:underline" href="/admin/audit">{tf("clear")}</Link> : null}
      </form>
      {rows.length === 0 ? (
        <EmptyState bordered icon={ScrollText} title={t("emptyTitle")} description={filtered ? tf("filteredEmpty") : t("emptyDescription")} />
      ) : (
        <Card className="overflow-hidden p-0">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("time")}</TableHead>
                <TableHead>{t("actor")}</TableHead>
                <TableHead>{t("action")}</TableHead>
                <TableHead>{t("organisations")}</TableHead>
                <TableHead>{t("target")}</TableHead>
                <TableHead>{t("hash")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((e) => (
                <TableRow key={e.id} data-testid="audit-row" data-action={e.action}>
                  <TableCell className="whitespace-nowrap text-sm tabular-nums">{fmt.dateTime(e.at)}</TableCell>
                  <TableCell className="text-sm">{e.actor}</TableCell>
                  <TableCell><Badge variant="outline" title={e.action}>{label(e.action)}</Badge></TableCell>
                  <TableCell className="text-sm">
                    {e.merchantName ? <div>{e.merchantName}</div> : null}
                    {e.partnerName ? <div className="text-muted-foreground">{e.partnerName}</div> : null}
                  </TableCell>
                  <TableCell className="text-sm text-muted-foreground" title={`${e.targetType} ${e.targetId}`}>
                    {/* Plain words for what changed; the grant links to its history instead of showing its id. */}
                    {e.targetType === "LedgerGrant" ? (
                      <Link className="text-primary hover:underline" href={`/admin/access/grants/${e.targetId}`} aria-label={`${target(e.targetType)}: ${t("openGrant")}`}>{target(e.targetType)}</Link>
                    ) : target(e.targetType)}
                  </TableCell>
                  <TableCell className="font-mono text-xs text-muted-foreground" title={e.hash}>{e.hash.slice(0, 12)}…</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      <nav className="mt-4 flex justify-between" aria-label={t("pages")}>
        {filters.beforeId ? <Link className="text-sm text-primary hover:underline" href={href()}>{t("newest")}</Link> : <span />}
        {nextBeforeId ? <Link className="text-sm text-primary hover:underline" href={href(nextBeforeId)}>{t("older")} →</Link> : null}
      </nav>
    </>
  );
}
