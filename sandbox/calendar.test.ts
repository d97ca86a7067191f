import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, dateInZone, isValidDate, isoMicros, localDayLengthMs, localMidnightUtcMs, zoneOffsetMsViaIntl, zoneOffsetMs } from "./calendar";

const ZONES = ["Europe/Oslo", "Europe/Copenhagen", "Europe/Helsinki"];

describe("calendar", () => {
  it("accepts only real dates in strict YYYY-MM-DD", () => {
    for (const ok of ["2024-02-29", "2025-12-31", "2000-01-01"]) expect(isValidDate(ok)).toBe(true);
    for (const bad of ["2024-13-45", "2023-02-29", "2024-02-30", "2024-1-05", "20240105", "2024-01-05T00:00", " 2024-01-05", ""]) expect(isValidDate(bad)).toBe(false);
  });

  it("computes the Nordic zones' offsets like Intl does, across DST switches", () => {
    const start = Date.UTC(2019, 0, 1);
    const end = Date.UTC(2031, 0, 1);
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: start, max: end }), (zone, ms) => {
        expect(zoneOffsetMs(zone, ms)).toBe(zoneOffsetMsViaIntl(zone, ms));
      }),
      { numRuns: 2000 },
    );
    // Exactly at the switches (01:00 UTC on the last Sundays of March and October 2025).
    for (const zone of ZONES) {
      for (const ms of [Date.UTC(2025, 2, 30, 1) - 1, Date.UTC(2025, 2, 30, 1), Date.UTC(2025, 9, 26, 1) - 1, Date.UTC(2025, 9, 26, 1)]) {
        expect(zoneOffsetMs(zone, ms)).toBe(zoneOffsetMsViaIntl(zone, ms));
      }
    }
  });

  it("has 23- and 25-hour days on the DST switches, and dates follow the zone", () => {
    expect(localDayLengthMs("Europe/Oslo", "2025-03-30")).toBe(23 * 3_600_000);
    expect(localDayLengthMs("Europe/Oslo", "2025-10-26")).toBe(25 * 3_600_000);
    expect(localDayLengthMs("Europe/Oslo", "2025-06-18")).toBe(24 * 3_600_000);
    expect(new Date(localMidnightUtcMs("Europe/Oslo", "2025-06-18")).toISOString()).toBe("2025-06-17T22:00:00.000Z");
    expect(new Date(localMidnightUtcMs("Europe/Helsinki", "2025-01-10")).toISOString()).toBe("2025-01-09T22:00:00.000Z");
    expect(dateInZone("Europe/Oslo", Date.parse("2025-06-17T22:30:00Z"))).toBe("2025-06-18");
    expect(addDays("2024-02-28", 2)).toBe("2024-03-01");
  });

  it("formats times as UTC ISO with microseconds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), fc.integer({ min: 0, max: 999 }), (ms, micros) => {
        expect(isoMicros(ms, micros)).toBe(`${new Date(ms).toISOString().slice(0, -1)}${String(micros).padStart(3, "0")}Z`);
      }),
    );
  });
});
