import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Handshake } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { PartnerStatusDialog } from "@/components/admin/partner-status-buttons";
import { PartnerTable, type PartnerTableRow } from "@/components/admin/partner-table";
import { requirePlatformAdmin } from "@/lib/server/authz/contexts";
import { countPartnersByStatus, encodePartnerCursor, listPartners, parsePartnerListQuery, PARTNER_STATUSES } from "@/lib/server/admin-partners/list-partners";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("partners");

/** A4: the partner directory: every accounting partner with its counts; approve, suspend, re-activate. Platform admins only. */
export default async function AdminPartnersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePlatformAdmin();
  const query = parsePartnerListQuery(await searchParams);
  const [page, counts, t, fmt] = await Promise.all([listPartners(query), countPartnersByStatus(query), getTranslations("adminPartners"), getFormat()]);
  const link = (over: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    const merged = { status: query.status, q: query.q, ...over };
    for (const [k, v] of Object.entries(merged)) if (v) p.set(k, v);
    const s = p.toString();
    return s ? `/admin/partners?${s}` : "/admin/partners";
  };
  const total = counts.pending + counts.approved + counts.suspended;
  // Every text of a row formatted here, once; the client table renders the strings (decision 041).
  const rows: PartnerTableRow[] = page.rows.map((p) => ({
    id: p.id,
    name: p.name,
    orgNo: t("orgNo", { orgNo: p.orgNo, country: p.country }),
    rawOrgNo: p.orgNo,
    status: p.status,
    note:
      p.status === "suspended" && p.suspendReason ? t("reason", { reason: p.suspendReason })
      : p.status === "approved" && p.approvedAt ? t("approvedOn", { date: fmt.date(p.approvedAt) })
      : null,
    staff: p.staff,
    grants: p.liveGrants > 0 ? { href: `/admin/access?partner=${p.id}`, text: t("grantCount", { grants: p.liveGrants, merchants: p.merchants }) } : null,
    keysStored: p.keysStored,
  }));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <nav aria-label={t("byStatus")} className="flex flex-wrap gap-2" data-testid="partner-counts">
          <Link href={link({ status: undefined })} className="rounded-full"><Badge variant={!query.status ? "primary" : "outline"}>{t("all")} <span className="tabular-nums">{fmt.number(total)}</span></Badge></Link>
          {PARTNER_STATUSES.map((s) => (
            <Link key={s} href={link({ status: s })} className="rounded-full"><Badge variant={query.status === s ? "primary" : "outline"}>{t(`status.${s}`)} <span className="tabular-nums" data-count={s}>{fmt.number(counts[s])}</span></Badge></Link>
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
            <PartnerTable
              rows={rows}
              labels={{
                headers: [t("partner"), t("statusHeader"), t("staff"), t("grants"), t("keys"), t("actions")],
                status: { pending: t("status.pending"), approved: t("status.approved"), suspended: t("status.suspended") },
                step: { pending: t("approve"), approved: t("suspend"), suspended: t("reactivate") },
                keysStored: t("keysStored"),
                noKeys: t("noKeys"),
              }}
            />
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
