import type { ComponentProps, ReactNode } from "react";
import { ArrowDownRight, ArrowRight, ArrowUpRight } from "lucide-react";
import { useLocale } from "next-intl";
import { formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils/cn";
import { renderIcon, type IconLike } from "./render-icon";

export interface StatTrend {
  direction: "up" | "down" | "flat";
  /** Visible change text, e.g. "+12.4 %". */
  value: string;
  /** Screen-reader context, e.g. "compared with last month". */
  label?: string;
  /** Whether this direction is good news (colours it green/red). Default: up = good. */
  sentiment?: "positive" | "negative" | "neutral";
}

export interface StatCardProps extends ComponentProps<"div"> {
  label: ReactNode;
  /** A count is written in the reader's language (4,809 · 4 809 · 4.809); anything else is shown as given. */
  value: ReactNode;
  hint?: ReactNode;
  icon?: IconLike;
  trend?: StatTrend;
}

const trendIcons = { up: ArrowUpRight, down: ArrowDownRight, flat: ArrowRight } as const;

/** KPI tile: label, big tabular value, optional trend and hint. Server-safe (next-intl's useLocale works in both). */
export function StatCard({ label, value, hint, icon, trend, className, ...props }: StatCardProps) {
  const locale = useLocale();
  const sentiment = trend?.sentiment ?? (trend?.direction === "up" ? "positive" : trend?.direction === "down" ? "negative" : "neutral");
  const TrendIcon = trend ? trendIcons[trend.direction] : null;
  return (
    <div className={cn("flex flex-col gap-2 rounded-xl border border-border bg-card p-5 shadow-xs", className)} {...props}>
      <div className="flex items-start justify-between gap-3">
        <p className="text-[0.8125rem] font-medium text-muted-foreground">{label}</p>
        {icon ? (
          <span aria-hidden="true" className="text-muted-foreground [&>svg]:size-4">
            {renderIcon(icon)}
          </span>
        ) : null}
      </div>
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <p className="text-2xl font-semibold leading-8 tracking-tight text-foreground tabular-nums">{typeof value === "number" ? formatNumber(value, locale) : value}</p>
        {trend && TrendIcon ? (
          <span
            className={cn(
              "inline-flex items-center gap-0.5 rounded-full px-1.5 py-0.5 text-xs font-medium tabular-nums",
              sentiment === "positive" && "bg-success-subtle text-success",
              sentiment === "negative" && "bg-danger-subtle text-danger",
              sentiment === "neutral" && "bg-muted text-muted-foreground",
            )}
          >
            <TrendIcon aria-hidden="true" className="size-3.5" />
            {trend.value}
            {trend.label ? <span className="sr-only"> {trend.label}</span> : null}
          </span>
        ) : null}
      </div>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
    </div>
  );
}
