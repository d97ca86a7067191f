import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";

const VARIANT: Record<GrantDisplayStatus, BadgeVariant> = {
  active: "success",
  expiring_soon: "warning",
  pending_approval: "info",
  revoked: "neutral",
  expired: "neutral",
  declined: "danger",
};

/** A grant's status in words, coloured as a secondary cue. */
export function GrantStatusBadge({ status }: { status: GrantDisplayStatus }) {
  const t = useTranslations("grantStatus");
  return (
    <Badge variant={VARIANT[status]} dot>
      {t(status)}
    </Badge>
  );
}
