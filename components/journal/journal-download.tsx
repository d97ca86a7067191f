"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { FileSpreadsheet } from "lucide-react";
import { Button } from "@/components/ui/button";
import { fetchDownload } from "@/components/exports/fetch-download";
import type { DateRange } from "@/lib/ledgers/range";

/**
 * P4: the voucher journal of the range chosen in the ledger view, as a CSV download. Only closed dates are booked:
 * when the view already knows the range is not closed to its end (`closedThrough`), the button says so instead
 * of leading to a refusal. The route checks again whatever the page thought, and its refusal is shown here,
 * never saved as a file; a completed download gets a receipt, so the page is refreshed to list it.
 */
export function JournalDownload({ ledgerId, range, closedThrough }: { ledgerId: string; range: DateRange; closedThrough?: string | null }) {
  const t = useTranslations("journal.download");
  const router = useRouter();
  const [state, setState] = useState<{ kind: "idle" | "busy" } | { kind: "error"; message: string }>({ kind: "idle" });
  const fmt = useFormat();
  const href = `/partner/journal?${new URLSearchParams({ ledger: ledgerId, from: range.from, to: range.to }).toString()}`;
  const notClosed = closedThrough !== undefined && closedThrough !== range.to;

  async function run() {
    setState({ kind: "busy" });
    const outcome = await fetchDownload(href, `journal-${ledgerId}-${range.from}-${range.to}.csv`);
    if (outcome.ok) {
      setState({ kind: "idle" });
      router.refresh();
    } else setState({ kind: "error", message: outcome.kind === "interrupted" ? t("interrupted") : outcome.message || t("refused", { status: outcome.status }) });
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        type="button"
        variant="outline"
        size="sm"
        disabled={notClosed}
        loading={state.kind === "busy"}
        onClick={() => void run()}
        aria-label={notClosed ? undefined : t("aria", { from: range.from, to: range.to })}
        aria-describedby="journal-download-hint"
        data-href={href}
        data-testid="journal-download"
      >
        <FileSpreadsheet aria-hidden />
        {t("button")}
      </Button>
      <span id="journal-download-hint" className="text-xs text-muted-foreground">
        {notClosed ? (closedThrough ? t("notClosedUntil", { date: fmt.ledgerDate(closedThrough) }) : t("notClosed")) : t("hint")}
      </span>
      {state.kind === "error" ? (
        <p role="alert" className="w-full text-sm text-danger" data-testid="journal-download-error">{state.message}</p>
      ) : null}
    </div>
  );
}
