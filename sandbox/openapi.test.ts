/** The spec check used by the contract tests must reject what the spec forbids, or it proves nothing. */
import { describe, expect, it } from "vitest";
import { assertMatchesSpec, schemaFor } from "./test-support/openapi";

const entry = {
  pspReference: "3343121302",
  time: "2025-06-17T08:12:33.123456Z",
  ledgerDate: "2025-06-17",
  entryType: "instant-payout-fee",
  reference: "acme-shop-123-order123abc",
  currency: "NOK",
  amount: -500,
  balanceBefore: 0,
  balanceAfter: -500,
  recipientHandle: null,
};

describe("official OpenAPI check", () => {
  it("accepts a good page, an unknown entry type and a null recipientHandle (the documented relaxations)", () => {
    expect(() => assertMatchesSpec("report", { hasMore: false, tryLater: false, items: [entry] })).not.toThrow();
  });

  it("rejects wrong types and formats", () => {
    expect(() => assertMatchesSpec("report", { hasMore: "false", tryLater: false, items: [] })).toThrow(/hasMore/);
    expect(() => assertMatchesSpec("report", { hasMore: false, items: [{ ...entry, amount: "-500" }] })).toThrow(/amount/);
    expect(() => assertMatchesSpec("report", { hasMore: false, items: [{ ...entry, amount: 1.5 }] })).toThrow(/int32/);
    expect(() => assertMatchesSpec("report", { hasMore: false, items: [{ ...entry, time: "yesterday" }] })).toThrow(/DateTime/);
    expect(() => assertMatchesSpec("report", { hasMore: false, items: [{ ...entry, recipientHandle: 5 }] })).toThrow(/recipientHandle/);
    expect(() => assertMatchesSpec("ledgers", { cursor: "", items: [{ ledgerId: 302101 }] })).toThrow(/ledgerId/);
    expect(() => assertMatchesSpec("unauthorized", { code: 401, message: "x" })).toThrow(/code/);
    expect(() => assertMatchesSpec("serverError", { errorCode: "10001", errorMessage: "x", contextId: "y" })).toThrow(/errorCode/);
  });

  it("holds token responses to the access-token spec (standard: all strings, all required)", () => {
    const ok = { token_type: "Bearer", expires_in: "86399", ext_expires_in: "86399", expires_on: "1", not_before: "0", resource: "r", access_token: "a.b.c" };
    expect(() => assertMatchesSpec("standardToken", ok)).not.toThrow();
    expect(() => assertMatchesSpec("standardToken", { ...ok, expires_in: 86399 })).toThrow(/expires_in/);
    const { resource: _, ...missing } = ok;
    expect(() => assertMatchesSpec("standardToken", missing)).toThrow(/resource/);
    expect(() => assertMatchesSpec("specializedToken", { access_token: "a.b.c", token_type: "Bearer", expires_in: 900 })).not.toThrow();
    expect(() => assertMatchesSpec("specializedToken", { token_type: "Bearer", expires_in: 900 })).toThrow(/access_token/);
  });

  it("maps routes and statuses to the spec's schemas", () => {
    expect(schemaFor("GET", "/report/v2/ledgers/1/funds/dates/2025-01-01", 200)).toBe("report");
    expect(schemaFor("GET", "/report/v2/ledgers/1/fees/feed", 404)).toBe("problem");
    expect(schemaFor("GET", "/settlement/v1/ledgers", 401)).toBe("unauthorized");
    expect(schemaFor("POST", "/miami/v1/token", 200)).toBe("specializedToken");
  });
});
