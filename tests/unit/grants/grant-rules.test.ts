import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { createTranslator } from "next-intl";
import messages from "@/messages/en";
import { consentText, fourEyesReasonText, scopeSummary } from "@/lib/grants/consent";
import { coversAllLedgers, fourEyesReasons } from "@/lib/grants/four-eyes";
import { isNarrowing, sameScope } from "@/lib/grants/scope-compare";
import type { GrantScopeValues } from "@/lib/grants/schemas";
import { formatEml, quotedPrintable } from "@/lib/server/notifications/eml";

describe("four-eyes rule (M5)", () => {
  it.each([
    [{ includesPersonalData: false, validUntil: "2027-01-01", coversAllLedgers: false }, []],
    [{ includesPersonalData: true, validUntil: "2027-01-01", coversAllLedgers: false }, ["personal_data"]],
    [{ includesPersonalData: false, validUntil: null, coversAllLedgers: false }, ["no_end_date"]],
    [{ includesPersonalData: false, validUntil: "2027-01-01", coversAllLedgers: true }, ["all_ledgers"]],
    [{ includesPersonalData: true, validUntil: null, coversAllLedgers: true }, ["personal_data", "all_ledgers", "no_end_date"]],
  ] as const)("%j → %j", (input, reasons) => {
    expect(fourEyesReasons(input)).toEqual(reasons);
  });

  it("every ledger counts only for merchants with more than one ledger, and counts ledgers already held", () => {
    expect(coversAllLedgers(["a"], ["a"])).toBe(false);
    expect(coversAllLedgers(["a", "b"], ["a"])).toBe(false);
    expect(coversAllLedgers(["a", "b"], ["b", "a"])).toBe(true);
    expect(coversAllLedgers(["a", "b", "c"], ["a", "b", "c", "x"])).toBe(true);
  });
});

const date = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 60 }).map((d) => `2026-0${1 + (d % 9)}-${String(1 + (d % 28)).padStart(2, "0")}`));
const scope = fc.record({ periodFrom: date, periodTo: date, includesPersonalData: fc.boolean(), validUntil: date });

describe("narrowing vs widening (M3)", () => {
  it("a scope narrows itself, and open ends are the widest", () => {
    fc.assert(fc.property(scope, (s) => {
      expect(isNarrowing(s, s)).toBe(true);
      expect(sameScope(s, s)).toBe(true);
      const widest: GrantScopeValues = { periodFrom: null, periodTo: null, includesPersonalData: true, validUntil: null };
      expect(isNarrowing(widest, s)).toBe(true);
    }));
  });

  it("adding personal data or removing the end date is never narrowing", () => {
    fc.assert(fc.property(scope, (s) => {
      if (!s.includesPersonalData) expect(isNarrowing(s, { ...s, includesPersonalData: true })).toBe(false);
      if (s.validUntil) expect(isNarrowing(s, { ...s, validUntil: null })).toBe(false);
    }));
  });

  it("narrowing is transitive", () => {
    fc.assert(fc.property(scope, scope, scope, (a, b, c) => {
      if (isNarrowing(a, b) && isNarrowing(b, c)) expect(isNarrowing(a, c)).toBe(true);
    }));
  });
});

describe("consent text and scope summary", () => {
  const t = createTranslator({ locale: "en", messages, namespace: "grantNotices" });
  const tn = (k: string, v?: Record<string, string | number>) => t(k as "consent", v as never);

  it("spells out the scope", () => {
    expect(scopeSummary(tn, { periodFrom: "2026-01-01", periodTo: null, includesPersonalData: false, validUntil: "2026-12-31" }, "en")).toBe(
      "ledger dates from Jan 1, 2026; without personal data; until Dec 31, 2026",
    );
    expect(scopeSummary(tn, { periodFrom: null, periodTo: null, includesPersonalData: true, validUntil: null }, "en")).toBe(
      "all ledger dates; with payer names, masked phone numbers and messages; with no end date",
    );
  });

  it("names the merchant, the partner and every ledger", () => {
    const text = consentText(tn, { merchant: "Fjord Kaffe AS", partner: "Konto Partner ApS", ledgers: ["302101", "302102"], scope: { periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: "2027-01-31" } }, "en");
    expect(text).toBe(
      "Fjord Kaffe AS gives Konto Partner ApS read access to the settlement ledgers 302101, 302102: all ledger dates; without personal data; until Jan 31, 2027. The period and the personal-data choice bind what Konto Partner ApS reads through Ledger Access. Vipps MobilePay's own access is per ledger: with its own accounting API keys, Konto Partner ApS can read these ledgers at the Report API for every date, with whatever data the API returns, whatever is chosen here. Fjord Kaffe AS can change or end this access at any time.",
    );
  });

  it("explains four-eyes reasons in words", () => {
    expect(fourEyesReasonText(tn, ["personal_data", "no_end_date"])).toBe("includes payer names, phones and messages, has no end date, or one more than 2 years away");
  });
});

describe(".eml files", () => {
  it("writes a plain-text mail with safe headers", () => {
    const eml = formatEml({ id: "abc", to: "mads@kontopartner.example\r\nBcc: evil@example.test", subject: "Adgang ændret\r\nX-Injected: 1", body: "Hei!\nLinje to", date: new Date("2026-01-02T03:04:05Z") });
    const [head, body] = eml.split("\r\n\r\n");
    expect(head).not.toMatch(/^Bcc:/m);
    expect(head).not.toMatch(/^X-Injected:/m);
    expect(head).toContain(`Subject: =?utf-8?B?${Buffer.from("Adgang ændret X-Injected: 1").toString("base64")}?=`);
    expect(head).toContain("Date: Fri, 02 Jan 2026 03:04:05 +0000");
    expect(body).toBe("Hei!\r\nLinje to\r\n");
  });

  it("quoted-printable round-trips any text and keeps lines at most 76 characters", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
      const qp = quotedPrintable(text);
      for (const line of qp.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
      const decoded = Buffer.from(qp.replace(/=\r\n/g, "").replace(/\r\n/g, "\n").replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
      expect(decoded).toBe(text.replace(/\r\n?/g, "\n"));
    }));
  });
});
