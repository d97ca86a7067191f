import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { GRANT_STATUS_VARIANT } from "@/components/grants/grant-status-variant";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";

/** A grant's status in words, coloured as a secondary cue. */
export function GrantStatusBadge({ status }: { status: GrantDisplayStatus }) {
  const t = useTranslations("grantStatus");
  return (
    <Badge variant={GRANT_STATUS_VARIANT[status]} dot>
      {t(status)}
    </Badge>
  );
}
