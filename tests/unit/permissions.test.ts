import { describe, expect, it } from "vitest";
import { MERCHANT_PERMISSIONS, PARTNER_PERMISSIONS, merchantCan, partnerCan } from "@/lib/server/authz/permissions";

describe("permissions", () => {
  it("lets only merchant admins approve four-eyes grants and store keys", () => {
    expect(merchantCan("admin", "grants.approve")).toBe(true);
    expect(merchantCan("manager", "grants.approve")).toBe(false);
    expect(merchantCan("viewer", "keys.write")).toBe(false);
  });

  it("keeps viewers read-only", () => {
    const writes = MERCHANT_PERMISSIONS.viewer.filter((p) => !p.endsWith(".read"));
    expect(writes).toEqual([]);
  });

  it("lets accountants read and export but not manage the firm", () => {
    expect(partnerCan("accountant", "ledgers.export")).toBe(true);
    expect(partnerCan("accountant", "staff.write")).toBe(false);
    expect(PARTNER_PERMISSIONS.owner).toContain("keys.write");
  });

  it("fails closed for unknown roles", () => {
    expect(merchantCan("superuser", "partners.read")).toBe(false);
    expect(partnerCan("", "clients.read")).toBe(false);
    expect(merchantCan("__proto__", "partners.read")).toBe(false);
  });
});
