import { getTranslations } from "next-intl/server";
import { GrantScope } from "@/components/grants/grant-scope";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import { daysUntil } from "@/lib/lifecycle/request-status";
import type { RequestView } from "@/lib/access-requests/types";
import { getFormat } from "@/lib/i18n/get-format";

/** What became of a request: the time left, who decided and when, and for an approval exactly what was given. */
export async function RequestAnswer({ request, now }: { request: Pick<RequestView, "status" | "expiresAt" | "decidedAt" | "decidedBy" | "grants">; now: Date }) {
  const [t] = await Promise.all([getTranslations("requestAnswer")]);
  const fmt = await getFormat();
  const when = (iso: string) => fmt.date(iso);
  if (request.status === "pending") {
    return (
      <p className="text-xs text-muted-foreground">
        {t("expiresIn", { days: daysUntil(request.expiresAt, now), date: when(request.expiresAt) })}
      </p>
    );
  }
  const decided = request.decidedAt ? (request.decidedBy ? t("decidedBy", { name: request.decidedBy, date: when(request.decidedAt) }) : t("decidedOn", { date: when(request.decidedAt) })) : null;
  if (request.status === "approved") {
    return (
      <div className="space-y-2">
        {decided ? <p className="text-xs text-muted-foreground">{decided}</p> : null}
        <ul className="space-y-2" aria-label={t("granted")}>
          {request.grants.map((g) => (
            <li key={g.grantId} className="space-y-1" data-testid={`request-grant-${g.ledgerExternalId}`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono text-[0.8125rem] tabular-nums">{g.ledgerExternalId}</span>
                <GrantStatusBadge status={g.status} />
              </div>
              <GrantScope {...g} />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (request.status === "expired") return <p className="text-xs text-muted-foreground">{t("expiredOn", { date: when(request.expiresAt) })}</p>;
  return decided ? <p className="text-xs text-muted-foreground">{decided}</p> : null;
}
