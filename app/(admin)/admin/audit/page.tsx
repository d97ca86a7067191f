import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Download, ScrollText } from "lucide-react";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { VerifyChainButton } from "@/components/admin/verify-chain-button";
import { requirePlatformAdmin } from "@/lib/server/authz/contexts";
import { listAuditEvents } from "@/lib/server/admin-audit/list-audit-events";
import { verifyAuditChainAction } from "@/lib/server/admin-audit/actions";

export const metadata: Metadata = { title: "Audit trail" };

/** A3: the append-only, hash-chained audit trail with verify and export. Platform admins only. */
export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requirePlatformAdmin();
  const { before } = await searchParams;
  const beforeId = before && /^\d{1,18}$/.test(before) ? BigInt(before) : undefined;
  const [{ rows, nextBeforeId }, t, format] = await Promise.all([listAuditEvents({ beforeId }), getTranslations("adminAudit"), getFormatter()]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Button asChild variant="outline">
            <a href="/api/admin/audit/export" download>
              <Download aria-hidden />
              {t("export")}
            </a>
          </Button>
        }
      />
      <div className="mb-6">
        <VerifyChainButton verifyAction={verifyAuditChainAction} />
      </div>
      {rows.length === 0 ? (
        <EmptyState bordered icon={ScrollText} title={t("emptyTitle")} description={t("emptyDescription")} />
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
                <TableRow key={e.id} data-testid="audit-row">
                  <TableCell className="whitespace-nowrap text-sm tabular-nums">{format.dateTime(new Date(e.at), { dateStyle: "medium", timeStyle: "short" })}</TableCell>
                  <TableCell className="text-sm">{e.actor}</TableCell>
                  <TableCell><Badge variant="outline">{e.action}</Badge></TableCell>
                  <TableCell className="text-sm">
                    {e.merchantName ? <div>{e.merchantName}</div> : null}
                    {e.partnerName ? <div className="text-muted-foreground">{e.partnerName}</div> : null}
                  </TableCell>
                  <TableCell className="text-xs text-muted-foreground">{e.targetType} <span className="font-mono">{e.targetId.slice(0, 8)}</span></TableCell>
                  <TableCell className="font-mono text-xs text-muted-foreground" title={e.hash}>{e.hash.slice(0, 12)}…</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      <nav className="mt-4 flex justify-between" aria-label="Audit trail pages">
        {beforeId ? <Link className="text-sm text-primary hover:underline" href="/admin/audit">{t("newest")}</Link> : <span />}
        {nextBeforeId ? <Link className="text-sm text-primary hover:underline" href={`/admin/audit?before=${nextBeforeId}`}>{t("older")} →</Link> : null}
      </nav>
    </>
  );
}
