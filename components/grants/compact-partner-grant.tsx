import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { RefreshCwOff } from "lucide-react";
import { RowBadge } from "@/components/ui/row-badge";
import { GRANT_SCOPE_ICONS, SCOPE_LINES_CLASS, ScopeLines, type ScopeText } from "@/components/ui/scope-lines";
import type { RowIcons } from "@/components/ui/icon-sprite";
import { GRANT_STATUS_VARIANT } from "@/components/grants/grant-status-variant";
import type { OverviewGrant } from "@/lib/grants/types";

/** The icons CompactPartnerGrant points at, for the page's sprite (iconSprite). */
export const PARTNER_GRANT_ICONS = { ...GRANT_SCOPE_ICONS, outOfSync: RefreshCwOff };

type PartnerGrantIcon = RowIcons<keyof typeof PARTNER_GRANT_ICONS>["icon"];

/**
 * CompactPartnerGrant's layout and its scope's, set once on the ListTable that holds the grants. The badges' and
 * the muted line's (`m`) styles are the ListTable's own; repeated here, they were 1 KB more of class names in
 * the page's HTML and again in its RSC payload.
 */
export const PARTNER_GRANT_CLASS = `${SCOPE_LINES_CLASS} partner-grants`;

/** Where the out-of-sync and suspended badges' explanations are, said once under the list (PartnerGrantNotes). */
export const OUT_OF_SYNC_HINT_ID = "out-of-sync-hint";
export const PARTNER_SUSPENDED_HINT_ID = "partner-suspended-hint";

/**
 * One partner's access to a ledger in the M1 overview (who, status, scope, last use; links to the grant) in lean
 * markup (decisions 041, 045): styles on the list (PARTNER_GRANT_CLASS), the scope's words formatted by the page,
 * the icons from its sprite (PARTNER_GRANT_ICONS), and the badges' long explanations once under the list, each
 * badge pointing at its own with aria-describedby, instead of twice per badge (a tooltip and screen-reader text).
 */
export function CompactPartnerGrant({ grant, scope, ledgerExternalId, icon }: { grant: OverviewGrant; scope: ScopeText; ledgerExternalId: string; icon: PartnerGrantIcon }) {
  const t = useTranslations("partnersOverview");
  const ts = useTranslations("grantStatus");
  const tsusp = useTranslations("partnerSuspension");
  const format = useFormatter();
  return (
    <div data-testid={`grant-${grant.partnerOrgNo}-${ledgerExternalId}`}>
      <div className="gh">
        <Link href={`/merchant/partners/grants/${grant.id}`} className="gn focus-ring" aria-label={t("openGrant", { partner: grant.partnerName, ledger: ledgerExternalId })}>
          {grant.partnerName}
        </Link>
        <RowBadge variant={GRANT_STATUS_VARIANT[grant.status]} dot>{ts(grant.status)}</RowBadge>
        {grant.outOfSync ? (
          <span className="b v-warning" aria-describedby={OUT_OF_SYNC_HINT_ID}>{icon("outOfSync")}{t("outOfSync")}</span>
        ) : null}
        {grant.partnerSuspended ? (
          <span className="b v-danger" aria-describedby={PARTNER_SUSPENDED_HINT_ID} data-testid="partner-suspended">{tsusp("badge")}</span>
        ) : null}
      </div>
      <div className="gm">
        <ScopeLines scope={scope} icon={icon} />
        <p className="m">{grant.lastUsedAt ? t("lastUsed", { when: format.relativeTime(new Date(grant.lastUsedAt)) }) : t("neverUsed")}</p>
      </div>
    </div>
  );
}

/**
 * The explanations the page's out-of-sync and suspended badges point at, each after its badge as in a legend and
 * shown when such a badge is on the page. Inside a ROW_BADGE_CLASS container (for the badges' styles).
 */
export function PartnerGrantNotes({ outOfSync, suspended, icon }: { outOfSync: boolean; suspended: boolean; icon: PartnerGrantIcon }) {
  const t = useTranslations("partnersOverview");
  const tsusp = useTranslations("partnerSuspension");
  if (!outOfSync && !suspended) return null;
  return (
    <div className="mt-3 space-y-1.5 text-xs text-muted-foreground">
      {outOfSync ? <p id={OUT_OF_SYNC_HINT_ID}><span className="b v-warning mr-1.5">{icon("outOfSync")}{t("outOfSync")}</span>{t("outOfSyncHint")}</p> : null}
      {suspended ? <p id={PARTNER_SUSPENDED_HINT_ID}><span className="b v-danger mr-1.5">{tsusp("badge")}</span>{tsusp("hint")}</p> : null}
    </div>
  );
}
