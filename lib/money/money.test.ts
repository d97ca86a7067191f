import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addMinor, addMoney, money, MoneyError, moneyFromDecimal, moneyToDecimal, MONEY_CURRENCIES, negateMoney, sumMoney, minorUnitsOf } from "@/lib/money";
import { formatAmount, formatMoney } from "@/lib/format";

// Real settlement figures are far inside ±2^53 minor units (decision 039); the properties also run at the edge.
const currency = fc.constantFrom(...MONEY_CURRENCIES);
const safeMinor = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const settlementMinor = fc.integer({ min: -1e12, max: 1e12 }); // ±10 milliard kroner in øre, per entry

describe("the checked constructor", () => {
  it("takes safe integers and bigints that fit, in a known currency", () => {
    expect(money(12345, "NOK")).toEqual({ amount: 12345, currency: "NOK" });
    expect(money(-5n, "DKK")).toEqual({ amount: -5, currency: "DKK" });
    expect(money(-0, "EUR").amount).toBe(0);
    expect(Object.is(money(-0, "EUR").amount, -0)).toBe(false);
    expect(money(Number.MAX_SAFE_INTEGER, "SEK").amount).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("refuses fractions, unsafe integers, non-numbers and unknown or lower-case currencies", () => {
    expect(() => money(12.5, "NOK")).toThrow(MoneyError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, "NOK")).toThrow(MoneyError);
    expect(() => money(2n ** 53n, "NOK")).toThrow(MoneyError);
    expect(() => money(Number.NaN, "NOK")).toThrow(MoneyError);
    expect(() => money(Number.POSITIVE_INFINITY, "NOK")).toThrow(MoneyError);
    expect(() => money(100, "USD")).toThrow(MoneyError);
    expect(() => money(100, "nok")).toThrow(MoneyError);
    expect(() => money(100, "toString")).toThrow(MoneyError);
    expect(() => minorUnitsOf(9_007_199_254_740_993n)).toThrow(MoneyError);
  });

  it("reads decimal text with exactly the currency's two minor-unit digits", () => {
    expect(moneyFromDecimal("1234.50", "NOK")).toEqual({ amount: 123450, currency: "NOK" });
    expect(moneyFromDecimal("-0.05", "EUR")).toEqual({ amount: -5, currency: "EUR" });
    for (const bad of ["12.5", "12.505", "12", "1e3", " 1.00", "1,00", "--1.00", ""]) expect(() => moneyFromDecimal(bad, "DKK"), bad).toThrow(MoneyError);
    expect(() => moneyFromDecimal("90071992547409.92", "NOK")).toThrow(MoneyError); // 2^53 øre: one past safe
    expect(moneyFromDecimal("90071992547409.91", "NOK").amount).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe("sums", () => {
  it("never lose precision: a sum of Money equals the exact bigint sum, or throws beyond the safe range", () => {
    fc.assert(
      fc.property(currency, fc.array(safeMinor, { maxLength: 40 }), (c, amounts) => {
        const exact = amounts.reduce((s, a) => s + BigInt(a), 0n);
        // Partial sums are what is checked, so compare against the exact running sums.
        let running = 0n;
        let overflows = false;
        for (const a of amounts) {
          running += BigInt(a);
          if (running > BigInt(Number.MAX_SAFE_INTEGER) || running < BigInt(Number.MIN_SAFE_INTEGER)) overflows = true;
        }
        if (overflows) expect(() => sumMoney(c, amounts.map((a) => money(a, c)))).toThrow(MoneyError);
        else expect(BigInt(sumMoney(c, amounts.map((a) => money(a, c))).amount)).toBe(exact);
      }),
    );
  });

  it("add up a year of settlement-sized entries exactly, in any order", () => {
    fc.assert(
      fc.property(currency, fc.array(settlementMinor, { minLength: 1, maxLength: 200 }), (c, amounts) => {
        const forward = sumMoney(c, amounts.map((a) => money(a, c)));
        const backward = sumMoney(c, [...amounts].reverse().map((a) => money(a, c)));
        expect(forward).toEqual(backward);
        expect(BigInt(forward.amount)).toBe(amounts.reduce((s, a) => s + BigInt(a), 0n));
      }),
    );
  });

  it("refuse to mix currencies", () => {
    fc.assert(
      fc.property(currency, currency, settlementMinor, settlementMinor, (a, b, x, y) => {
        fc.pre(a !== b);
        expect(() => addMoney(money(x, a), money(y, b))).toThrow(/Cannot combine/);
        expect(() => sumMoney(a, [money(x, a), money(y, b)])).toThrow(MoneyError);
      }),
    );
  });

  it("check plain minor-unit sums and negation too", () => {
    expect(addMinor(1, 2)).toBe(3);
    expect(() => addMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyError);
    expect(negateMoney(money(5, "NOK"))).toEqual(money(-5, "NOK"));
  });
});

describe("decimal text and formatting", () => {
  it("round-trips through decimal text for every safe amount", () => {
    fc.assert(
      fc.property(currency, safeMinor, (c, a) => {
        const m = money(a, c);
        expect(moneyFromDecimal(moneyToDecimal(m), c)).toEqual(m);
      }),
    );
  });

  it("formats every digit of the amount in each portal language (no float rounding, even at 2^53)", () => {
    // The digits of the formatted text, read back, are the amount: nothing was rounded on the way.
    const digitsOf = (text: string) => text.replace(/\D/g, "");
    fc.assert(
      fc.property(currency, safeMinor, fc.constantFrom("en", "nb", "da"), (c, a, locale) => {
        const m = money(a, c);
        for (const text of [formatMoney(m, locale), formatAmount(m, locale)]) {
          expect(BigInt(digitsOf(text))).toBe(BigInt(Math.abs(a)));
          expect(/[-\u2212]/.test(text)).toBe(a < 0);
        }
      }),
    );
    expect(formatAmount(money(Number.MAX_SAFE_INTEGER, "NOK"), "en")).toBe("90,071,992,547,409.91");
  });
});
