import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { labelClasses } from "./form-classes";

export interface LabelProps extends ComponentProps<"label"> {
  /** Shows a decorative asterisk; also set `required`/`aria-required` on the control itself. */
  required?: boolean;
}

/** Form label. Server-safe (plain <label>). */
export function Label({ className, required = false, children, ...props }: LabelProps) {
  return (
    <label
      className={cn(labelClasses, className)}
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
