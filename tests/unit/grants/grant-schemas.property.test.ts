import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GRANT_ERROR_KEYS, grantSchemas, isCalendarDate, MAX_LEDGERS_PER_GRANT, type GrantErrorKey } from "@/lib/grants/schemas";
import { shiftLedgerDate } from "@/lib/dates";

// The schema the form and the action share. Messages are the catalogue keys here, so a test can tell which
// rule spoke; in the app they are the catalogue's texts.
const TODAY = "2026-06-15";
const { grantAccessSchema, changeGrantSchema, previewGrantSchema, declineGrantSchema } = grantSchemas((k: GrantErrorKey) => k, () => TODAY);
const KEYS = new Set<string>(GRANT_ERROR_KEYS);

const date = fc.integer({ min: -4000, max: 4000 }).map((d) => shiftLedgerDate(TODAY, d));
const junk = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
const maybeDate = fc.oneof(date, fc.constant(""), fc.constant(null), junk);
const maybeId = fc.oneof(fc.uuid(), fc.constant(""), junk);

const anyGrantInput = fc.record(
  {
    partnerId: maybeId,
    ledgerIds: fc.oneof(fc.array(maybeId, { maxLength: 5 }), fc.array(fc.uuid(), { minLength: 1, maxLength: 60 }), junk),
    periodFrom: maybeDate,
    periodTo: maybeDate,
    includesPersonalData: fc.oneof(fc.boolean(), junk),
    validUntil: maybeDate,
    consentAccepted: fc.oneof(fc.constant(true), junk),
  },
  { requiredKeys: [] },
);

describe("grantAccessSchema (property)", () => {
  it("any input either parses to a valid grant request or yields field errors from the catalogue; it never throws", () => {
    fc.assert(
      fc.property(anyGrantInput, (input) => {
        const result = grantAccessSchema.safeParse(input);
        if (result.success) {
          const g = result.data;
          expect(g.ledgerIds.length).toBeGreaterThan(0);
          expect(g.ledgerIds.length).toBeLessThanOrEqual(MAX_LEDGERS_PER_GRANT);
          expect(new Set(g.ledgerIds).size).toBe(g.ledgerIds.length);
          for (const d of [g.periodFrom, g.periodTo, g.validUntil]) expect(d === null || isCalendarDate(d)).toBe(true);
          if (g.periodFrom && g.periodTo) expect(g.periodFrom <= g.periodTo).toBe(true);
          if (g.validUntil) expect(g.validUntil >= TODAY).toBe(true);
          expect(g.consentAccepted).toBe(true);
          expect(typeof g.includesPersonalData).toBe("boolean");
        } else {
          expect(result.error.issues.length).toBeGreaterThan(0);
          for (const issue of result.error.issues) expect(KEYS.has(issue.message), `unexpected message "${issue.message}"`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("a well-formed request always parses, and empty dates mean open", () => {
    fc.assert(
      fc.property(fc.uuid(), fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 10 }), fc.boolean(), date, date, fc.integer({ min: 0, max: 3000 }), (partnerId, ledgerIds, pd, a, b, ahead) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const result = grantAccessSchema.safeParse({ partnerId, ledgerIds, periodFrom: from, periodTo: to, includesPersonalData: pd, validUntil: shiftLedgerDate(TODAY, ahead), consentAccepted: true });
        expect(result.success).toBe(true);
        const open = grantAccessSchema.safeParse({ partnerId, ledgerIds, periodFrom: "", periodTo: null, includesPersonalData: pd, validUntil: "", consentAccepted: true });
        expect(open.success && [open.data.periodFrom, open.data.periodTo, open.data.validUntil]).toEqual([null, null, null]);
      }),
    );
  });

  it("dates out of order are reported on the end of the period", () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 500 }), (from, days) => {
        const result = grantAccessSchema.safeParse({ partnerId: crypto.randomUUID(), ledgerIds: [crypto.randomUUID()], periodFrom: from, periodTo: shiftLedgerDate(from, -days), includesPersonalData: false, validUntil: null, consentAccepted: true });
        expect(result.success).toBe(false);
        if (!result.success) expect(result.error.issues).toContainEqual(expect.objectContaining({ path: ["periodTo"], message: "periodOrder" }));
      }),
    );
  });
});

describe("all problems at once", () => {
  it("reports dates out of order together with a missing consent, so the form shows both", () => {
    const result = grantAccessSchema.safeParse({ partnerId: crypto.randomUUID(), ledgerIds: [crypto.randomUUID()], periodFrom: "2026-03-10", periodTo: "2026-03-01", includesPersonalData: false, validUntil: null, consentAccepted: false });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([["consentAccepted", "consentRequired"], ["periodTo", "periodOrder"]]);
  });
});

describe("the other grant schemas (property)", () => {
  it.each([
    ["changeGrantSchema", changeGrantSchema],
    ["previewGrantSchema", previewGrantSchema],
    ["declineGrantSchema", declineGrantSchema],
  ] as const)("%s never throws and only speaks catalogue keys", (_name, schema) => {
    fc.assert(
      fc.property(fc.record({ grantId: maybeId, ledgerId: maybeId, periodFrom: maybeDate, periodTo: maybeDate, includesPersonalData: fc.oneof(fc.boolean(), junk), validUntil: maybeDate, reason: fc.oneof(fc.string({ maxLength: 700 }), junk) }, { requiredKeys: [] }), (input) => {
        const result = schema.safeParse(input);
        if (!result.success) for (const issue of result.error.issues) expect(KEYS.has(issue.message), issue.message).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("isCalendarDate", () => {
  it.each([["2024-02-29", true], ["2025-02-29", false], ["2025-13-01", false], ["2025-1-01", false], ["2025-04-31", false], ["2025-12-31", true], ["x", false]])("%s → %s", (v, ok) => {
    expect(isCalendarDate(v)).toBe(ok);
  });
});
