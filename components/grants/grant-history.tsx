import { getLocale, getTranslations } from "next-intl/server";
import { History } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { scopeSummary, type NoticeTranslator } from "@/lib/grants/consent";
import type { GrantHistoryEntry } from "@/lib/grants/types";
import { getFormat } from "@/lib/i18n/get-format";

const KNOWN = new Set(["created", "changed", "revoked", "approved", "declined", "expired"]);
const str = (v: unknown) => (typeof v === "string" ? v : null);
// Events written by other writers (the seed stores raw rows) hold DATE columns as full ISO timestamps.
const day = (v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null);

/** A grant's audit trail in words: what happened, who did it, when, and the scope or status it left. */
export async function GrantHistory({ entries }: { entries: GrantHistoryEntry[] }) {
  const [t, td, tn, ts, locale] = await Promise.all([getTranslations("grantHistory"), getTranslations("grantDetail"), getTranslations("grantNotices"), getTranslations("grantStatus"), getLocale()]);
  const fmt = await getFormat();
  if (entries.length === 0) return <EmptyState icon={History} title={td("historyEmpty")} size="sm" />;
  const notices: NoticeTranslator = (key, values) => tn(key as "consent", values as never);
  const status = (v: unknown) => (str(v) ? ts(str(v) as "active") : "—");
  return (
    <ol className="relative space-y-4 border-l border-border pl-5" data-testid="grant-history">
      {entries.map((e) => {
        const before = e.before ?? {};
        const after = e.after ?? {};
        const scope = after.includesPersonalData !== undefined
          ? scopeSummary(notices, { periodFrom: day(after.periodFrom), periodTo: day(after.periodTo), includesPersonalData: after.includesPersonalData === true, validUntil: day(after.validUntil) }, locale)
          : null;
        return (
          <li key={e.id} className="relative">
            <span aria-hidden className="absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full border-2 border-card bg-primary" />
            <p className="text-sm font-medium text-foreground">
              {KNOWN.has(e.action.replace(/^grant\./, "")) ? t(e.action.replace(/^grant\./, "") as "created") : t("other", { action: e.action })}{" "}
              <span className="font-normal text-muted-foreground">{t("by", { actor: e.actorLabel })}</span>
            </p>
            <p className="text-xs text-muted-foreground"><time dateTime={e.at}>{fmt.dateTime(e.at)}</time></p>
            <ul className="mt-1 space-y-0.5 text-[0.8125rem] text-muted-foreground">
              {before.status && before.status !== after.status ? <li>{t("statusChange", { from: status(before.status), to: status(after.status) })}</li> : !e.before && after.status ? <li>{t("statusNow", { to: status(after.status) })}</li> : null}
              {scope && e.action !== "grant.revoked" && e.action !== "grant.expired" ? <li>{t("scopeNow", { scope })}</li> : null}
              {str(after.reason) ? <li>{t("reason", { reason: str(after.reason)! })}</li> : null}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
