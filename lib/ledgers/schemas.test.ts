import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { MAX_RANGE_DAYS, addDays, clampRange, daysInRange, eachDate } from "@/lib/ledgers/range";
import { formErrorText } from "@/lib/validation/form-errors";
import { merchantEntriesReadSchema, partnerEntriesReadSchema, partnerRangeReadSchema } from "@/lib/ledgers/schemas";
import coreEn from "@/messages/en/core.json";
import coreNb from "@/messages/nb/core.json";

const rangeEn = createTranslator({ locale: "en", messages: coreEn, namespace: "formErrors" });
const rangeNb = createTranslator({ locale: "nb", messages: coreNb, namespace: "formErrors" });

/** Each field's message as a reader sees it (the range schema's messages are catalogue keys). */
function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, t = rangeEn) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), formErrorText(i.message, t)]));
}

describe("ledger read input", () => {
  it("accepts a real range of at most the limit", () => {
    expect(partnerRangeReadSchema.safeParse({ ledgerId: "302101", from: "2026-01-01", to: "2026-04-02" }).success).toBe(true);
    expect(daysInRange({ from: "2026-01-01", to: "2026-04-02" })).toBe(MAX_RANGE_DAYS);
  });

  it("explains malformed and impossible dates", () => {
    expect(messages(partnerRangeReadSchema.safeParse({ ledgerId: "302101", from: "2026-13-45", to: "2026-01-02" }))).toEqual({ from: "Enter a real date as YYYY-MM-DD." });
    expect(messages(partnerRangeReadSchema.safeParse({ ledgerId: "302101", from: "2026-02-30", to: "yesterday" }))).toMatchObject({ from: "Enter a real date as YYYY-MM-DD." });
    expect(partnerRangeReadSchema.safeParse({ ledgerId: "302101", from: "2026-01-01" }).success).toBe(false);
  });

  it("explains a start after the end, and ranges over the limit", () => {
    expect(messages(partnerRangeReadSchema.safeParse({ ledgerId: "302101", from: "2026-03-02", to: "2026-03-01" }))).toEqual({ to: "The start date must be on or before the end date." });
    expect(messages(partnerRangeReadSchema.safeParse({ ledgerId: "302101", from: "2026-01-01", to: "2026-04-03" }))).toEqual({ to: `Choose at most ${MAX_RANGE_DAYS} days at a time.` });
  });

  it("says the range's mistakes in the reader's language", () => {
    expect(messages(partnerRangeReadSchema.safeParse({ ledgerId: "302101", from: "2026-01-01", to: "2026-04-03" }), rangeNb)).toEqual({ to: `Velg høyst ${MAX_RANGE_DAYS} dager om gangen.` });
    expect(messages(partnerRangeReadSchema.safeParse({ ledgerId: "302101", from: "2026-02-30", to: "2026-03-01" }), rangeNb)).toEqual({ from: "Skriv inn en gyldig dato som ÅÅÅÅ-MM-DD." });
  });

  it("refuses oversized and odd strings with a message", () => {
    const base = { ledgerId: "302101", from: "2026-03-01", to: "2026-03-02", topic: "funds" };
    expect(messages(partnerEntriesReadSchema.safeParse({ ...base, search: "x".repeat(101) }))).toEqual({ search: "Search for at most 100 characters." });
    expect(messages(partnerEntriesReadSchema.safeParse({ ...base, ledgerId: "9".repeat(65) }))).toEqual({ ledgerId: "That is not a ledger id." });
    expect(messages(partnerEntriesReadSchema.safeParse({ ...base, ledgerId: "../302101" }))).toEqual({ ledgerId: "That is not a ledger id." });
    expect(messages(partnerEntriesReadSchema.safeParse({ ...base, topic: "payouts" }))).toEqual({ topic: "Choose funds or fees." });
    expect(messages(partnerEntriesReadSchema.safeParse({ ...base, after: "'; drop table" }))).toEqual({ after: "That page does not exist." });
    expect(messages(merchantEntriesReadSchema.safeParse({ ...base, msn: "x".repeat(5000) }))).toEqual({ msn: "An MSN is 4 to 7 digits." });
    expect(messages(partnerRangeReadSchema.safeParse({ ledgerId: "302101", from: "2".repeat(10_000), to: "2026-03-02" }))).toEqual({ from: "Enter a date as YYYY-MM-DD." });
  });

  it("trims the search", () => {
    const parsed = partnerEntriesReadSchema.parse({ ledgerId: "302101", from: "2026-03-01", to: "2026-03-02", topic: "fees", search: "  abc  " });
    expect(parsed.search).toBe("abc");
  });
});

describe("date ranges", () => {
  it("walks dates across month and year ends", () => {
    expect(eachDate({ from: "2025-12-30", to: "2026-01-02" })).toEqual(["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"]);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  });

  it("clamps to bounds, open or closed, and says when nothing overlaps", () => {
    expect(clampRange({ from: "2026-01-01", to: "2026-01-31" }, { from: "2026-01-10", to: null })).toEqual({ from: "2026-01-10", to: "2026-01-31" });
    expect(clampRange({ from: "2026-01-01", to: "2026-01-31" }, { from: null, to: "2026-01-05" })).toEqual({ from: "2026-01-01", to: "2026-01-05" });
    expect(clampRange({ from: "2026-01-01", to: "2026-01-31" }, { from: "2026-02-01", to: null })).toBeNull();
  });
});
