import { describe, expect, it } from "vitest";
import { formatLedgerDate, formatMoney } from "@/lib/format";
import { money } from "@/lib/money";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";

describe("formatting and ledger dates", () => {
  it("formats integer minor units per currency", () => {
    expect(formatMoney(money(123456, "NOK"), "en-GB")).toMatch(/^NOK\s1,234\.56$/);
    expect(formatMoney(money(-5n, "DKK"), "en-GB")).toMatch(/^-DKK\s0\.05$/);
    expect(formatMoney(money(100, "EUR"), "fi-FI")).toMatch(/1,00\s€/);
  });

  it("keeps a ledger date on its day whatever the time zone", () => {
    expect(formatLedgerDate("2026-01-01", "en-GB")).toBe("1 Jan 2026");
  });

  it("takes today's ledger date in Oslo, not UTC", () => {
    expect(todayPortalDate(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(shiftLedgerDate("2026-03-01", -1)).toBe("2026-02-28");
  });
});
