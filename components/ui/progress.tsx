import type { ComponentProps } from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/utils/cn";

const indicatorVariants = cva("h-full rounded-full transition-[width] duration-300 ease-out", {
  variants: {
    tone: { primary: "bg-primary", success: "bg-success", warning: "bg-warning", danger: "bg-danger", info: "bg-info" },
  },
  defaultVariants: { tone: "primary" },
});

export interface ProgressProps extends Omit<ComponentProps<"div">, "children">, VariantProps<typeof indicatorVariants> {
  /** 0..max. Omit (null) for indeterminate. */
  value?: number | null;
  max?: number;
  /** Accessible name, e.g. "Export progress". Required unless aria-labelledby is given. */
  label?: string;
  /** Spoken value, e.g. "3 of 12 files" (defaults to the percentage). */
  valueText?: string;
}

/** Determinate/indeterminate progress bar with role="progressbar". Server-safe. */
export function Progress({ value = null, max = 100, label, valueText, tone, className, ...props }: ProgressProps) {
  const pct = value === null ? null : Math.min(100, Math.max(0, (value / max) * 100));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value === null ? undefined : value}
      aria-valuetext={valueText}
      className={cn("h-1.5 w-full overflow-hidden rounded-full bg-muted", className)}
      {...props}
    >
      <div
        className={cn(indicatorVariants({ tone }), pct === null && "w-1/3 animate-shimmer")}
        style={pct === null ? undefined : { width: `${pct}%` }}
      />
    </div>
  );
}
