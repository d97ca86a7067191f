import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export interface DescriptionItem {
  term: ReactNode;
  description: ReactNode;
  /** Right-aligned tabular figures (amounts). */
  numeric?: boolean;
}

/**
 * Key/value details (grant period, ledger ID, payout account…). "rows": term left, value right, divided rows;
 * "grid": compact two/three-column grid of stacked pairs. Server-safe.
 */
export function DescriptionList({
  items,
  layout = "rows",
  className,
}: {
  items: DescriptionItem[];
  layout?: "rows" | "grid";
  className?: string;
}) {
  if (layout === "grid") {
    return (
      <dl className={cn("grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3", className)}>
        {items.map((item, index) => (
          <div key={index} className="min-w-0 space-y-0.5">
            <dt className="text-[0.8125rem] text-muted-foreground">{item.term}</dt>
            <dd className={cn("text-sm font-medium break-words text-foreground", item.numeric && "tabular-nums")}>{item.description}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <dl className={cn("divide-y divide-border", className)}>
      {items.map((item, index) => (
        <div key={index} className="grid gap-1 py-2.5 first:pt-0 last:pb-0 sm:grid-cols-[minmax(8rem,14rem)_1fr] sm:gap-4">
          <dt className="text-[0.8125rem] text-muted-foreground sm:text-sm">{item.term}</dt>
          <dd className={cn("min-w-0 text-sm break-words text-foreground", item.numeric && "tabular-nums sm:text-right")}>
            {item.description}
          </dd>
        </div>
      ))}
    </dl>
  );
}
