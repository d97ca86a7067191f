import { getTranslations } from "next-intl/server";
import { ExportDialog, type ExportDialogProps } from "@/components/exports/export-dialog";
import { shiftLedgerDate } from "@/lib/dates";

const LEDGER_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The ledger page's export button. The period defaults to the one in the address (what the view shows), else the
 * last full month, the period accountants usually book. `journalHref` offers the voucher journal (partners).
 */
export async function LedgerExportButton(props: Omit<ExportDialogProps, "defaultRange"> & { searchParams: Record<string, string | string[] | undefined>; today: string }) {
  const { searchParams, today, ...rest } = props;
  await getTranslations("exports");
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const from = first(searchParams.from);
  const to = first(searchParams.to);
  // The day before this month's first is the last month's last.
  const lastMonthEnd = shiftLedgerDate(`${today.slice(0, 8)}01`, -1);
  const defaultRange = from && to && LEDGER_DATE.test(from) && LEDGER_DATE.test(to) ? { from, to } : { from: `${lastMonthEnd.slice(0, 8)}01`, to: lastMonthEnd };
  return <ExportDialog {...rest} defaultRange={defaultRange} />;
}
