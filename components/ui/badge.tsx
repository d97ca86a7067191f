import type { ComponentProps } from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { cx } from "@/lib/utils/cx";

export const badgeVariants = cva(
  [
    "inline-flex w-fit shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full border px-2 py-0.5",
    "text-xs font-medium leading-4 [&>svg]:size-3 [&>svg]:shrink-0",
  ],
  {
    variants: {
      variant: {
        neutral: "border-neutral-border bg-neutral-subtle text-neutral",
        success: "border-success-border bg-success-subtle text-success",
        warning: "border-warning-border bg-warning-subtle text-warning",
        danger: "border-danger-border bg-danger-subtle text-danger",
        info: "border-info-border bg-info-subtle text-info",
        primary: "border-primary/20 bg-primary-subtle text-primary-subtle-foreground",
        outline: "border-border bg-card text-foreground",
      },
    },
    defaultVariants: { variant: "neutral" },
  },
);

export type BadgeVariant = NonNullable<VariantProps<typeof badgeVariants>["variant"]>;

export interface BadgeProps extends ComponentProps<"span">, VariantProps<typeof badgeVariants> {
  /** Leading status dot in the badge colour (decorative; the text carries the meaning). */
  dot?: boolean;
}

/**
 * Small status label. Server-safe. Always put the status in words; colour is secondary. A caller's className is
 * joined, not merged (cx, decision 040): margins and layout only.
 */
export function Badge({ className, variant, dot = false, children, ...props }: BadgeProps) {
  return (
    <span className={cx(badgeVariants({ variant }), className)} {...props}>
      {dot ? <span aria-hidden="true" className="size-1.5 shrink-0 rounded-full bg-current" /> : null}
      {children}
    </span>
  );
}
