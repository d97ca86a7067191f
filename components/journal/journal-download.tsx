"use client";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { FileSpreadsheet } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import type { DateRange } from "@/lib/ledgers/range";

/**
 * P4: the voucher journal of the range chosen in the ledger view, as a CSV download. Only closed dates are booked:
 * when the view already knows the range is not closed to its end (`closedThrough`), the button says so instead
 * of leading to a refusal. The route checks again whatever the page thought.
 */
export function JournalDownload({ ledgerId, range, closedThrough }: { ledgerId: string; range: DateRange; closedThrough?: string | null }) {
  const t = useTranslations("journal.download");
  const fmt = useFormat();
  const href = `/partner/journal?${new URLSearchParams({ ledger: ledgerId, from: range.from, to: range.to }).toString()}`;
  const notClosed = closedThrough !== undefined && closedThrough !== range.to;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {notClosed ? (
        <Button variant="outline" size="sm" disabled aria-describedby="journal-download-hint" data-testid="journal-download">
          <FileSpreadsheet aria-hidden />
          {t("button")}
        </Button>
      ) : (
        <a href={href} className={buttonVariants({ variant: "outline", size: "sm" })} aria-label={t("aria", { from: range.from, to: range.to })} data-testid="journal-download">
          <FileSpreadsheet aria-hidden />
          {t("button")}
        </a>
      )}
      <span id="journal-download-hint" className="text-xs text-muted-foreground">
        {notClosed ? (closedThrough ? t("notClosedUntil", { date: fmt.ledgerDate(closedThrough) }) : t("notClosed")) : t("hint")}
      </span>
    </div>
  );
}
