import { getLocale, getTranslations } from "next-intl/server";
import { CalendarRange, Clock, EyeOff, UserRound } from "lucide-react";
import { formatLedgerDate, formatPeriod } from "@/lib/format";

/** A reader's period in words, or null when it is open at both ends. */
export async function periodText(period: { from: string | null; to: string | null }): Promise<string | null> {
  const [t, locale] = await Promise.all([getTranslations("scope"), getLocale()]);
  if (!period.from && !period.to) return null;
  return formatPeriod(period, locale, { from: (date) => t("from", { date }), until: (date) => t("until", { date }), all: t("allDates") });
}

/** A partner's access to this ledger on one line: period, personal data, end date (server component). */
export async function AccessSummary({ period, personalData, validUntil }: { period: { from: string | null; to: string | null }; personalData: boolean; validUntil: string | null }) {
  const [t, locale] = await Promise.all([getTranslations("scope"), getLocale()]);
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="access-summary">
      <span className="inline-flex items-center gap-1"><CalendarRange aria-hidden className="size-3.5" />{(await periodText(period)) ?? t("allDates")}</span>
      <span className="inline-flex items-center gap-1">
        {personalData ? <UserRound aria-hidden className="size-3.5" /> : <EyeOff aria-hidden className="size-3.5" />}
        {personalData ? t("personalData") : t("noPersonalData")}
      </span>
      <span className="inline-flex items-center gap-1"><Clock aria-hidden className="size-3.5" />{validUntil ? t("validUntil", { date: formatLedgerDate(validUntil, locale) }) : t("noEnd")}</span>
    </span>
  );
}
