import "server-only";
import { consentText, fourEyesReasonText, scopeSummary, type NoticeTranslator } from "@/lib/grants/consent";
import type { FourEyesReason } from "@/lib/grants/four-eyes";
import type { GrantScopeValues } from "@/lib/grants/schemas";
import type { AppLocale } from "@/lib/i18n/locales";
import { localizedNotice, type NoticeInput } from "@/lib/server/notifications/notify";
import { SERVER_LOCALE, serverTranslator } from "@/lib/server/i18n/server-translator";

/**
 * The words of each grant notification, from the catalogue (`grantNotices`), in each reader's language: the
 * notice is written once per language its readers use (lib/server/notifications/notify.ts).
 */
function words(locale: AppLocale) {
  const t = serverTranslator("grantNotices", locale);
  const tt: NoticeTranslator = (key, values) => t(key as "allDates", values as never);
  return { t: tt, scope: (s: GrantScopeValues) => scopeSummary(tt, s, locale) };
}

interface Parties {
  merchantId: string;
  merchant: string;
  partner: string;
}

const pair = (titleKey: string, bodyKey: string, values: (w: ReturnType<typeof words>) => Record<string, string | number>) => (locale: AppLocale) => {
  const w = words(locale);
  const v = values(w);
  return { title: w.t(titleKey, v), body: w.t(bodyKey, v).trim() };
};

export function grantedNotice(p: Parties, ledgers: string[], s: GrantScopeValues): NoticeInput {
  return localizedNotice("grant.granted", `/partner/clients/${p.merchantId}`,
    pair("grantedTitle", "grantedBody", (w) => ({ merchant: p.merchant, partner: p.partner, count: ledgers.length, ledgers: ledgers.join(", "), scope: w.scope(s) })));
}

export function changedNotice(p: Parties, ledger: string, s: GrantScopeValues): NoticeInput {
  return localizedNotice("grant.changed", `/partner/clients/${p.merchantId}`, pair("changedTitle", "changedBody", (w) => ({ merchant: p.merchant, ledger, scope: w.scope(s) })));
}

export function pausedNotice(p: Parties, ledger: string, s: GrantScopeValues): NoticeInput {
  return localizedNotice("grant.paused", "/partner/clients", pair("pausedTitle", "pausedBody", (w) => ({ merchant: p.merchant, ledger, scope: w.scope(s) })));
}

export function revokedNotice(p: Parties, ledger: string): NoticeInput {
  return localizedNotice("grant.revoked", "/partner/clients", pair("revokedTitle", "revokedBody", () => ({ merchant: p.merchant, ledger })));
}

export function expiredNotice(p: Parties, ledger: string): NoticeInput {
  return localizedNotice("grant.expired", "/partner/clients", pair("expiredTitle", "expiredBody", () => ({ merchant: p.merchant, ledger })));
}

export function approvalNeededNotice(p: Parties, actor: string, ledgers: string[], s: GrantScopeValues, reasons: FourEyesReason[]): NoticeInput {
  return localizedNotice("grant.approval_needed", "/merchant/approvals",
    pair("approvalNeededTitle", "approvalNeededBody", (w) => ({ actor, partner: p.partner, count: ledgers.length, ledgers: ledgers.join(", "), scope: w.scope(s), reasons: fourEyesReasonText(w.t, reasons) })));
}

export function approvedNotice(p: Parties, actor: string, ledger: string, s: GrantScopeValues, grantId: string): NoticeInput {
  return localizedNotice("grant.approved", `/merchant/partners/grants/${grantId}`, pair("approvedTitle", "approvedBody", (w) => ({ actor, partner: p.partner, ledger, scope: w.scope(s) })));
}

export function declinedNotice(p: Parties, actor: string, ledger: string, reason: string | undefined, grantId: string): NoticeInput {
  return localizedNotice("grant.declined", `/merchant/partners/grants/${grantId}`,
    pair("declinedTitle", "declinedBody", (w) => ({ actor, partner: p.partner, ledger, reason: reason ? w.t("declinedReason", { reason }) : "" })));
}

/** The consent text stored on the grant: English, the portal's record language, whatever the merchant reads. */
export function grantConsentText(v: { merchant: string; partner: string; ledgers: string[]; scope: GrantScopeValues }): string {
  return consentText(words(SERVER_LOCALE).t, v, SERVER_LOCALE);
}
