"use client";
import { useTranslations } from "next-intl";
import { CircleHelp } from "lucide-react";
import { isKnownEntryType } from "@/lib/report-api/entry-types";

/**
 * The entry type in words. Upstream adds types without notice (docs/report-api.md §4.3): an unknown one is shown as
 * upstream names it, marked, and still booked by its signed amount.
 */
export function EntryTypeLabel({ type }: { type: string }) {
  const t = useTranslations("entryTypes");
  if (isKnownEntryType(type)) return <span>{t(type)}</span>;
  const explain = t("unknown", { type });
  return (
    <span className="inline-flex items-center gap-1" title={explain}>
      <span className="font-mono text-xs">{type}</span>
      <CircleHelp aria-hidden className="size-3.5 text-muted-foreground" />
      <span className="sr-only">{explain}</span>
    </span>
  );
}
