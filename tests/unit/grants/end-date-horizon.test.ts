import { describe, expect, it } from "vitest";
import { END_DATE_HORIZON_YEARS, endDateHorizon, fourEyesReasons } from "@/lib/grants/four-eyes";

describe("four-eyes end-date horizon (M5)", () => {
  const today = "2026-12-06";
  const reasons = (validUntil: string | null, on = today) => fourEyesReasons({ includesPersonalData: false, validUntil, coversAllLedgers: false }, on);

  it("is two years from today, a leap day falling back to the 28th", () => {
    expect(END_DATE_HORIZON_YEARS).toBe(2);
    expect(endDateHorizon(today)).toBe("2028-12-06");
    expect(endDateHorizon("2028-02-29")).toBe("2030-02-28");
  });

  it("an end date after the horizon counts as no end date; on or before it does not", () => {
    expect(reasons("2099-12-31")).toEqual(["no_end_date"]);
    expect(reasons("2028-12-07")).toEqual(["no_end_date"]);
    expect(reasons("2028-12-06")).toEqual([]);
    expect(reasons("2027-06-30")).toEqual([]);
    expect(reasons(null)).toEqual(["no_end_date"]);
  });

  it("moves with today: the same date is far on one day and near two years later", () => {
    expect(reasons("2030-01-01", "2026-12-06")).toEqual(["no_end_date"]);
    expect(reasons("2030-01-01", "2028-01-01")).toEqual([]);
  });
});
