import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { messagesFor } from "@/messages";

// A grant as short as one day is renewed for one day: the button must not say "Renew 1 days".
describe("renewal texts count days in each language's plural", () => {
  const cases = [
    ["en", "Renew 1 day", "Renew 90 days", "1 day", "Renew 1 day: access of Revisor AS to 302101"],
    ["nb", "Forny 1 dag", "Forny 90 dager", "1 dag", "Forny 1 dag: tilgangen Revisor AS har til 302101"],
    ["da", "Forny 1 dag", "Forny 90 dage", "1 dag", "Forny 1 dag: adgangen for Revisor AS til 302101"],
  ] as const;
  it.each(cases)("%s", (locale, one, ninety, length, label) => {
    const t = createTranslator({ locale, messages: messagesFor(locale), namespace: "renewals" });
    expect(t("renewSame", { days: 1 })).toBe(one);
    expect(t("renewSame", { days: 90 })).toBe(ninety);
    expect(t("days", { days: 1 })).toBe(length);
    expect(t("renewSameFor", { days: 1, partner: "Revisor AS", ledger: "302101" })).toBe(label);
  });
});
