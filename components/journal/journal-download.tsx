"use client";
import { useTranslations } from "next-intl";
import { FileSpreadsheet } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import type { DateRange } from "@/lib/ledgers/range";

/**
 * P4: the voucher journal of the range chosen in the ledger view, as a CSV download (the route refuses open
 * dates and explains why in plain text).
 */
export function JournalDownload({ ledgerId, range }: { ledgerId: string; range: DateRange }) {
  const t = useTranslations("journal.download");
  const href = `/partner/journal?${new URLSearchParams({ ledger: ledgerId, from: range.from, to: range.to }).toString()}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <a href={href} className={buttonVariants({ variant: "outline", size: "sm" })} aria-label={t("aria", { from: range.from, to: range.to })} data-testid="journal-download">
        <FileSpreadsheet aria-hidden />
        {t("button")}
      </a>
      <span className="text-xs text-muted-foreground">{t("hint")}</span>
    </div>
  );
}
