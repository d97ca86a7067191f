import type { ReactNode } from "react";
import type { BadgeVariant } from "@/components/ui/badge";
import type { GrantDisplayStatus } from "@/lib/grants/grant-status";

/**
 * The admin console's lean tables (overview, partner directory; decisions 027 and 041): every cell and badge style
 * is set once on the <table> through descendant selectors, so each row's HTML carries short class names instead of
 * the full utility lists (a badge's classes were about 400 bytes a row). Looks the same as Table and Badge
 * (components/ui/table.tsx, badge.tsx).
 *
 * ROW_BADGE_CLASS: the badge styles (badgeVariants) for a container of RowBadges, `b` plus one variant class; `d`
 * is the status dot.
 */
export const ROW_BADGE_CLASS = [
  "[&_.b]:inline-flex [&_.b]:w-fit [&_.b]:shrink-0 [&_.b]:items-center [&_.b]:gap-1.5 [&_.b]:whitespace-nowrap [&_.b]:rounded-full [&_.b]:border [&_.b]:px-2 [&_.b]:py-0.5 [&_.b]:text-xs [&_.b]:font-medium [&_.b]:leading-4",
  "[&_.d]:size-1.5 [&_.d]:shrink-0 [&_.d]:rounded-full [&_.d]:bg-current",
  "[&_.v-neutral]:border-neutral-border [&_.v-neutral]:bg-neutral-subtle [&_.v-neutral]:text-neutral",
  "[&_.v-success]:border-success-border [&_.v-success]:bg-success-subtle [&_.v-success]:text-success",
  "[&_.v-warning]:border-warning-border [&_.v-warning]:bg-warning-subtle [&_.v-warning]:text-warning",
  "[&_.v-danger]:border-danger-border [&_.v-danger]:bg-danger-subtle [&_.v-danger]:text-danger",
  "[&_.v-info]:border-info-border [&_.v-info]:bg-info-subtle [&_.v-info]:text-info",
  "[&_.v-outline]:border-border [&_.v-outline]:bg-card [&_.v-outline]:text-foreground",
].join(" ");

export const COMPACT_TABLE_CLASS = [
  "w-full border-collapse text-sm",
  "[&_td]:px-3 [&_td]:py-2.5 [&_td]:align-middle [&_td:first-child]:pl-5 [&_td:last-child]:pr-5",
  "[&_th]:h-9 [&_th]:px-3 [&_th]:text-left [&_th]:text-xs [&_th]:font-medium [&_th]:whitespace-nowrap [&_th]:text-muted-foreground [&_th:first-child]:pl-5 [&_th:last-child]:pr-5",
  "[&_tbody_tr]:border-b [&_tbody_tr]:border-border [&_tbody_tr:last-child]:border-0",
  "[&_.m]:text-xs [&_.m]:text-muted-foreground [&_a.l]:text-primary [&_a.l:hover]:underline",
  ROW_BADGE_CLASS,
].join(" ");

type RowBadgeVariant = Exclude<BadgeVariant, "primary">;

/** A grant's display status as a badge colour (as GrantStatusBadge colours it). */
export const GRANT_STATUS_VARIANT: Record<GrantDisplayStatus, RowBadgeVariant> = {
  active: "success", expiring_soon: "warning", pending_approval: "info", revoked: "neutral", expired: "neutral", declined: "danger",
};

/** A badge inside a COMPACT_TABLE_CLASS table or a ROW_BADGE_CLASS container. */
export function RowBadge({ variant, dot = false, className, children, ...data }: { variant: RowBadgeVariant; dot?: boolean; className?: string; children: ReactNode; "data-testid"?: string }) {
  return (
    <span className={`b v-${variant}${className ? ` ${className}` : ""}`} {...data}>
      {dot ? <span aria-hidden="true" className="d" /> : null}
      {children}
    </span>
  );
}
