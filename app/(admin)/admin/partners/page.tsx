import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Handshake } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { PartnerStatusDialog } from "@/components/admin/partner-status-buttons";
import { PartnerStepButton } from "@/components/admin/partner-step-button";
import { requirePlatformAdmin } from "@/lib/server/authz/contexts";
import { countPartnersByStatus, encodePartnerCursor, listPartners, listPartnerStatusEvents, parsePartnerListQuery, PARTNER_STATUSES } from "@/lib/server/admin-partners/list-partners";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("partners");

const STATUS_VARIANT: Record<(typeof PARTNER_STATUSES)[number], BadgeVariant> = { pending: "info", approved: "success", suspended: "danger" };

/** A4: the partner directory: every accounting partner with its counts; approve, suspend, re-activate. Platform admins only. */
export default async function AdminPartnersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePlatformAdmin();
  const query = parsePartnerListQuery(await searchParams);
  const [page, counts, t] = await Promise.all([listPartners(query), countPartnersByStatus(query), getTranslations("adminPartners")]);
  const fmt = await getFormat();
  const reasons = new Map(
    await Promise.all(page.rows.filter((p) => p.status === "suspended").map(async (p) => [p.id, (await listPartnerStatusEvents(p.id, 1))[0]?.reason ?? null] as const)),
  );
  const link = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    const merged = { status: query.status, q: query.q, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/admin/partners?${s}` : "/admin/partners";
  };
  const total = counts.pending + counts.approved + counts.suspended;
  const stepLabel = { pending: t("approve"), approved: t("suspend"), suspended: t("reactivate") };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <nav aria-label={t("byStatus")} className="flex flex-wrap gap-2" data-testid="partner-counts">
          <Link href={link({ status: undefined })} className="rounded-full"><Badge variant={!query.status ? "primary" : "outline"}>{t("all")} <span className="tabular-nums">{total}</span></Badge></Link>
          {PARTNER_STATUSES.map((s) => (
            <Link key={s} href={link({ status: s })} className="rounded-full"><Badge variant={query.status === s ? "primary" : "outline"}>{t(`status.${s}`)} <span className="tabular-nums" data-count={s}>{counts[s]}</span></Badge></Link>
          ))}
        </nav>
        <form method="get" action="/admin/partners" role="search" className="flex items-end gap-2">
          {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
          <Input name="q" defaultValue={query.q ?? ""} placeholder={t("searchPlaceholder")} aria-label={t("search")} className="w-64" maxLength={100} />
          <Button type="submit" size="sm" variant="outline">{t("searchButton")}</Button>
        </form>
      </div>
      {page.rows.length === 0 ? (
        <EmptyState bordered icon={Handshake} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <PartnerStatusDialog>
          <Card className="overflow-hidden p-0">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("partner")}</TableHead>
                  <TableHead>{t("statusHeader")}</TableHead>
                  <TableHead className="text-right">{t("staff")}</TableHead>
                  <TableHead className="text-right">{t("grants")}</TableHead>
                  <TableHead>{t("keys")}</TableHead>
                  <TableHead><span className="sr-only">{t("actions")}</span></TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {page.rows.map((p) => (
                  <TableRow key={p.id} data-testid="partner-row" data-org-no={p.orgNo}>
                    <TableCell className="text-sm">
                      <div className="font-medium">{p.name}</div>
                      <div className="text-xs text-muted-foreground tabular-nums">{t("orgNo", { orgNo: p.orgNo, country: p.country })}</div>
                    </TableCell>
                    <TableCell className="text-sm">
                      <Badge variant={STATUS_VARIANT[p.status]} dot data-testid="partner-status">{t(`status.${p.status}`)}</Badge>
                      {p.status === "suspended" && reasons.get(p.id) ? <div className="mt-1 max-w-64 text-xs text-muted-foreground">{t("reason", { reason: reasons.get(p.id) ?? "" })}</div> : null}
                      {p.status === "approved" && p.approvedAt ? <div className="mt-1 text-xs text-muted-foreground">{t("approvedOn", { date: fmt.date(p.approvedAt) })}</div> : null}
                    </TableCell>
                    <TableCell className="text-right text-sm tabular-nums">{p.staff}</TableCell>
                    <TableCell className="text-right text-sm tabular-nums">
                      {p.liveGrants > 0 ? <a className="text-primary hover:underline" href={`/admin/access?partner=${p.id}`}>{t("grantCount", { grants: p.liveGrants, merchants: p.merchants })}</a> : "0"}
                    </TableCell>
                    <TableCell className="text-sm">{p.keysStored ? <Badge variant="outline">{t("keysStored")}</Badge> : <span className="text-muted-foreground">{t("noKeys")}</span>}</TableCell>
                    <TableCell className="text-right">{/* keyed by status: a changed step is a new button, not the old one fading to new colours */}<PartnerStepButton key={p.status} partnerId={p.id} name={p.name} status={p.status} label={stepLabel[p.status]} /></TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        </PartnerStatusDialog>
      )}
      <Pagination
        className="mt-4"
        summary={t("summary", { shown: page.rows.length, total: query.status ? counts[query.status] : total })}
        previousHref={query.after ? link({}) : null}
        nextHref={page.next ? link({ after: encodePartnerCursor(page.next) }) : null}
        labels={{ navigation: t("pages"), previous: t("firstPage"), next: t("nextPage") }}
      />
    </>
  );
}
