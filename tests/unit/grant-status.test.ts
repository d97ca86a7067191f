import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXPIRING_SOON_DAYS, grantDisplayStatus } from "@/lib/grants/grant-status";
import { shiftLedgerDate } from "@/lib/dates";

describe("grant display status", () => {
  const today = "2026-11-26";
  it("marks an active grant ending within 14 days as expiring soon, and one past its end as expired", () => {
    expect(grantDisplayStatus({ status: "active", validUntil: null }, today)).toBe("active");
    expect(grantDisplayStatus({ status: "active", validUntil: shiftLedgerDate(today, EXPIRING_SOON_DAYS + 1) }, today)).toBe("active");
    expect(grantDisplayStatus({ status: "active", validUntil: shiftLedgerDate(today, EXPIRING_SOON_DAYS) }, today)).toBe("expiring_soon");
    expect(grantDisplayStatus({ status: "active", validUntil: today }, today)).toBe("expiring_soon");
    expect(grantDisplayStatus({ status: "active", validUntil: shiftLedgerDate(today, -1) }, today)).toBe("expired");
  });

  it("never turns a revoked, declined or pending grant into an active-looking one", () => {
    fc.assert(
      fc.property(fc.constantFrom("revoked", "declined", "pending_approval", "expired") , fc.integer({ min: -400, max: 400 }), (status, days) => {
        expect(grantDisplayStatus({ status, validUntil: shiftLedgerDate(today, days) }, today)).toBe(status);
      }),
    );
  });
});
