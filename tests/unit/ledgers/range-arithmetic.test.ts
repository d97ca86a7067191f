import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysInRange, eachDate } from "@/lib/ledgers/range";

describe("ledger date arithmetic", () => {
  it("crosses month, year, leap-day and daylight-saving boundaries by calendar days", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2026-03-29", -1)).toBe("2026-03-28"); // the night Europe moves its clocks forward
    expect(addDays("2026-10-25", 1)).toBe("2026-10-26"); // and back
    expect(daysInRange({ from: "2026-03-28", to: "2026-03-30" })).toBe(3);
    expect(daysInRange({ from: "2026-03-30", to: "2026-03-28" })).toBe(0);
  });

  it("addDays and daysInRange agree, and eachDate lists exactly those dates (property)", () => {
    const day = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, n) => {
        const to = addDays(from, n);
        expect(daysInRange({ from, to })).toBe(n + 1);
        expect(addDays(to, -n)).toBe(from);
        const dates = eachDate({ from, to });
        expect(dates).toHaveLength(n + 1);
        expect(dates.at(-1)).toBe(to);
      }),
    );
  });
});
