import type { BadgeVariant } from "@/components/ui/badge";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";

/** A grant's display status as a badge colour: GrantStatusBadge's and the list rows' RowBadge (one table, not two). */
export const GRANT_STATUS_VARIANT: Record<GrantDisplayStatus, BadgeVariant> = {
  active: "success",
  expiring_soon: "warning",
  pending_approval: "info",
  revoked: "neutral",
  expired: "neutral",
  declined: "danger",
};
