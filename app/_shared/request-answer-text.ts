import { getTranslations } from "next-intl/server";
import type { AnswerText, StatusText } from "@/components/requests/answer-cell";
import type { RequestView } from "@/lib/access-requests/types";
import { GRANT_STATUS_VARIANT } from "@/components/grants/grant-status-variant";
import { daysUntil, type RequestDisplayStatus } from "@/lib/lifecycle/request-status";
import { getFormat } from "@/lib/i18n/get-format";
import { scopeTexts } from "@/app/_shared/scope-text";

const REQUEST_VARIANT: Record<RequestDisplayStatus, StatusText["variant"]> = { pending: "info", approved: "success", declined: "danger", expired: "neutral", withdrawn: "neutral" };

/**
 * What became of an access request, and its status badge's word and colour, as strings for the lean request
 * tables (formatted once on the server; the rows carry only text).
 */
export async function requestAnswerTexts(now: Date): Promise<{
  answer: (r: Pick<RequestView, "status" | "expiresAt" | "decidedAt" | "decidedBy" | "grants">) => AnswerText;
  status: (s: RequestDisplayStatus) => StatusText;
}> {
  const [t, tStatus, tGrant, fmt, scope] = await Promise.all([getTranslations("requestAnswer"), getTranslations("requestStatus"), getTranslations("grantStatus"), getFormat(), scopeTexts()]);
  const when = (iso: string) => fmt.date(iso);
  return {
    answer: (r) => {
      if (r.status === "pending") return { line: t("expiresIn", { days: daysUntil(r.expiresAt, now), date: when(r.expiresAt) }), grants: null };
      if (r.status === "expired") return { line: t("expiredOn", { date: when(r.expiresAt) }), grants: null };
      const decided = r.decidedAt ? (r.decidedBy ? t("decidedBy", { name: r.decidedBy, date: when(r.decidedAt) }) : t("decidedOn", { date: when(r.decidedAt) })) : null;
      if (r.status !== "approved") return { line: decided, grants: null };
      return {
        line: decided,
        grants: r.grants.map((g) => ({ grantId: g.grantId, ledger: g.ledgerExternalId, status: { status: g.status, text: tGrant(g.status), variant: GRANT_STATUS_VARIANT[g.status] }, scope: scope.grant(g) })),
      };
    },
    status: (s) => ({ status: s, text: tStatus(s), variant: REQUEST_VARIANT[s] }),
  };
}
