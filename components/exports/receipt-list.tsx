import { getLocale, getTranslations } from "next-intl/server";
import { FileCheck2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { DownloadAgainButton } from "@/components/exports/download-again-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/format";
import type { ReceiptView } from "@/lib/exports/receipt-view";
import { getFormat } from "@/lib/i18n/get-format";

/**
 * P4 receipts of one ledger: who exported which period, how (format, purpose, columns, time zone), how many rows,
 * the funds' net and the file's SHA-256, with "download again" where the reader may (`downloadHref`). Voucher
 * journals have receipts too (decision 030) and are listed with the ledger files.
 */
export async function ReceiptList({ receipts, downloadHref }: { receipts: ReceiptView[]; downloadHref?: (id: string) => string }) {
  const [t, te, locale] = await Promise.all([getTranslations("exports.receipts"), getTranslations("exports"), getLocale()]);
  const fmt = await getFormat();
  const purposeText = (p: string) => te(p === "full" ? "purposeFull" : p === "reconciliation" ? "purposeReconciliation" : "purposeBookkeeping");
  const topicsText = (p: string) => te(p === "funds" ? "topicsFunds" : p === "fees" ? "topicsFees" : "topicsBoth");
  return (
    <Card className="mt-6 overflow-x-auto p-0" data-testid="export-receipts">
      <CardHeader className="px-5 pt-5">
        <CardTitle as="h2">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      {receipts.length === 0 ? (
        <div className="px-5 pb-5"><EmptyState size="sm" icon={FileCheck2} title={t("emptyTitle")} description={t("emptyDescription")} /></div>
      ) : (
        <Table aria-label={t("title")}>
          <TableHeader>
            <TableRow>
              <TableHead>{t("colWhen")}</TableHead>
              <TableHead>{t("colPeriod")}</TableHead>
              <TableHead>{t("colFile")}</TableHead>
              <TableHead numeric>{t("colRows")}</TableHead>
              <TableHead numeric>{t("colNet")}</TableHead>
              <TableHead>{t("colHash")}</TableHead>
              {downloadHref ? <TableHead><span className="sr-only">{t("downloadAgain")}</span></TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {receipts.map((r) => (
              <TableRow key={r.id} data-testid="export-receipt">
                <TableCell className="align-top whitespace-nowrap">
                  <time dateTime={r.createdAt} className="text-sm">{fmt.dateTime(r.createdAt)}</time>
                  <div className="text-xs text-muted-foreground">{t("by", { person: r.person ?? t("formerUser") })}</div>
                </TableCell>
                <TableCell className="align-top text-sm whitespace-nowrap tabular-nums">
                  {fmt.period({ from: r.from, to: r.to })}
                  {r.openDates.length > 0 ? <div className="mt-1"><Badge variant="warning" dot>{t("stillChanging", { count: r.openDates.length })}</Badge></div> : null}
                </TableCell>
                <TableCell className="align-top">
                  <Badge variant="outline" data-testid="receipt-format">{r.format.toUpperCase()}</Badge>
                  <div className="mt-1 text-xs text-muted-foreground" data-testid="receipt-kind" data-kind={r.kind}>
                    {r.kind === "journal" ? t("journalDetails") : t("details", { purpose: purposeText(r.purpose), topics: topicsText(r.topics), timeZone: r.timeZone, columns: r.columns.length })}
                  </div>
                </TableCell>
                <TableCell numeric className="align-top" data-testid="receipt-rows">{fmt.number(r.rows)}</TableCell>
                <TableCell numeric className="align-top" data-testid="receipt-net" data-minor={r.net.amount}>{formatMoney(r.net, locale)}</TableCell>
                <TableCell className="align-top">
                  <div className="flex items-center gap-1">
                    <code className="font-mono text-xs" title={r.sha256} data-testid="receipt-sha256" data-sha256={r.sha256}>{r.sha256.slice(0, 12)}…</code>
                    <CopyButton value={r.sha256} label={t("copyHash")} size="icon-xs" />
                  </div>
                </TableCell>
                {downloadHref ? (
                  <TableCell className="align-top">
                    <DownloadAgainButton href={downloadHref(r.id)} fallbackName={`${r.kind === "journal" ? "journal" : "ledger"}-${r.from}-${r.to}.${r.format}`} />
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
