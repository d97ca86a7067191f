import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { consentText, fourEyesReasonText, scopeSummary } from "@/lib/grants/consent";
import { coversAllLedgers, fourEyesReasons } from "@/lib/grants/four-eyes";
import { isNarrowing, sameScope } from "@/lib/grants/scope-compare";
import type { GrantScopeValues } from "@/lib/grants/schemas";
import { formatEml } from "@/lib/server/notifications/eml";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

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
  const t = serverTranslator("grantNotices");
  const tn = (k: string, v?: Record<string, string | number>) => t(k as "consent", v as never);

  it("spells out the scope", () => {
    expect(scopeSummary(tn, { periodFrom: "2026-01-01", periodTo: null, includesPersonalData: false, validUntil: "2026-12-31" }, "en")).toBe(
      "ledger dates from 1 Jan 2026; without personal data; until 31 Dec 2026",
    );
    expect(scopeSummary(tn, { periodFrom: null, periodTo: null, includesPersonalData: true, validUntil: null }, "en")).toBe(
      "all ledger dates; with payer names, masked phone numbers and messages; with no end date",
    );
  });

  it("names the merchant, the partner and every ledger", () => {
    const text = consentText(tn, { merchant: "Fjord Kaffe AS", partner: "Konto Partner ApS", ledgers: ["302101", "302102"], scope: { periodFrom: null, periodTo: null, includesPersonalData: false, validUntil: "2027-01-31" } }, "en");
    expect(text).toBe(
      "Fjord Kaffe AS gives Konto Partner ApS read access to the settlement ledgers 302101, 302102: all ledger dates; without personal data; until 31 Jan 2027. The period and the personal-data choice bind what Konto Partner ApS reads through Ledger Access. Vipps MobilePay's own access is per ledger: with its own accounting API keys, Konto Partner ApS can read these ledgers at the Report API for every date, with whatever data the API returns, whatever is chosen here. Fjord Kaffe AS can change or end this access at any time.",
    );
  });

  it("explains four-eyes reasons in words", () => {
    expect(fourEyesReasonText(tn, ["personal_data", "no_end_date"])).toBe("includes payer names, phones and messages, has no end date, or one more than 2 years away");
  });
});

describe(".eml files", () => {
  const mail = (subject: string, body: string) => ({ id: "abc", to: "mads@kontopartner.example\r\nBcc: evil@example.test", subject, body, date: new Date("2026-01-02T03:04:05Z") });

  it("writes a plain-text mail with safe headers", async () => {
    const eml = (await formatEml(mail("Adgang ændret\r\nX-Injected: 1", "Hei!\nLinje to"))).toString("utf8");
    const [head = "", body = ""] = eml.split("\r\n\r\n");
    expect(head).not.toMatch(/^Bcc:/m);
    expect(head).not.toMatch(/^X-Injected:/m);
    expect(decodeHeader(head, "Subject")).toBe("Adgang ændret X-Injected: 1");
    expect(head).toContain("Date: Fri, 02 Jan 2026 03:04:05 +0000");
    expect(head).toContain("Message-ID: <abc@ledger-access.invalid>");
    expect(decodeQuotedPrintable(body)).toBe("Hei!\nLinje to");
  });

  it("round-trips any subject and body, with header lines of at most 78 characters (RFC 2047 and 5322)", async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: "grapheme", minLength: 1, maxLength: 160 }), fc.string({ unit: "grapheme", maxLength: 300 }), async (subject, body) => {
      const eml = (await formatEml(mail(subject, body))).toString("utf8");
      const split = eml.indexOf("\r\n\r\n");
      const head = eml.slice(0, split);
      for (const line of head.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
      expect(decodeHeader(head, "Subject")).toBe(subject.replace(/[\r\n]+/g, " ").trim());
      expect(decodeQuotedPrintable(eml.slice(split + 4))).toBe(body.replace(/\r\n?/g, "\n"));
    }), { numRuns: 60 });
  });
});

/** Unfolds a header and decodes its RFC 2047 encoded words (B and Q), as a mail program shows it. */
function decodeHeader(head: string, name: string): string {
  const unfolded = head.replace(/\r\n[ \t]+/g, " ");
  const line = unfolded.split("\r\n").find((l) => l.startsWith(`${name}: `)) ?? "";
  const value = line.slice(name.length + 2).replace(/\?=\s+=\?/g, "?==?");
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("latin1")
      : text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_q, h: string) => String.fromCharCode(parseInt(h, 16))),
  ).replace(/[\x80-\xff]+/g, (bytes) => Buffer.from(bytes, "latin1").toString("utf8"));
}

function decodeQuotedPrintable(body: string): string {
  const raw = body.replace(/=\r\n/g, "").replace(/\r\n/g, "\n").replace(/\n$/, "");
  return Buffer.from(raw.replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
}
