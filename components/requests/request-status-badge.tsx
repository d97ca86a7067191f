import { useTranslations } from "next-intl";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { RequestDisplayStatus } from "@/lib/lifecycle/request-status";

const VARIANT: Record<RequestDisplayStatus, BadgeVariant> = {
  pending: "info",
  approved: "success",
  declined: "danger",
  expired: "neutral",
  withdrawn: "neutral",
};

/** An access request's status in words, coloured as a secondary cue. */
export function RequestStatusBadge({ status }: { status: RequestDisplayStatus }) {
  const t = useTranslations("requestStatus");
  return (
    <Badge variant={VARIANT[status]} dot data-status={status}>
      {t(status)}
    </Badge>
  );
}
