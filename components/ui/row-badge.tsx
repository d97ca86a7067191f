import type { ReactNode } from "react";
import type { BadgeVariant } from "@/components/ui/badge";

/**
 * Badge's styles (badge.tsx) for a container whose rows repeat badges: set once on the container through
 * descendant selectors, so each badge is `<span class="b v-success">` instead of the whole utility list (about 400
 * bytes a badge, decision 045). `d` is the status dot inside it; an icon inside a badge is sized as Badge sizes it.
 * ListTable includes it; a container that is not a list table (a `<dl>`, a note under a list) takes it alone.
 */
export const ROW_BADGE_CLASS = "row-badges";

/** A Badge inside a ROW_BADGE_CLASS container (or a list table): the same look in a few bytes. */
export function RowBadge({ variant, dot = false, className, children, ...data }: { variant: BadgeVariant; dot?: boolean; className?: string; children: ReactNode; title?: string; "data-testid"?: string; "data-status"?: string }) {
  return (
    <span className={`b v-${variant}${className ? ` ${className}` : ""}`} {...data}>
      {dot ? <span aria-hidden="true" className="d" /> : null}
      {children}
    </span>
  );
}
