import { describe, expect, it } from "vitest";
import type { LedgerEntry } from "@/lib/report-api";
import { entryTimeIso, viewOfUpstreamEntry } from "@/lib/server/ledgers/entry-view";

// Regression: an open date's entry with a `time` that is not a date-time threw a RangeError (toISOString on an
// invalid Date) in the entry view, which took the whole ledger page down.

const entry = (time: string): LedgerEntry => ({
  pspReference: "3343121302",
  time,
  ledgerDate: "2026-03-02",
  entryType: "capture",
  reference: "order-1",
  currency: "NOK",
  amount: 10_000,
  balanceBefore: 0,
  balanceAfter: 10_000,
  recipientHandle: "api:212001",
  name: null,
  maskedPhoneNo: null,
  message: null,
});

describe("entry view", () => {
  it("does not throw on a bad time, and shows it as sent", () => {
    const view = viewOfUpstreamEntry("funds", "2026-03-02", 0, entry("not-a-time"), false);
    expect(view.time).toBe("not-a-time");
    expect(view.amount).toBe(10_000);
  });

  it("normalises good times to UTC ISO, offsets with or without a colon", () => {
    expect(entryTimeIso("2026-03-02T10:15:00.123456Z")).toBe("2026-03-02T10:15:00.123Z");
    expect(entryTimeIso("2026-03-02T12:15:00+02:00")).toBe("2026-03-02T10:15:00.000Z");
    expect(entryTimeIso("2026-03-02T12:15:00+0200")).toBe("2026-03-02T10:15:00.000Z");
  });
});
