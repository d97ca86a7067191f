import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TZDate } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import { LEDGER_TIME_ZONES, shiftLedgerDate, todayLedgerDate } from "@/lib/dates";

// The calendar date of an instant in a zone, and a date shifted by days, as date-fns computes them: what
// lib/dates did before it used Intl's formatter and UTC arithmetic directly (decision 051).
const reference = {
  today: (now: Date, tz: string) => format(new TZDate(now, tz), "yyyy-MM-dd"),
  shift: (date: string, days: number) => {
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    return format(addDays(new Date(Date.UTC(y, m - 1, d, 12)), days), "yyyy-MM-dd");
  },
};

const zones = [...Object.values(LEDGER_TIME_ZONES), "UTC", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
// 1970–2100, in milliseconds: every daylight-saving change of those years, and midnights either side of them.
const instants = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }).map((ms) => new Date(ms));

describe("ledger dates", () => {
  it("gives an instant's calendar date in a zone as date-fns with TZDate does", () => {
    fc.assert(fc.property(instants, fc.constantFrom(...zones), (now, tz) => todayLedgerDate(now, tz) === reference.today(now, tz)), { numRuns: 5000 });
  });

  it("turns the date at the zone's midnight, not UTC's (Oslo is an hour or two ahead)", () => {
    expect(todayLedgerDate(new Date("2026-03-28T22:59:59Z"), "Europe/Oslo")).toBe("2026-03-28");
    expect(todayLedgerDate(new Date("2026-03-28T23:00:00Z"), "Europe/Oslo")).toBe("2026-03-29");
    // Summer time: midnight in Oslo is 22:00 UTC; Helsinki's an hour before.
    expect(todayLedgerDate(new Date("2026-07-01T21:59:59Z"), "Europe/Oslo")).toBe("2026-07-01");
    expect(todayLedgerDate(new Date("2026-07-01T22:00:00Z"), "Europe/Oslo")).toBe("2026-07-02");
    expect(todayLedgerDate(new Date("2026-07-01T21:00:00Z"), "Europe/Helsinki")).toBe("2026-07-02");
  });

  it("shifts a date by whole days as date-fns does, across months, years and leap days", () => {
    const dates = fc.date({ min: new Date(Date.UTC(1971, 0, 1)), max: new Date(Date.UTC(2099, 0, 1)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(dates, fc.integer({ min: -800, max: 800 }), (date, days) => shiftLedgerDate(date, days) === reference.shift(date, days)), { numRuns: 5000 });
    expect(shiftLedgerDate("2028-02-28", 1)).toBe("2028-02-29");
    expect(shiftLedgerDate("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("refuses what is not a date or a zone, as before", () => {
    expect(() => todayLedgerDate(new Date(Number.NaN), "Europe/Oslo")).toThrow(RangeError);
    expect(() => todayLedgerDate(new Date(), "Mars/Olympus_Mons")).toThrow(RangeError);
    expect(() => shiftLedgerDate("not-a-date", 1)).toThrow(RangeError);
  });
});
