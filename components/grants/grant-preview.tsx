"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Eye, RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatLedgerDate, formatMoney, formatTime } from "@/lib/format";
import { money } from "@/lib/money";
import { EntryTypeLabel } from "@/components/ledger/entry-type-label";
import { previewGrantAction } from "@/lib/server/grants/actions";
import { grantQueryKeys } from "@/components/grants/partner-picker";
import type { GrantPreview as Preview, PreviewColumn, PreviewRow } from "@/lib/grants/types";

const PERSONAL = new Set<PreviewColumn>(["payerName", "maskedPhoneNo", "message"]);
const NUMERIC = new Set<PreviewColumn>(["amount", "balanceAfter"]);

/**
 * M2 "what the partner will see": real rows of the latest closed ledger date in the chosen period, read
 * with the merchant's own keys, limited to the columns the partner gets. Re-read when the scope changes.
 */
export function GrantPreview({ ledgerId, ledgerExternalId, periodFrom, periodTo, includesPersonalData }: {
  ledgerId: string;
  ledgerExternalId: string;
  periodFrom: string;
  periodTo: string;
  includesPersonalData: boolean;
}) {
  const t = useTranslations("grantPreview");
  const query = useQuery({
    queryKey: grantQueryKeys.preview(ledgerId, periodFrom, periodTo, includesPersonalData),
    queryFn: async (): Promise<Preview> => {
      const result = await previewGrantAction({ ledgerId, periodFrom, periodTo, includesPersonalData });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    staleTime: 5 * 60_000,
    retry: false,
  });

  if (query.isPending) {
    return (
      <div aria-busy="true" className="grid gap-2" data-testid="grant-preview-loading">
        <p className="text-sm text-muted-foreground">{t("loading")}</p>
        <Skeleton className="h-8 w-full" />
        <Skeleton className="h-8 w-full" />
        <Skeleton className="h-8 w-2/3" />
      </div>
    );
  }
  if (query.isError) {
    return (
      <Alert variant="danger" role="alert" title={t("failed")} description={query.error.message}
        action={<Button type="button" variant="outline" size="sm" onClick={() => void query.refetch()}><RefreshCw aria-hidden />{t("retry")}</Button>} />
    );
  }
  const preview = query.data;
  if (preview.kind !== "rows") {
    const text = {
      "shared-ledger": { title: t("sharedTitle"), description: t("sharedDescription", { count: preview.kind === "shared-ledger" ? preview.salesUnitCount : 0 }) },
      "keys-denied": { title: t("deniedTitle"), description: t("deniedDescription") },
      "no-keys": { title: t("noKeysTitle"), description: t("noKeysDescription") },
      "no-closed-date": { title: t("noClosedDateTitle"), description: t("noClosedDateDescription") },
      "upstream-unavailable": { title: t("unavailableTitle"), description: t("unavailableDescription") },
    }[preview.kind];
    return (
      <div className="grid gap-3" data-testid="grant-preview" data-kind={preview.kind}>
        <Alert variant={preview.kind === "upstream-unavailable" ? "warning" : "info"} title={text.title} description={text.description} />
        <ColumnList columns={preview.columns} />
      </div>
    );
  }
  return <PreviewTable preview={preview} ledgerExternalId={ledgerExternalId} />;
}

function ColumnList({ columns }: { columns: PreviewColumn[] }) {
  const t = useTranslations("grantPreview");
  return (
    <ul className="flex flex-wrap gap-1.5" data-testid="grant-preview-columns">
      {columns.map((c) => (
        <li key={c}><Badge variant={PERSONAL.has(c) ? "warning" : "outline"}>{t(`columns.${c}`)}</Badge></li>
      ))}
    </ul>
  );
}

/** "api:212002" is how upstream names a sales unit; people know it as its MSN. Other handles (Vippsnummer) stay as sent. */
function recipientHandleText(handle: string, t: ReturnType<typeof useTranslations<"grantPreview">>): string {
  const m = /^api:(\d+)$/.exec(handle);
  return m ? t("handleMsn", { msn: m[1]! }) : handle.replace(/^[a-z]+:/, "");
}

function PreviewTable({ preview, ledgerExternalId }: { preview: Extract<Preview, { kind: "rows" }>; ledgerExternalId: string }) {
  const t = useTranslations("grantPreview");
  const locale = useLocale();
  const cell = (row: PreviewRow, c: PreviewColumn) => {
    const v = row[c];
    if (c === "amount" || c === "balanceAfter") return formatMoney(money(v as number, preview.currency), locale);
    if (c === "time") return formatTime(v as string, locale);
    // Plain words, not codes: the entry type's label, the sales unit's number instead of "api:212002".
    if (c === "entryType" && typeof v === "string") return <EntryTypeLabel type={v} />;
    if (c === "recipientHandle" && typeof v === "string") return recipientHandleText(v, t);
    return v === null || v === undefined || v === "" ? "—" : String(v);
  };
  return (
    // min-w-0 and a minmax(0,1fr) track: without them the grid grows to the table's width and overflows its card.
    <div className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-2" data-testid="grant-preview" data-kind="rows">
      <div className="flex flex-wrap items-center justify-between gap-2 text-[0.8125rem] text-muted-foreground">
        <span className="inline-flex items-center gap-1.5"><Eye aria-hidden className="size-3.5" />{t("ledgerDate", { date: formatLedgerDate(preview.ledgerDate, locale) })}</span>
        <span>{preview.totalRows === 0 ? t("empty") : t("rowsShown", { shown: preview.rows.length, total: preview.totalRows })}</span>
      </div>
      {/* The scroll container is focusable so keyboard users can scroll the wide table (WCAG 2.1.1). */}
      <div className="focus-ring overflow-x-auto rounded-lg border border-border" tabIndex={0} role="region" aria-label={t("tableLabel", { ledger: ledgerExternalId })}>
        <Table aria-label={t("tableLabel", { ledger: ledgerExternalId })} className="text-[0.8125rem]" containerClassName="overflow-visible">
          <TableHeader>
            <TableRow>
              {preview.columns.map((c) => (
                <TableHead key={c} numeric={NUMERIC.has(c)} className="whitespace-nowrap">
                  {t(`columns.${c}`)}
                  {PERSONAL.has(c) ? <span className="sr-only"> ({t("personalColumn")})</span> : null}
                </TableHead>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.rows.map((row, i) => (
              <TableRow key={`${row.pspReference}-${i}`}>
                {preview.columns.map((c) => (
                  <TableCell key={c} numeric={NUMERIC.has(c)} className="whitespace-nowrap">{cell(row, c)}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}
