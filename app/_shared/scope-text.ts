import { getLocale, getTranslations } from "next-intl/server";
import { formatLedgerDate, formatPeriod } from "@/lib/format";
import type { ScopeText } from "@/components/ui/scope-lines";

interface Scope {
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
}

/**
 * A grant's or a request's scope in words (period, personal data, end, sales units), as GrantScope
 * (components/grants/grant-scope.tsx) says it, as strings for the list rows' ScopeLines (components/ui/
 * scope-lines.tsx): formatted once here with the one formatter, carried as text.
 */
export async function scopeTexts(): Promise<{ grant: (s: Scope & { validUntil: string | null }) => ScopeText; request: (s: Scope & { salesUnits?: { msn: string; name: string; ledgerExternalId: string | null }[] }) => ScopeText }> {
  const [tg, tr, locale] = await Promise.all([getTranslations("scope"), getTranslations("requestScope"), getLocale()]);
  return {
    grant: (s) => ({
      period: formatPeriod({ from: s.periodFrom, to: s.periodTo }, locale, { from: (date) => tg("from", { date }), until: (date) => tg("until", { date }), all: tg("allDates") }),
      personalData: s.includesPersonalData,
      data: s.includesPersonalData ? tg("personalData") : tg("noPersonalData"),
      ends: s.validUntil ? tg("validUntil", { date: formatLedgerDate(s.validUntil, locale) }) : tg("noEnd"),
    }),
    request: (s) => ({
      period: formatPeriod({ from: s.periodFrom, to: s.periodTo }, locale, { from: (date) => tr("from", { date }), until: (date) => tr("until", { date }), all: tr("allDates") }),
      personalData: s.includesPersonalData,
      data: s.includesPersonalData ? tr("personalData") : tr("noPersonalData"),
      // The partner's own list leaves the sales units out (it names what it typed instead).
      ...(s.salesUnits
        ? { units: s.salesUnits.length === 0 ? tr("anySalesUnit") : s.salesUnits.map((u) => ({ msn: u.msn, name: u.name, detail: `${tr("msn", { msn: u.msn })}${u.ledgerExternalId ? `, ${tr("ledger", { ledger: u.ledgerExternalId })}` : ""}` })) }
        : {}),
    }),
  };
}
