import { getTranslations } from "next-intl/server";
import { ExportDialog, type ExportDialogProps } from "@/components/exports/export-dialog";

/**
 * The ledger page's export button. The period defaults to the one in the address (what the view shows), else the
 * last full month, the period accountants usually book. `otherFormats` is where other export kinds link in.
 */
export async function LedgerExportButton(props: Omit<ExportDialogProps, "defaultRange"> & { searchParams: Record<string, string | string[] | undefined>; today: string }) {
  const { searchParams, today, ...rest } = props;
  await getTranslations("exports");
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const from = first(searchParams.from);
  const to = first(searchParams.to);
  const monthStart = `${today.slice(0, 8)}01`;
  const lastMonthEnd = new Date(Date.parse(`${monthStart}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const defaultRange = from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) ? { from, to } : { from: `${lastMonthEnd.slice(0, 8)}01`, to: lastMonthEnd };
  return <ExportDialog {...rest} defaultRange={defaultRange} />;
}
