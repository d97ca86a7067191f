import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { dueReminder, daysLeft } from "@/lib/lifecycle/reminders";
import { grantLengthDays, renewedValidUntil } from "@/lib/lifecycle/renewal";
import { requestDisplayStatus, daysUntil } from "@/lib/lifecycle/request-status";
import { accessLogSearchParams, parseAccessLogFilters } from "@/lib/lifecycle/access-log-filters";
import { isLedgerDate, isOrgNo, normaliseOrgNo } from "@/lib/lifecycle/fields";
import { shiftLedgerDate } from "@/lib/dates";

describe("reminders", () => {
  it("is due at 14 and at 3 days, once each, whatever day the job happens to run", () => {
    expect(dueReminder(15, null)).toBeNull();
    expect(dueReminder(14, null)).toBe(14);
    expect(dueReminder(10, null)).toBe(14);
    expect(dueReminder(10, 14)).toBeNull();
    expect(dueReminder(4, 14)).toBeNull();
    expect(dueReminder(3, 14)).toBe(3);
    expect(dueReminder(2, null)).toBe(3);
    expect(dueReminder(0, 14)).toBe(3);
    expect(dueReminder(0, 3)).toBeNull();
    expect(dueReminder(-1, null)).toBeNull();
  });

  it("sends at most two reminders over a grant's last weeks, the 14-day one first, for any run schedule", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (runs) => {
        let last: number | null = null;
        const sent: number[] = [];
        runs.forEach((ran, i) => {
          if (!ran) return;
          const due = dueReminder(29 - i - 10, last);
          if (due !== null) {
            sent.push(due);
            last = due;
          }
        });
        expect(sent.length).toBeLessThanOrEqual(2);
        expect(sent).toEqual([...new Set(sent)].sort((a, b) => b - a));
      }),
    );
  });

  it("counts calendar days, across a DST change", () => {
    expect(daysLeft("2026-03-30", "2026-03-28")).toBe(2);
    expect(daysLeft("2026-01-01", "2026-01-01")).toBe(0);
  });
});

describe("renewal", () => {
  it("repeats the grant's own length from its end date, or from today once that has passed", () => {
    expect(grantLengthDays("2026-01-01", "2026-04-01")).toBe(90);
    expect(renewedValidUntil({ startedOn: "2026-01-01", validUntil: "2026-04-01", today: "2026-03-25", length: "same" })).toEqual({ validUntil: "2026-06-30", days: 90 });
    expect(renewedValidUntil({ startedOn: "2026-01-01", validUntil: "2026-04-01", today: "2026-03-25", length: "30" })).toEqual({ validUntil: "2026-05-01", days: 30 });
    expect(renewedValidUntil({ startedOn: "2026-01-01", validUntil: "2026-04-01", today: "2026-04-05", length: "365" })).toEqual({ validUntil: "2027-04-05", days: 365 });
  });

  it("never shortens access and always extends by at least a day", () => {
    const day = fc.integer({ min: 0, max: 5000 }).map((n) => shiftLedgerDate("2020-01-01", n));
    fc.assert(
      fc.property(day, day, day, fc.constantFrom("same", "30", "90", "180", "365") as fc.Arbitrary<"same" | "30">, (a, b, today, length) => {
        const [startedOn, validUntil] = a <= b ? [a, b] : [b, a];
        const next = renewedValidUntil({ startedOn, validUntil, today, length });
        expect(next.validUntil > validUntil).toBe(true);
        expect(next.validUntil > today).toBe(true);
        expect(next.days).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe("request status", () => {
  it("shows a pending request past its expiry as expired, at the exact instant", () => {
    const expiresAt = "2026-03-15T10:00:00.000Z";
    expect(requestDisplayStatus({ status: "pending", expiresAt }, new Date("2026-03-15T09:59:59Z"))).toBe("pending");
    expect(requestDisplayStatus({ status: "pending", expiresAt }, new Date("2026-03-15T10:00:00Z"))).toBe("expired");
    expect(requestDisplayStatus({ status: "approved", expiresAt }, new Date("2027-01-01"))).toBe("approved");
    expect(daysUntil(expiresAt, new Date("2026-03-01T10:00:00Z"))).toBe(14);
    expect(daysUntil(expiresAt, new Date("2026-03-01T10:00:01Z"))).toBe(14);
    expect(daysUntil(expiresAt, new Date("2026-03-15T09:00:00Z"))).toBe(1);
    expect(daysUntil(expiresAt, new Date("2026-03-16T10:00:00Z"))).toBe(0);
  });
});

describe("fields and filters", () => {
  it("knows real dates and Nordic org. numbers", () => {
    expect(isLedgerDate("2024-02-29")).toBe(true);
    expect(isLedgerDate("2025-02-29")).toBe(false);
    expect(isOrgNo("912 345 678")).toBe(true);
    expect(isOrgNo("34567890")).toBe(true);
    expect(isOrgNo("1234567-8")).toBe(true);
    expect(isOrgNo("12345")).toBe(false);
    expect(normaliseOrgNo(" 912 345 678 ")).toBe("912345678");
  });

  it("round-trips access-log filters through the URL", () => {
    const id = "0b6f4d64-4c0e-4a8d-9f1a-2f1d2c3b4a5e";
    const filters = { partnerId: id, ledgerId: id, action: "export" as const, from: "2026-01-01", to: "2026-01-31", page: 3 };
    expect(parseAccessLogFilters(Object.fromEntries(accessLogSearchParams(filters)))).toEqual({ filters, ignored: [] });
    expect(accessLogSearchParams({ page: 1 }).toString()).toBe("");
  });
});
