import { describe, expect, it } from "vitest";
import { negotiateLocale } from "@/lib/i18n/locales";

describe("the language from Accept-Language", () => {
  it("takes the best supported language by quality, Norwegian in any of its tags, else English", () => {
    expect(negotiateLocale("nb-NO,nb;q=0.9,en;q=0.8")).toBe("nb");
    expect(negotiateLocale("no")).toBe("nb");
    expect(negotiateLocale("nn-NO, en;q=0.5")).toBe("nb");
    expect(negotiateLocale("da-DK")).toBe("da");
    expect(negotiateLocale("en;q=0.4, da;q=0.9")).toBe("da");
    expect(negotiateLocale("sv-SE, de")).toBe("en");
    expect(negotiateLocale("fi;q=1, da;q=0.1")).toBe("da");
    expect(negotiateLocale("da;q=0, nb;q=0.2")).toBe("nb");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale(";;;,q=x")).toBe("en");
  });
});
