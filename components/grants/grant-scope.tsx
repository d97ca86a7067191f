import { useLocale, useTranslations } from "next-intl";
import { CalendarRange, Clock, EyeOff, UserRound } from "lucide-react";
import { formatLedgerDate, formatPeriod } from "@/lib/format";

export interface GrantScopeProps {
  periodFrom: string | null;
  periodTo: string | null;
  validUntil: string | null;
  includesPersonalData: boolean;
}

/** The scope of a grant in plain words: which ledger dates, which data, until when. */
export function GrantScope({ periodFrom, periodTo, validUntil, includesPersonalData }: GrantScopeProps) {
  const t = useTranslations("scope");
  const locale = useLocale();
  const d = (v: string) => formatLedgerDate(v, locale);
  const period = formatPeriod({ from: periodFrom, to: periodTo }, locale, { from: (date) => t("from", { date }), until: (date) => t("until", { date }), all: t("allDates") });
  return (
    <ul className="space-y-0.5 text-xs text-muted-foreground">
      <li className="flex items-center gap-1.5"><CalendarRange aria-hidden className="size-3.5" />{period}</li>
      <li className="flex items-center gap-1.5">
        {includesPersonalData ? <UserRound aria-hidden className="size-3.5" /> : <EyeOff aria-hidden className="size-3.5" />}
        {includesPersonalData ? t("personalData") : t("noPersonalData")}
      </li>
      <li className="flex items-center gap-1.5"><Clock aria-hidden className="size-3.5" />{validUntil ? t("validUntil", { date: d(validUntil) }) : t("noEnd")}</li>
    </ul>
  );
}
