import { describe, expect, it } from "vitest";
import { applyScopeEdit } from "@/lib/grants/scope-compare";
import type { GrantScopeValues } from "@/lib/grants/schemas";
import { grantPairLockKey } from "@/lib/server/grants/lock-merchant-partner";

describe("the merchant-and-partner lock key", () => {
  const m = "7d1f9c8e-1111-4a2b-9c3d-000000000001";
  const p = "7d1f9c8e-2222-4a2b-9c3d-000000000002";

  it("is two int4 values, the same for the same pair in any process and whatever the case of the ids", () => {
    const [hi, lo] = grantPairLockKey(m, p);
    for (const v of [hi, lo]) expect(Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31).toBe(true);
    expect(grantPairLockKey(m.toUpperCase(), p)).toEqual([hi, lo]);
    // A fixed value: a change of the derivation would let two releases running side by side miss each other.
    expect(grantPairLockKey(m, p)).toMatchInlineSnapshot(`
      [
        1819956929,
        -2142176578,
      ]
    `);
  });

  it("differs between pairs, including the same two ids the other way round", () => {
    expect(grantPairLockKey(p, m)).not.toEqual(grantPairLockKey(m, p));
    expect(grantPairLockKey(m, m)).not.toEqual(grantPairLockKey(m, p));
  });
});

describe("applying an edit onto the grant as it is now", () => {
  const shown: GrantScopeValues = { periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: "2027-01-10" };

  it("keeps a renewal committed while the form was open when the user changed only the period", () => {
    const now = { ...shown, validUntil: "2027-02-09" };
    expect(applyScopeEdit(now, shown, { ...shown, periodFrom: "2026-11-01" })).toEqual({ ...now, periodFrom: "2026-11-01" });
  });

  it("takes the user's value for every field they changed, also over a concurrent change of that field", () => {
    const now = { ...shown, validUntil: "2027-02-09", periodTo: "2026-10-31" };
    const edited = { ...shown, validUntil: "2026-12-31", includesPersonalData: true };
    expect(applyScopeEdit(now, shown, edited)).toEqual({ ...edited, periodTo: "2026-10-31" });
  });

  it("an unchanged form leaves the grant as it is now", () => {
    const now = { ...shown, periodTo: "2026-12-31" };
    expect(applyScopeEdit(now, shown, shown)).toEqual(now);
  });
});
