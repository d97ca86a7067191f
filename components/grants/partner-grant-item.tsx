import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { RefreshCwOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { GrantScope } from "@/components/grants/grant-scope";
import { GrantStatusBadge } from "@/components/grants/grant-status-badge";
import type { OverviewGrant } from "@/lib/grants/types";

/** Shown next to a grant whose change upstream (the partner's API keys) has not caught up yet. */
export function OutOfSyncBadge() {
  const t = useTranslations("partnersOverview");
  return (
    <Badge variant="warning" title={t("outOfSyncHint")}>
      <RefreshCwOff aria-hidden />
      {t("outOfSync")}
      <span className="sr-only">: {t("outOfSyncHint")}</span>
    </Badge>
  );
}

/** Shown next to a grant whose partner the platform admin suspended (A4). */
export function PartnerSuspendedBadge() {
  const t = useTranslations("partnerSuspension");
  return (
    <Badge variant="danger" title={t("hint")} data-testid="partner-suspended">
      {t("badge")}
      <span className="sr-only">: {t("hint")}</span>
    </Badge>
  );
}

/** One partner's access to a ledger in the M1 overview: who, status, scope, last use; links to the grant. */
export function PartnerGrantItem({ grant, ledgerExternalId, muted = false }: { grant: OverviewGrant; ledgerExternalId: string; muted?: boolean }) {
  const t = useTranslations("partnersOverview");
  const format = useFormatter();
  return (
    <div className={muted ? "opacity-75" : undefined} data-testid={`grant-${grant.partnerOrgNo}-${ledgerExternalId}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Link
          href={`/merchant/partners/grants/${grant.id}`}
          className="focus-ring rounded-sm font-medium text-foreground underline-offset-4 hover:underline"
          aria-label={t("openGrant", { partner: grant.partnerName, ledger: ledgerExternalId })}
        >
          {grant.partnerName}
        </Link>
        <GrantStatusBadge status={grant.status} />
        {grant.outOfSync ? <OutOfSyncBadge /> : null}
        {grant.partnerSuspended ? <PartnerSuspendedBadge /> : null}
      </div>
      <div className="mt-1 flex flex-col gap-1 sm:flex-row sm:items-start sm:gap-6">
        <GrantScope {...grant} />
        <p className="text-xs text-muted-foreground">
          {grant.lastUsedAt ? t("lastUsed", { when: format.relativeTime(new Date(grant.lastUsedAt)) }) : t("neverUsed")}
        </p>
      </div>
    </div>
  );
}
