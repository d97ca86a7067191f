import { describe, expect, it } from "vitest";
import { ledgerAccess } from "@/lib/server/grants/access-rules";
import { isUniqueViolation } from "@/lib/server/grants/transaction";

describe("who may grant a ledger", () => {
  const shared = ["unit-a", "unit-b"];
  it.each([
    ["admin", "all", shared, "grantable"],
    ["viewer", "all", shared, "visible"],
    ["manager", ["unit-a", "unit-b"], shared, "grantable"],
    // A shared ledger also holds the other unit's money: seeing it is not enough to grant it.
    ["manager", ["unit-a"], shared, "visible"],
    ["manager", ["unit-c"], shared, "hidden"],
    ["manager", [], ["unit-a"], "hidden"],
    ["manager", ["unit-a"], [], "hidden"],
    ["unknown-role", "all", shared, "visible"],
  ] as const)("%s with scope %j on %j → %s", (role, scope, units, expected) => {
    expect(ledgerAccess({ role: role as "admin", salesUnitScope: scope as "all" | string[] }, units)).toBe(expected);
  });
});

describe("unique violations", () => {
  it("recognises Prisma's and PostgreSQL's codes, also wrapped", () => {
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(isUniqueViolation({ code: "23505" })).toBe(true);
    expect(isUniqueViolation({ message: "x", cause: { meta: { code: "23505" } } })).toBe(true);
    expect(isUniqueViolation({ code: "P2025" })).toBe(false);
    expect(isUniqueViolation(new Error("boom"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
