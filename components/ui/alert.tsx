import type { ComponentProps, ReactNode } from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { CircleCheck, Info, OctagonAlert, TriangleAlert, type LucideIcon } from "lucide-react";
import { cn } from "@/lib/utils/cn";

const alertVariants = cva("flex gap-3 rounded-lg border px-4 py-3 text-sm", {
  variants: {
    variant: {
      info: "border-info-border bg-info-subtle [--alert-accent:var(--color-info)]",
      success: "border-success-border bg-success-subtle [--alert-accent:var(--color-success)]",
      warning: "border-warning-border bg-warning-subtle [--alert-accent:var(--color-warning)]",
      danger: "border-danger-border bg-danger-subtle [--alert-accent:var(--color-danger)]",
      neutral: "border-border bg-card [--alert-accent:var(--color-muted-foreground)]",
    },
  },
  defaultVariants: { variant: "info" },
});

const icons: Record<NonNullable<AlertProps["variant"]>, LucideIcon> = {
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  danger: OctagonAlert,
  neutral: Info,
};

export interface AlertProps extends Omit<ComponentProps<"div">, "title">, VariantProps<typeof alertVariants> {
  title?: ReactNode;
  description?: ReactNode;
  /** Replace the variant icon, or `false` for none. */
  icon?: ReactNode | false;
  /** Buttons/links shown at the end (e.g. "Review", "Reconnect"). */
  action?: ReactNode;
}

/**
 * Inline message. Server-safe. For messages that appear after an interaction pass role="alert" (urgent) or
 * role="status"; static page notices need no role.
 */
export function Alert({ variant, title, description, icon, action, className, children, ...props }: AlertProps) {
  const Icon = icons[variant ?? "info"];
  return (
    <div className={cn(alertVariants({ variant }), className)} {...props}>
      {icon === false ? null : (
        <span aria-hidden="true" className="mt-0.5 shrink-0 text-(color:--alert-accent) [&>svg]:size-4">
          {icon ?? <Icon />}
        </span>
      )}
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <p className="font-semibold leading-5 text-foreground">{title}</p> : null}
        {description ? <div className="leading-5 text-foreground/80">{description}</div> : null}
        {children}
      </div>
      {action ? <div className="flex shrink-0 items-start gap-2 self-center">{action}</div> : null}
    </div>
  );
}
