import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isLedgerDate, isOrgNo } from "@/lib/lifecycle/fields";
import { lifecycleSchemas, LIFECYCLE_ERROR_KEYS, MAX_REQUESTED_MSNS, PURPOSE_MAX, PURPOSE_MIN, type LifecycleErrorKey } from "@/lib/lifecycle/schemas";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

const t = serverTranslator("lifecycleErrors");
const { createAccessRequestSchema, approveAccessRequestSchema } = lifecycleSchemas((key: LifecycleErrorKey, values) => t(key, values));

// Generators for well-formed values of each field.
const isoDay = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const optionalDay = fc.oneof(fc.constant(""), isoDay);
const msn = fc.stringMatching(/^\d{4,10}$/);
const orgNo = fc.oneof(fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^\d{8}$/), fc.stringMatching(/^\d{7}-\d$/));
const purpose = fc.string({ minLength: PURPOSE_MIN, maxLength: PURPOSE_MAX }).filter((s) => s.trim().length >= PURPOSE_MIN);
const validRequest = fc
  .record({
    by: fc.constantFrom("msn" as const, "orgNo" as const),
    msns: fc.uniqueArray(msn, { minLength: 1, maxLength: MAX_REQUESTED_MSNS }),
    orgNo,
    periodFrom: optionalDay,
    periodTo: optionalDay,
    includesPersonalData: fc.boolean(),
    purpose,
  })
  .map((r) => (r.periodFrom && r.periodTo && r.periodFrom > r.periodTo ? { ...r, periodFrom: r.periodTo, periodTo: r.periodFrom } : r));

// Every message the schemas can give, with each limit they name: a refusal must say one of these.
const messagesText = new Set(LIFECYCLE_ERROR_KEYS.flatMap((k) => [PURPOSE_MAX, MAX_REQUESTED_MSNS].map((max) => t(k, { min: PURPOSE_MIN, max }))));

describe("the access request schema (property-based)", () => {
  it("accepts every well-formed request, and keeps what it was given (trimmed)", () => {
    fc.assert(
      fc.property(validRequest, (r) => {
        const parsed = createAccessRequestSchema.safeParse(r);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        if (parsed.success) {
          expect(parsed.data.purpose).toBe(r.purpose.trim());
          expect(parsed.data.periodFrom).toBe(r.periodFrom);
          expect(parsed.data.msns).toEqual(r.msns);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("refuses a period that ends before it starts, naming periodTo", () => {
    fc.assert(
      fc.property(validRequest, isoDay, isoDay, (r, a, b) => {
        fc.pre(a !== b);
        const [from, to] = a > b ? [a, b] : [b, a];
        const parsed = createAccessRequestSchema.safeParse({ ...r, periodFrom: from, periodTo: to });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues.map((i) => i.path.join("."))).toContain("periodTo");
      }),
    );
  });

  it("refuses anything that is not a real calendar date in 2000–2099", () => {
    const notADate = fc.string({ maxLength: 12 }).filter((s) => s !== "" && !isLedgerDate(s));
    fc.assert(
      fc.property(validRequest, notADate, fc.constantFrom("periodFrom", "periodTo"), (r, bad, field) => {
        const parsed = createAccessRequestSchema.safeParse({ ...r, [field]: bad });
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues.map((i) => i.path[0])).toContain(field);
      }),
    );
    for (const bad of ["2025-02-29", "1999-12-31", "2100-01-01", "2025-1-01", "20250101"]) {
      expect(createAccessRequestSchema.safeParse({ by: "orgNo", msns: [], orgNo: "912345678", periodFrom: bad, periodTo: "", includesPersonalData: false, purpose: "Year-end closing" }).success, bad).toBe(false);
    }
  });

  it("needs an MSN list when asking by MSN and a valid org. number when asking by org. number", () => {
    fc.assert(
      fc.property(validRequest, fc.string({ maxLength: 30 }), (r, junk) => {
        expect(createAccessRequestSchema.safeParse({ ...r, by: "msn", msns: [] }).success).toBe(false);
        const org = createAccessRequestSchema.safeParse({ ...r, by: "orgNo", orgNo: junk });
        expect(org.success).toBe(junk.trim() !== "" && isOrgNo(junk.trim()) && junk.length <= 20);
      }),
    );
  });

  it("refuses oversized and mistyped fields with a catalogue message, never throwing", () => {
    fc.assert(
      fc.property(
        validRequest,
        fc.constantFrom("by", "msns", "orgNo", "periodFrom", "periodTo", "includesPersonalData", "purpose"),
        fc.oneof(fc.integer(), fc.constant(null), fc.object(), fc.string({ minLength: 501, maxLength: 2000 }), fc.array(fc.integer(), { minLength: 1 })),
        (r, field, value) => {
          // An org. number is only checked when asking by org. number.
          fc.pre(!(field === "orgNo" && r.by === "msn" && typeof value === "string"));
          const parsed = createAccessRequestSchema.safeParse({ ...r, [field]: value });
          expect(parsed.success).toBe(false);
          for (const issue of parsed.error?.issues ?? []) expect(messagesText.has(issue.message), issue.message).toBe(true);
        },
      ),
    );
  });

  it("survives any input whatsoever: a result, never an exception", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => createAccessRequestSchema.safeParse(value)).not.toThrow();
        expect(() => approveAccessRequestSchema.safeParse(value)).not.toThrow();
      }),
    );
  });

  it("approval: ledgers are 1–50 distinct ids and the period is ordered", () => {
    const id = fc.uuid({ version: 4 });
    fc.assert(
      fc.property(fc.uniqueArray(id, { minLength: 1, maxLength: 50 }), optionalDay, optionalDay, optionalDay, fc.boolean(), (ledgerIds, a, b, validUntil, pd) => {
        const ordered = a && b && a > b ? [b, a] : [a, b];
        const parsed = approveAccessRequestSchema.safeParse({ requestId: ledgerIds[0], ledgerIds, periodFrom: ordered[0], periodTo: ordered[1], includesPersonalData: pd, validUntil });
        expect(parsed.success).toBe(true);
        expect(approveAccessRequestSchema.safeParse({ requestId: ledgerIds[0], ledgerIds: [...ledgerIds, ledgerIds[0]], periodFrom: "", periodTo: "", includesPersonalData: pd, validUntil }).success).toBe(false);
      }),
    );
  });
});
