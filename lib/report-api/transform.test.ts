import { describe, expect, it } from "vitest";
import { categorizeEntry } from "./transform";

describe("categorizeEntry", () => {
  it("categorises both payout names and unknown types", () => {
    expect(categorizeEntry("scheduled-for-payout")).toBe("payouts");
    expect(categorizeEntry("payout-scheduled")).toBe("payouts");
    expect(categorizeEntry("capture-fee")).toBe("fees");
    expect(categorizeEntry("retained-disputed-capture")).toBe("disputes");
    expect(categorizeEntry("something-else")).toBe("other");
  });
});
