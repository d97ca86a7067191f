import { describe, expect, it } from "vitest";
import { MERCHANTS } from "@/lib/demo-world/world";

// The demo world must only contain what upstream can have. Regression: the sandbox handed merchant API keys to
// a MobilePay-nummer sales unit (DK:90601), and its one joint ledger joined two Vippsnummer units, so the
// single-MSN denial was shown with keys that cannot exist.

const units = MERCHANTS.flatMap((m) => m.salesUnits);

describe("demo world", () => {
  it("gives API keys to API sales units only, never to Vippsnummer / MobilePay-nummer ones", () => {
    for (const u of units) expect(u.keys !== undefined, `${u.msn} (${u.recipientHandle})`).toBe(u.channel === "api");
    expect(units.find((u) => u.recipientHandle === "DK:90601")?.keys).toBeUndefined();
  });

  it("has a ledger that settles several sales units, each of which can hold keys of its own", () => {
    const joint = MERCHANTS.flatMap((m) => m.ledgers.map((l) => ({ m, l }))).filter(({ l }) => l.salesUnitMsns.length > 1);
    expect(joint.length).toBeGreaterThan(0);
    for (const { m, l } of joint) {
      for (const msn of l.salesUnitMsns) {
        const unit = m.salesUnits.find((u) => u.msn === msn);
        expect(unit?.channel, `${l.ledgerId}: ${msn}`).toBe("api");
        expect(unit?.keys, `${l.ledgerId}: ${msn}`).toBeDefined();
      }
    }
  });

  it("still has a VM sales unit (personal data on its payments, read through a partner)", () => {
    expect(units.some((u) => u.channel === "vm")).toBe(true);
  });
});
