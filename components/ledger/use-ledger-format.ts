"use client";
import { useFormatter } from "next-intl";
import { formatLedgerDate, formatMoney } from "@/lib/format";

/** Display formatting for one ledger: its currency, ledger dates as calendar dates, times in Oslo time. */
export function useLedgerFormat(currency: string) {
  const format = useFormatter();
  return {
    money: (minor: number) => formatMoney(minor, currency),
    date: (date: string) => formatLedgerDate(date),
    shortDate: (date: string) => formatLedgerDate(date, "en-GB", "short"),
    dayMonth: (date: string) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`)),
    // An unreadable time is shown as sent rather than throwing a RangeError that takes the table down.
    time: (iso: string) => (Number.isNaN(Date.parse(iso)) ? iso : format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone: "Europe/Oslo" })),
    /** Relative to a given instant (not "now"), so the server's and the browser's text are the same. */
    relative: (iso: string, now: string) => format.relativeTime(new Date(iso), new Date(now)),
  };
}
