import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { csvToString, CsvDecimal } from "@/lib/csv/csv-writer";
import { resolveColumns } from "@/lib/exports/columns";
import { minorTextToDecimal, minorToDecimal } from "@/lib/exports/money";
import { exportOptionsSchema, exportQuery, parseExportQuery } from "@/lib/exports/schemas";
import { EXPORT_TIME_ZONES, ZonedClock, type ExportTimeZone } from "@/lib/exports/time-zone";
import { createTranslator } from "next-intl";
import { formErrorText } from "@/lib/validation/form-errors";
import coreEn from "@/messages/en/core.json";

describe("minor units to decimals", () => {
  it("converts exactly, signs and small values included", () => {
    expect(minorToDecimal(12345n)).toBe("123.45");
    expect(minorToDecimal(-5n)).toBe("-0.05");
    expect(minorToDecimal(0n)).toBe("0.00");
    expect(minorToDecimal(-100n)).toBe("-1.00");
    expect(minorToDecimal(9_007_199_254_740_993n)).toBe("90071992547409.93"); // beyond float precision
  });

  it("round-trips every bigint through its text", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (v) => {
        const text = minorToDecimal(v);
        expect(BigInt(text.replace(".", ""))).toBe(v);
      }),
    );
  });

  it("converts the database's integer text the same way, with no number in between", () => {
    expect(minorTextToDecimal("12345")).toBe("123.45");
    expect(minorTextToDecimal("-5")).toBe("-0.05");
    expect(minorTextToDecimal("0")).toBe("0.00");
    expect(() => minorTextToDecimal("1e3")).toThrow();
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (v) => {
      expect(minorTextToDecimal(v.toString())).toBe(minorToDecimal(v));
    }));
  });

  it("is written unquoted and untouched by the formula rule in CSV", async () => {
    const csv = await csvToString(["Amount", "Text"], [[new CsvDecimal("-125.50"), "-125.50"]]);
    expect(csv).toBe('\uFEFF"Amount","Text"\r\n-125.50,"\'-125.50"\r\n');
    expect(() => new CsvDecimal("=1+1")).toThrow();
  });
});

describe("columns", () => {
  it("uses the purpose's defaults, always the currency, never personal data without the right to it", () => {
    expect(resolveColumns({ purpose: "bookkeeping", personalData: false, includeOpen: false })).toEqual(["ledgerDate", "entryType", "pspReference", "reference", "amount", "currency"]);
    expect(resolveColumns({ purpose: "full", personalData: false, includeOpen: false })).not.toContain("payerName");
    expect(resolveColumns({ purpose: "full", personalData: true, includeOpen: false })).toContain("payerName");
    expect(resolveColumns({ purpose: "bookkeeping", chosen: ["amount", "message"], personalData: false, includeOpen: true })).toEqual(["amount", "currency", "status"]);
  });
});

describe("options", () => {
  it("parses a query string back to the options it was built from", () => {
    const o = exportOptionsSchema.parse({ from: "2026-11-01", to: "2026-11-30", format: "xlsx", topics: "funds", purpose: "full", columns: "amount,time", tz: "UTC", includeOpen: "1" });
    const back = parseExportQuery(new URLSearchParams(exportQuery(o)));
    expect(back).toEqual({ ok: true, options: o });
  });

  it("refuses impossible dates, reversed or over-long periods and unknown columns with a message", () => {
    const en = createTranslator({ locale: "en", messages: coreEn, namespace: "formErrors" });
    const bad = (q: string) => {
      const parsed = parseExportQuery(new URLSearchParams(q));
      return parsed.ok ? parsed : { ok: false, message: formErrorText(parsed.message, en) };
    };
    expect(bad("from=2026-02-30&to=2026-03-01&format=csv")).toMatchObject({ ok: false });
    expect(bad("from=2026-03-02&to=2026-03-01&format=csv")).toMatchObject({ ok: false, message: "The start date must be on or before the end date." });
    expect(bad("from=2024-01-01&to=2026-03-01&format=csv")).toMatchObject({ ok: false, message: "Choose at most 366 days at a time." });
    expect(bad("from=2026-03-01&to=2026-03-01&format=csv&columns=amount,__proto__")).toMatchObject({ ok: false, message: "Choose columns from the list." });
    expect(bad("from=2026-03-01&to=2026-03-01&format=pdf")).toMatchObject({ ok: false, message: "Choose CSV or XLSX." });
  });
});

describe("entry times in a time zone", () => {
  it("formats with the zone's offset on both sides of a DST change", () => {
    const oslo = new ZonedClock("Europe/Oslo");
    expect(oslo.iso(Date.parse("2026-03-29T00:30:00.000Z"))).toBe("2026-03-29T01:30:00.000+01:00");
    expect(oslo.iso(Date.parse("2026-03-29T01:30:00.000Z"))).toBe("2026-03-29T03:30:00.000+02:00");
    expect(new ZonedClock("UTC").iso(Date.parse("2026-07-01T12:00:00.250Z"))).toBe("2026-07-01T12:00:00.250Z");
    expect(new ZonedClock("Europe/Helsinki").wallClock(Date.parse("2026-07-01T12:00:00Z")).toISOString()).toBe("2026-07-01T15:00:00.000Z");
  });

  it("says what the zone's own clock says, for any instant in any order", () => {
    const reference = (ms: number, tz: ExportTimeZone) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat("en-CA", { timeZone: tz, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZoneName: "longOffset" })
          .formatToParts(ms)
          .map((p) => [p.type, p.value]),
      );
      const offset = parts.timeZoneName === "GMT" ? "+00:00" : String(parts.timeZoneName).slice(3);
      return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${String(ms % 1000).padStart(3, "0")}${tz === "UTC" ? "Z" : offset}`;
    };
    const clocks = EXPORT_TIME_ZONES.map((tz) => new ZonedClock(tz));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: Date.parse("2000-01-01T00:00:00Z"), max: Date.parse("2040-12-31T23:59:59Z") }), { minLength: 1, maxLength: 20 }), (instants) => {
        for (const clock of clocks) for (const ms of instants) expect(clock.iso(ms)).toBe(reference(ms, clock.timeZone));
      }),
      { numRuns: 300 },
    );
  });
});
