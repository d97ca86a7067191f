import "server-only";
import { consentText, fourEyesReasonText, scopeSummary } from "@/lib/grants/consent";
import type { FourEyesReason } from "@/lib/grants/four-eyes";
import type { GrantScopeValues } from "@/lib/grants/schemas";
import type { NoticeInput } from "@/lib/server/notifications/notify";
import { SERVER_LOCALE, serverTranslator } from "@/lib/server/i18n/server-translator";

/** The words of each grant notification, from the catalogue (`grantNotices`). */
const t = serverTranslator("grantNotices");
const tt = (key: string, values?: Record<string, string | number>) => t(key as "allDates", values as never);
const scope = (s: GrantScopeValues) => scopeSummary(tt, s, SERVER_LOCALE);

interface Parties {
  merchantId: string;
  merchant: string;
  partner: string;
}

export function grantedNotice(p: Parties, ledgers: string[], s: GrantScopeValues): NoticeInput {
  const v = { merchant: p.merchant, partner: p.partner, count: ledgers.length, ledgers: ledgers.join(", "), scope: scope(s) };
  return { kind: "grant.granted", title: t("grantedTitle", v), body: t("grantedBody", v), href: `/partner/clients/${p.merchantId}` };
}

export function changedNotice(p: Parties, ledger: string, s: GrantScopeValues): NoticeInput {
  const v = { merchant: p.merchant, ledger, scope: scope(s) };
  return { kind: "grant.changed", title: t("changedTitle", v), body: t("changedBody", v), href: `/partner/clients/${p.merchantId}` };
}

export function pausedNotice(p: Parties, ledger: string, s: GrantScopeValues): NoticeInput {
  const v = { merchant: p.merchant, ledger, scope: scope(s) };
  return { kind: "grant.paused", title: t("pausedTitle", v), body: t("pausedBody", v), href: "/partner/clients" };
}

export function revokedNotice(p: Parties, ledger: string): NoticeInput {
  const v = { merchant: p.merchant, ledger };
  return { kind: "grant.revoked", title: t("revokedTitle", v), body: t("revokedBody", v), href: "/partner/clients" };
}

export function expiredNotice(p: Parties, ledger: string): NoticeInput {
  const v = { merchant: p.merchant, ledger };
  return { kind: "grant.expired", title: t("expiredTitle", v), body: t("expiredBody", v), href: "/partner/clients" };
}

export function approvalNeededNotice(p: Parties, actor: string, ledgers: string[], s: GrantScopeValues, reasons: FourEyesReason[]): NoticeInput {
  const v = { actor, partner: p.partner, count: ledgers.length, ledgers: ledgers.join(", "), scope: scope(s), reasons: fourEyesReasonText(tt, reasons) };
  return { kind: "grant.approval_needed", title: t("approvalNeededTitle", v), body: t("approvalNeededBody", v), href: "/merchant/approvals" };
}

export function approvedNotice(p: Parties, actor: string, ledger: string, s: GrantScopeValues, grantId: string): NoticeInput {
  const v = { actor, partner: p.partner, ledger, scope: scope(s) };
  return { kind: "grant.approved", title: t("approvedTitle", v), body: t("approvedBody", v), href: `/merchant/partners/grants/${grantId}` };
}

export function declinedNotice(p: Parties, actor: string, ledger: string, reason: string | undefined, grantId: string): NoticeInput {
  const v = { actor, partner: p.partner, ledger, reason: reason ? t("declinedReason", { reason }) : "" };
  return { kind: "grant.declined", title: t("declinedTitle", v), body: t("declinedBody", v).trim(), href: `/merchant/partners/grants/${grantId}` };
}

export function grantConsentText(v: { merchant: string; partner: string; ledgers: string[]; scope: GrantScopeValues }): string {
  return consentText(tt, v, SERVER_LOCALE);
}
