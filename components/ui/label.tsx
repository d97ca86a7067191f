import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

export interface LabelProps extends ComponentProps<"label"> {
  /** Shows a decorative asterisk; also set `required`/`aria-required` on the control itself. */
  required?: boolean;
}

/** Form label. Server-safe (plain <label>). */
export function Label({ className, required = false, children, ...props }: LabelProps) {
  return (
    <label
      className={cn(
        "inline-flex items-center gap-1 text-sm font-medium leading-5 text-foreground select-none",
        "peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
        className,
      )}
      {...props}
    >
      {children}
      {required ? (
        <span aria-hidden="true" className="text-danger">
          *
        </span>
      ) : null}
    </label>
  );
}
