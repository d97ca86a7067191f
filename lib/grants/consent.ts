import { formatLedgerDate } from "@/lib/format";
import type { GrantScopeValues } from "@/lib/grants/schemas";
import { END_DATE_HORIZON_YEARS, type FourEyesReason } from "@/lib/grants/four-eyes";

/** A translator over the `grantNotices` namespace (next-intl's `t`, loosely typed so server and client can share). */
export type NoticeTranslator = (key: string, values?: Record<string, string | number>) => string;

/**
 * The scope in one line ("ledger dates from 1 Mar 2026; without personal data; until 31 Dec 2026"), used in
 * the consent text, notifications and e-mails. Pure: the form and the server produce the same words.
 */
export function scopeSummary(t: NoticeTranslator, s: GrantScopeValues, locale: string): string {
  const d = (v: string) => formatLedgerDate(v, locale);
  const period =
    s.periodFrom && s.periodTo ? t("periodBetween", { from: d(s.periodFrom), to: d(s.periodTo) })
    : s.periodFrom ? t("periodFrom", { from: d(s.periodFrom) })
    : s.periodTo ? t("periodTo", { to: d(s.periodTo) })
    : t("allDates");
  return t("scopeSummary", {
    period,
    data: s.includesPersonalData ? t("withPersonalData") : t("withoutPersonalData"),
    end: s.validUntil ? t("endsOn", { date: d(s.validUntil) }) : t("noEnd"),
  });
}

/**
 * What the merchant confirms before "Grant access". The form shows it and the server stores the text it
 * builds from the same inputs on the grant (LedgerGrant.consentText), so the record says what was agreed.
 */
export function consentText(
  t: NoticeTranslator,
  v: { merchant: string; partner: string; ledgers: readonly string[]; scope: GrantScopeValues },
  locale: string,
): string {
  return t("consent", { merchant: v.merchant, partner: v.partner, count: v.ledgers.length, ledgers: v.ledgers.join(", "), scope: scopeSummary(t, v.scope, locale) });
}

export function fourEyesReasonText(t: NoticeTranslator, reasons: readonly FourEyesReason[]): string {
  const key = { personal_data: "reasonPersonalData", all_ledgers: "reasonAllLedgers", no_end_date: "reasonNoEndDate" } as const;
  return reasons.map((r) => t(key[r], { years: END_DATE_HORIZON_YEARS })).join(", ");
}
