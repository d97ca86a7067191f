/**
 * Money: an integer number of minor units (øre, cents) and the ISO 4217 currency they are in (decision 039).
 * Pure, so the Report API client, the data layer, the pages and the files share it. The constructor checks
 * what JSON, the database and the formatter each assume: a safe integer (a sum never rounds silently), a
 * currency the portal knows, and, from decimal text, exactly the currency's minor-unit digits.
 */

/** ISO 4217 currencies the portal can hold, with their minor-unit digits (ISO 4217's "E" column). */
export type MoneyCurrency = "NOK" | "DKK" | "EUR" | "SEK";
export const MINOR_DIGITS: Readonly<Record<MoneyCurrency, number>> = { NOK: 2, DKK: 2, EUR: 2, SEK: 2 };
export const MONEY_CURRENCIES = Object.keys(MINOR_DIGITS) as MoneyCurrency[];

export interface Money {
  /** Signed integer minor units, always a safe integer. */
  readonly amount: number;
  readonly currency: MoneyCurrency;
}

/** Thrown for an amount or currency that would not be exact money; a programming or data error, never user input. */
export class MoneyError extends RangeError {
  override name = "MoneyError";
}

export function isMoneyCurrency(code: string): code is MoneyCurrency {
  return Object.hasOwn(MINOR_DIGITS, code);
}

export function moneyCurrency(code: string): MoneyCurrency {
  if (!isMoneyCurrency(code)) throw new MoneyError(`Unknown currency: ${JSON.stringify(code)}`);
  return code;
}

/** Whether a value can be an amount of minor units: a safe integer (|n| ≤ 2^53 − 1). */
export function isMinorUnits(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n);
}

/**
 * The checked constructor. `amount` is integer minor units as a number, or a bigint from a BIGINT column (which
 * must fit in a safe integer); `-0` becomes 0 so equal amounts compare equal.
 */
export function money(amount: number | bigint, currency: string): Money {
  const n = typeof amount === "bigint" ? minorUnitsOf(amount) : amount;
  if (!isMinorUnits(n)) throw new MoneyError(`Not a safe integer amount of minor units: ${String(amount)}`);
  return Object.freeze({ amount: n === 0 ? 0 : n, currency: moneyCurrency(currency) });
}

/** A BIGINT column's minor units as a number, exactly, or a MoneyError (Postgres BIGINT reaches 2^63, a safe integer 2^53). */
export function minorUnitsOf(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || BigInt(n) !== value) throw new MoneyError(`Amount outside the safe integer range: ${value}`);
  return n;
}

export const zeroMoney = (currency: string): Money => money(0, currency);

/**
 * Decimal text in major units ("-1234.50") as Money, exactly: the digits after the point must be the currency's
 * minor-unit digits, no more and no fewer, so "12.5" and "12.505" are refused rather than guessed at.
 */
export function moneyFromDecimal(text: string, currency: string): Money {
  const c = moneyCurrency(currency);
  const digits = MINOR_DIGITS[c];
  const m = (digits === 0 ? /^(-?)(\d+)$/ : new RegExp(`^(-?)(\\d+)\\.(\\d{${digits}})$`)).exec(text);
  if (!m) throw new MoneyError(`Not a ${c} amount with ${digits} decimals: ${JSON.stringify(text)}`);
  const minor = BigInt(`${m[2]}${m[3] ?? ""}`);
  return money(m[1] ? -minor : minor, c);
}

/** Money as decimal text in major units ("-1234.50"), moving the point in the digits: no float in between. */
export function moneyToDecimal(m: Money): string {
  const digits = MINOR_DIGITS[m.currency];
  const abs = Math.abs(m.amount).toString().padStart(digits + 1, "0");
  const text = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return m.amount < 0 ? `-${text}` : text;
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`Cannot combine ${a.currency} and ${b.currency}`);
}

/**
 * a + b of minor units of one currency already checked, for hot loops over plain figures (the ledger view's
 * per-date totals); throws when the sum leaves the safe-integer range, where a double stops counting every øre.
 */
export function addMinor(a: number, b: number): number {
  const sum = a + b;
  if (!isMinorUnits(sum)) throw new MoneyError(`Sum outside the safe integer range: ${a} + ${b}`);
  return sum;
}

/** a + b; throws when the currencies differ or the sum leaves the safe-integer range. */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(addMinor(a.amount, b.amount), a.currency);
}

export function negateMoney(a: Money): Money {
  return money(-a.amount, a.currency);
}

/** The sum of amounts in one currency (zero for none); every term must be in that currency. */
export function sumMoney(currency: string, items: Iterable<Money>): Money {
  let total = zeroMoney(currency);
  for (const m of items) total = addMoney(total, m);
  return total;
}
