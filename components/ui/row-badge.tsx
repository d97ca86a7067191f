import type { ReactNode } from "react";
import type { BadgeVariant } from "@/components/ui/badge";

/**
 * Badge's styles (badge.tsx) for a container whose rows repeat badges: set once on the container through
 * descendant selectors, so each badge is `<span class="b v-success">` instead of the whole utility list (about 400
 * bytes a badge, decision 045). `d` is the status dot inside it; an icon inside a badge is sized as Badge sizes it.
 * ListTable includes it; a container that is not a list table (a `<dl>`, a note under a list) takes it alone.
 */
export const ROW_BADGE_CLASS = [
  "[&_.b]:inline-flex [&_.b]:w-fit [&_.b]:shrink-0 [&_.b]:items-center [&_.b]:gap-1.5 [&_.b]:whitespace-nowrap [&_.b]:rounded-full [&_.b]:border [&_.b]:px-2 [&_.b]:py-0.5 [&_.b]:text-xs [&_.b]:font-medium [&_.b]:leading-4",
  // The dot only inside a badge: a list's own cells may be called `d` (the access log's date cells were drawn as dots).
  "[&_.b>svg]:size-3 [&_.b>svg]:shrink-0 [&_.b>.d]:size-1.5 [&_.b>.d]:shrink-0 [&_.b>.d]:rounded-full [&_.b>.d]:bg-current",
  "[&_.v-neutral]:border-neutral-border [&_.v-neutral]:bg-neutral-subtle [&_.v-neutral]:text-neutral",
  "[&_.v-success]:border-success-border [&_.v-success]:bg-success-subtle [&_.v-success]:text-success",
  "[&_.v-warning]:border-warning-border [&_.v-warning]:bg-warning-subtle [&_.v-warning]:text-warning",
  "[&_.v-danger]:border-danger-border [&_.v-danger]:bg-danger-subtle [&_.v-danger]:text-danger",
  "[&_.v-info]:border-info-border [&_.v-info]:bg-info-subtle [&_.v-info]:text-info",
  "[&_.v-primary]:border-primary/20 [&_.v-primary]:bg-primary-subtle [&_.v-primary]:text-primary-subtle-foreground",
  "[&_.v-outline]:border-border [&_.v-outline]:bg-card [&_.v-outline]:text-foreground",
].join(" ");

/** A Badge inside a ROW_BADGE_CLASS container (or a list table): the same look in a few bytes. */
export function RowBadge({ variant, dot = false, className, children, ...data }: { variant: BadgeVariant; dot?: boolean; className?: string; children: ReactNode; title?: string; "data-testid"?: string; "data-status"?: string }) {
  return (
    <span className={`b v-${variant}${className ? ` ${className}` : ""}`} {...data}>
      {dot ? <span aria-hidden="true" className="d" /> : null}
      {children}
    </span>
  );
}
