import { DEFAULT_LEDGER_TZ } from "@/lib/dates";
import { MINOR_DIGITS, moneyToDecimal, type Money } from "@/lib/money";

/**
 * The one formatter for dates, times, amounts and periods (docs/decisions/037). Pure, so server components,
 * client components, e-mails and CSV headers write the same text for the same value:
 *
 *   nb, da   06.12.2025 · 14:05 (da 14.05) · 1 234,50 kr (da 1.234,50 kr.) · 01.12.2025–06.12.2025
 *   en       6 Dec 2025 · 14:05 · NOK 1,234.50 · 1 Dec 2025 – 6 Dec 2025
 *
 * Money (lib/money: integer minor units and a currency) becomes text only here, in its own currency; times
 * are shown in the ledger's time zone (Europe/Oslo unless a caller knows better), always on a 24-hour clock.
 * `locale` is a portal language ("en", "nb", "da") or any BCP 47 tag ("en-GB", "fi-FI").
 */
export type FormatLocale = string;

/** The Intl tag for a portal language: British English (day before month, 24-hour clock), Norway, Denmark. */
export function intlTag(locale: FormatLocale): string {
  const lang = locale.toLowerCase().split("-")[0];
  if (locale === lang) return ({ en: "en-GB", nb: "nb-NO", no: "nb-NO", nn: "nb-NO", da: "da-DK", fi: "fi-FI" } as Record<string, string>)[lang] ?? locale;
  return locale;
}

/** Nordic languages write dates as digits (06.12.2025); English names the month (6 Dec 2025) so 06/12 is never read as June. */
const numericDates = (locale: FormatLocale) => !intlTag(locale).startsWith("en");

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function dtf(locale: FormatLocale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(intlTag(locale), options)));
  return f;
}
function nf(locale: FormatLocale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(intlTag(locale), options)));
  return f;
}

const dateOptions = (locale: FormatLocale, style: "medium" | "short" | "long"): Intl.DateTimeFormatOptions =>
  style === "long" ? { day: "numeric", month: "long", year: "numeric" }
  : numericDates(locale) ? (style === "short" ? { day: "2-digit", month: "2-digit" } : { day: "2-digit", month: "2-digit", year: "numeric" })
  : style === "short" ? { day: "numeric", month: "short" }
  : { day: "numeric", month: "short", year: "numeric" };

const asInstant = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

/**
 * Intl formats the exact decimal text ("1234.50", a string numeric literal), not `amount / 100`: a double holds
 * only about 15 significant digits, so large sums would print a neighbouring cent (decision 039).
 */
const decimal = (m: Money) => moneyToDecimal(m) as Intl.StringNumericLiteral;

/** Money in its currency ("1 234,50 kr"). */
export function formatMoney(m: Money, locale: FormatLocale = "en"): string {
  const digits = MINOR_DIGITS[m.currency];
  return nf(locale, { style: "currency", currency: m.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(decimal(m));
}

/** Money without the currency, for columns whose caption names it ("1 234,50"). */
export function formatAmount(m: Money, locale: FormatLocale = "en"): string {
  const digits = MINOR_DIGITS[m.currency];
  return nf(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(decimal(m));
}

/** A count ("12 345"). */
export function formatNumber(n: number | bigint, locale: FormatLocale = "en"): string {
  return nf(locale, {}).format(n);
}

/** A short axis label for large amounts ("12k", "1,2 mill."). */
export function formatCompact(n: number, locale: FormatLocale = "en"): string {
  return nf(locale, { notation: "compact", maximumFractionDigits: 1 }).format(n);
}

/** A ledger date ("YYYY-MM-DD") as text, without letting a time zone move it to another day. */
export function formatLedgerDate(date: string, locale: FormatLocale = "en", style: "medium" | "short" | "long" = "medium"): string {
  return dtf(locale, { ...dateOptions(locale, style), timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}

/** The calendar date of an instant in the ledger's time zone. */
export function formatDate(instant: Date | string | number, locale: FormatLocale = "en", timeZone: string = DEFAULT_LEDGER_TZ): string {
  return dtf(locale, { ...dateOptions(locale, "medium"), timeZone }).format(asInstant(instant));
}

/** The wall-clock time of an instant, 24-hour ("14:05", or "14:05:09" with seconds). */
export function formatTime(instant: Date | string | number, locale: FormatLocale = "en", timeZone: string = DEFAULT_LEDGER_TZ, seconds = false): string {
  return dtf(locale, { hour: "2-digit", minute: "2-digit", ...(seconds ? { second: "2-digit" } : {}), hourCycle: "h23", timeZone }).format(asInstant(instant));
}

/** Date and time of an instant ("06.12.2025 14:05", "6 Dec 2025 14:05"). */
export function formatDateTime(instant: Date | string | number, locale: FormatLocale = "en", timeZone: string = DEFAULT_LEDGER_TZ): string {
  return `${formatDate(instant, locale, timeZone)} ${formatTime(instant, locale, timeZone)}`;
}

/** A month as a name ("desember 2025"), for the monthly summary. `month` is "YYYY-MM". */
export function formatMonth(month: string, locale: FormatLocale = "en"): string {
  return dtf(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-15T12:00:00Z`));
}

/** The words around an open-ended period, from the catalogue ("From {date}", "Until {date}", "All ledger dates"). */
export interface PeriodWords {
  from: (date: string) => string;
  until: (date: string) => string;
  all: string;
}

/**
 * A period of ledger dates: both ends as dates joined by a dash ("01.12.2025–06.12.2025"), one end with the
 * catalogue's words, none as `words.all` (or null without words, for "no limit" where the caller says so).
 */
export function formatPeriod(period: { from: string | null; to: string | null }, locale: FormatLocale, words: PeriodWords): string;
export function formatPeriod(period: { from: string | null; to: string | null }, locale: FormatLocale): string | null;
export function formatPeriod(period: { from: string | null; to: string | null }, locale: FormatLocale, words?: PeriodWords): string | null {
  const d = (v: string) => formatLedgerDate(v, locale);
  if (period.from && period.to) return period.from === period.to ? d(period.from) : `${d(period.from)}${numericDates(locale) ? "–" : " – "}${d(period.to)}`;
  if (!words) return null;
  if (period.from) return words.from(d(period.from));
  if (period.to) return words.until(d(period.to));
  return words.all;
}

/** Everything bound to one locale and time zone: what pages and components call (`getFormat()`, `useFormat()`). */
export function formatterFor(locale: FormatLocale, timeZone: string = DEFAULT_LEDGER_TZ) {
  return {
    locale,
    money: (m: Money) => formatMoney(m, locale),
    amount: (m: Money) => formatAmount(m, locale),
    number: (n: number | bigint) => formatNumber(n, locale),
    compact: (n: number) => formatCompact(n, locale),
    ledgerDate: (date: string, style: "medium" | "short" | "long" = "medium") => formatLedgerDate(date, locale, style),
    date: (instant: Date | string | number) => formatDate(instant, locale, timeZone),
    time: (instant: Date | string | number, seconds = false) => formatTime(instant, locale, timeZone, seconds),
    dateTime: (instant: Date | string | number) => formatDateTime(instant, locale, timeZone),
    month: (month: string) => formatMonth(month, locale),
    period: ((period: { from: string | null; to: string | null }, words?: PeriodWords) => formatPeriod(period, locale, words as PeriodWords)) as {
      (period: { from: string | null; to: string | null }, words: PeriodWords): string;
      (period: { from: string | null; to: string | null }): string | null;
    },
  };
}
export type Formatter = ReturnType<typeof formatterFor>;
