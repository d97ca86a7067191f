import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { GitCompareArrows } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CheckNowButton } from "@/components/reconciliation/check-now-button";
import { FilterSelect } from "@/components/reconciliation/filter-select";
import { requirePlatformAdmin } from "@/lib/server/authz/contexts";
import { OrgFilter } from "@/components/admin/org-filter";
import { latestRun, listFindings } from "@/lib/server/reconciliation/findings";
import { getOrganisationChoice } from "@/lib/server/admin-orgs/search-organisations";
import { checkReconciliationNowAction } from "@/lib/server/reconciliation/actions";
import { FINDING_KINDS, parseFindingFilters, type FindingFilters } from "@/lib/reconciliation/types";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("reconciliation");

function hrefFor(f: FindingFilters, cursor?: string): string {
  const q = new URLSearchParams();
  if (f.kind) q.set("kind", f.kind);
  if (f.partnerId) q.set("partner", f.partnerId);
  if (f.merchantId) q.set("merchant", f.merchantId);
  if (f.state !== "open") q.set("state", f.state);
  if (cursor) q.set("after", cursor);
  const s = q.toString();
  return s ? `/admin/reconciliation?${s}` : "/admin/reconciliation";
}

/** A2: what partners' keys read upstream against the grants here, with filters and "Check now". Platform admins only. */
export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePlatformAdmin();
  const filters = parseFindingFilters(await searchParams);
  const [{ rows, nextCursor }, partner, merchant, run, t] = await Promise.all([
    listFindings(filters),
    getOrganisationChoice("partner", filters.partnerId),
    getOrganisationChoice("merchant", filters.merchantId),
    latestRun(),
    getTranslations("reconciliation"),
  ]);
  const fmt = await getFormat();
  const when = (iso: string) => fmt.dateTime(iso);
  const running = run !== null && run.finishedAt === null;
  const filtered = Boolean(filters.kind || filters.partnerId || filters.merchantId || filters.state !== "open");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<CheckNowButton checkAction={checkReconciliationNowAction} running={running} />} />
      <div className="mb-6 space-y-3" data-testid="reconciliation-run">
        {run === null ? <p className="text-sm text-muted-foreground">{t("neverRun")}</p> : null}
        {run && running ? <p className="text-sm text-muted-foreground">{t("running", { when: when(run.startedAt) })}</p> : null}
        {run && !running ? (
          <p className="text-sm text-muted-foreground">
            {t("lastRun", { when: when(run.finishedAt ?? run.startedAt), checked: run.partnersChecked, opened: run.opened, resolved: run.resolved })}
          </p>
        ) : null}
        {run && !running && run.partnersFailed > 0 ? <Alert variant="warning" title={t("lastRunFailed", { failed: run.partnersFailed })} /> : null}
      </div>
      <form method="get" action="/admin/reconciliation" className="mb-4 flex flex-wrap items-end gap-3" aria-label={t("title")}>
        <FilterSelect label={t("filterKind")} name="kind" defaultValue={filters.kind ?? ""}>
          <option value="">{t("anyKind")}</option>
          {FINDING_KINDS.map((k) => (
            <option key={k} value={k}>{t(`kind_${k}`)}</option>
          ))}
        </FilterSelect>
        <OrgFilter kind="partner" name="partner" initial={partner} className="w-60" small />
        <OrgFilter kind="merchant" name="merchant" initial={merchant} className="w-60" small />
        <FilterSelect label={t("filterState")} name="state" defaultValue={filters.state}>
          <option value="open">{t("stateOpen")}</option>
          <option value="resolved">{t("stateResolved")}</option>
          <option value="all">{t("stateAll")}</option>
        </FilterSelect>
        <Button type="submit" variant="outline">{t("apply")}</Button>
        {filtered ? <Link className="pb-2 text-sm text-primary hover:underline" href="/admin/reconciliation">{t("clear")}</Link> : null}
      </form>
      {rows.length === 0 ? (
        <EmptyState bordered icon={GitCompareArrows} title={t("emptyTitle")} description={filtered ? t("emptyFiltered") : t("emptyOpen")} />
      ) : (
        <Card className="overflow-hidden p-0">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("kind")}</TableHead>
                <TableHead>{t("partner")}</TableHead>
                <TableHead>{t("merchant")}</TableHead>
                <TableHead>{t("ledger")}</TableHead>
                <TableHead>{t("firstSeen")}</TableHead>
                <TableHead>{t("lastSeen")}</TableHead>
                <TableHead>{t("status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((f) => (
                <TableRow key={f.id} data-testid="finding-row" data-kind={f.kind} data-state={f.resolvedAt ? "resolved" : "open"}>
                  <TableCell>
                    <Badge variant={f.kind === "upstream_only" ? "danger" : "warning"} title={t(`kind_${f.kind}`)}>{t(`kindShort_${f.kind}`)}</Badge>
                  </TableCell>
                  <TableCell className="text-sm">
                    <div>{f.partnerName}</div>
                    <div className="text-xs text-muted-foreground tabular-nums">{f.partnerOrgNo}</div>
                  </TableCell>
                  <TableCell className="text-sm">{f.merchantName ?? <span className="text-muted-foreground">{t("unknownMerchant")}</span>}</TableCell>
                  <TableCell className="font-mono text-sm tabular-nums">{f.ledgerExternalId}</TableCell>
                  <TableCell className="whitespace-nowrap text-sm tabular-nums">{when(f.firstSeenAt)}</TableCell>
                  <TableCell className="whitespace-nowrap text-sm tabular-nums">{when(f.lastSeenAt)}</TableCell>
                  <TableCell>
                    {f.resolvedAt ? (
                      <>
                        <Badge variant="success" title={t("resolvedAt", { when: when(f.resolvedAt) })}>{t("resolved")}</Badge>
                        <div className="mt-1 text-xs text-muted-foreground tabular-nums">{when(f.resolvedAt)}</div>
                      </>
                    ) : (
                      <Badge variant="warning" dot>{t("open")}</Badge>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {filters.cursor || nextCursor ? (
        <Pagination
          className="mt-4"
          previousHref={filters.cursor ? hrefFor(filters) : null}
          nextHref={nextCursor ? hrefFor(filters, nextCursor) : null}
          labels={{ navigation: t("title"), previous: t("first"), next: t("next") }}
        />
      ) : null}
    </>
  );
}
