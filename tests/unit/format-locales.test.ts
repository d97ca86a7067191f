import { describe, expect, it } from "vitest";
import { money } from "@/lib/money";
import { formatAmount, formatDate, formatDateTime, formatLedgerDate, formatMoney, formatMonth, formatPeriod, formatTime, formatterFor } from "@/lib/format";

// The one formatter per portal language (docs/decisions/037). Intl writes non-breaking spaces; compare on plain ones.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");
const instant = new Date("2025-12-06T13:05:09Z"); // 14:05 in Oslo and Copenhagen
const words = { from: (d: string) => `from ${d}`, until: (d: string) => `until ${d}`, all: "all" };

describe("the formatter in Norwegian Bokmål", () => {
  it("writes dates dd.MM.yyyy, 24-hour times and kroner with a space and a comma", () => {
    expect(formatLedgerDate("2025-12-06", "nb")).toBe("06.12.2025");
    expect(formatDate(instant, "nb")).toBe("06.12.2025");
    expect(formatTime(instant, "nb")).toBe("14:05");
    expect(formatTime("2025-12-06T23:59:00Z", "nb")).toBe("00:59");
    expect(formatDateTime(instant, "nb")).toBe("06.12.2025 14:05");
    expect(plain(formatMoney(money(123450, "NOK"), "nb"))).toBe("1 234,50 kr");
    expect(plain(formatMoney(money(-123450n, "NOK"), "nb"))).toBe("-1 234,50 kr");
    expect(plain(formatAmount(money(123450, "NOK"), "nb"))).toBe("1 234,50");
    expect(formatPeriod({ from: "2025-12-01", to: "2025-12-06" }, "nb")).toBe("01.12.2025–06.12.2025");
    expect(formatMonth("2025-12", "nb")).toBe("desember 2025");
  });
});

describe("the formatter in Danish", () => {
  it("writes dates dd.MM.yyyy, 24-hour times the Danish way and kroner with Danish separators", () => {
    expect(formatLedgerDate("2025-12-06", "da")).toBe("06.12.2025");
    expect(formatTime(instant, "da")).toBe("14.05");
    expect(plain(formatMoney(money(123450, "DKK"), "da"))).toBe("1.234,50 kr.");
    expect(plain(formatMoney(money(123450, "EUR"), "da"))).toBe("1.234,50 €");
    expect(formatPeriod({ from: "2025-12-01", to: null }, "da", words)).toBe("from 01.12.2025");
    expect(formatMonth("2025-12", "da")).toBe("december 2025");
  });
});

describe("the formatter in English", () => {
  it("names the month (never 06/12 read as June), a 24-hour clock and the currency code", () => {
    expect(formatLedgerDate("2025-12-06", "en")).toBe("6 Dec 2025");
    expect(formatDateTime(instant, "en")).toBe("6 Dec 2025 14:05");
    expect(plain(formatMoney(money(123450, "NOK"), "en"))).toBe("NOK 1,234.50");
    expect(formatPeriod({ from: "2025-12-01", to: "2025-12-06" }, "en")).toBe("1 Dec 2025 – 6 Dec 2025");
    expect(formatPeriod({ from: null, to: null }, "en", words)).toBe("all");
    expect(formatPeriod({ from: null, to: null }, "en")).toBeNull();
  });

  it("keeps a ledger date on its day and shows an instant in the ledger's time zone", () => {
    expect(formatLedgerDate("2026-01-01", "en")).toBe("1 Jan 2026");
    expect(formatDate("2026-06-30T22:30:00Z", "en")).toBe("1 Jul 2026");
    expect(formatDate("2026-06-30T22:30:00Z", "en", "UTC")).toBe("30 Jun 2026");
  });

  it("binds one locale and time zone for pages and components", () => {
    const f = formatterFor("nb", "Europe/Copenhagen");
    expect(f.dateTime(instant)).toBe("06.12.2025 14:05");
    expect(f.time(instant, true)).toBe("14:05:09");
    expect(plain(f.money(money(5, "NOK")))).toBe("0,05 kr");
  });
});
