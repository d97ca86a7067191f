import { useTranslations } from "next-intl";
import { RefreshCwOff } from "lucide-react";
import { Badge } from "@/components/ui/badge";

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
