/**
 * Display formatting. Money stays integer minor units everywhere else; it becomes text only here, per the
 * user's locale and the ledger's currency.
 */
export function formatMoney(minor: number | bigint, currency: string, locale = "en-GB"): string {
  const value = typeof minor === "bigint" ? Number(minor) / 100 : minor / 100;
  return new Intl.NumberFormat(locale, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** A ledger date ("YYYY-MM-DD") as text, without letting a time zone move it to another day. */
export function formatLedgerDate(date: string, locale = "en-GB", style: "medium" | "short" | "long" = "medium"): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
}
