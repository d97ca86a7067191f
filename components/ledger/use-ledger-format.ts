"use client";
import { useFormatter, useLocale } from "next-intl";
import { formatAmount, formatLedgerDate, formatMoney, formatTime } from "@/lib/format";
import { money } from "@/lib/money";
import { DEFAULT_LEDGER_TZ } from "@/lib/dates";

/**
 * Display formatting for one ledger (lib/format): its currency, ledger dates as calendar dates, times in the
 * ledger's zone. Only the entry list shows instants and passes the zone (`LedgerRangeView.timeZone`); the
 * figures, chart and checks show amounts and ledger dates, which no zone moves, so they may leave it out.
 */
export function useLedgerFormat(currency: string, timeZone: string = DEFAULT_LEDGER_TZ) {
  const format = useFormatter();
  const locale = useLocale();
  return {
    money: (minor: number) => formatMoney(money(minor, currency), locale),
    amount: (minor: number) => formatAmount(money(minor, currency), locale),
    date: (date: string) => formatLedgerDate(date, locale),
    shortDate: (date: string) => formatLedgerDate(date, locale, "short"),
    dayMonth: (date: string) => formatLedgerDate(date, locale, "short"),
    // An unreadable time is shown as sent rather than throwing a RangeError that takes the table down.
    time: (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : formatTime(iso, locale, timeZone, true)),
    /** Relative to a given instant (not "now"), so the server's and the browser's text are the same. */
    relative: (iso: string, now: string) => format.relativeTime(new Date(iso), new Date(now)),
  };
}
