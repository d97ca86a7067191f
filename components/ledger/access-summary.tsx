import { getTranslations } from "next-intl/server";
import { CalendarRange, Clock, EyeOff, UserRound } from "lucide-react";
import { formatLedgerDate } from "@/lib/format";

/** A reader's period in words, or null when it is open at both ends. */
export async function periodText(period: { from: string | null; to: string | null }): Promise<string | null> {
  const t = await getTranslations("scope");
  const d = (v: string) => formatLedgerDate(v);
  if (period.from && period.to) return t("between", { from: d(period.from), to: d(period.to) });
  if (period.from) return t("from", { date: d(period.from) });
  if (period.to) return t("until", { date: d(period.to) });
  return null;
}

/** A partner's access to this ledger on one line: period, personal data, end date (server component). */
export async function AccessSummary({ period, personalData, validUntil }: { period: { from: string | null; to: string | null }; personalData: boolean; validUntil: string | null }) {
  const t = await getTranslations("scope");
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="access-summary">
      <span className="inline-flex items-center gap-1"><CalendarRange aria-hidden className="size-3.5" />{(await periodText(period)) ?? t("allDates")}</span>
      <span className="inline-flex items-center gap-1">
        {personalData ? <UserRound aria-hidden className="size-3.5" /> : <EyeOff aria-hidden className="size-3.5" />}
        {personalData ? t("personalData") : t("noPersonalData")}
      </span>
      <span className="inline-flex items-center gap-1"><Clock aria-hidden className="size-3.5" />{validUntil ? t("validUntil", { date: formatLedgerDate(validUntil) }) : t("noEnd")}</span>
    </span>
  );
}
