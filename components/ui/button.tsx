import type { ComponentProps } from "react";
import { Slot } from "radix-ui";
import { cn } from "@/lib/utils/cn";
import { Spinner } from "./spinner";
import { buttonVariants, type ButtonVariantProps } from "./button-variants";

export { buttonVariants };

export interface ButtonProps extends ComponentProps<"button">, ButtonVariantProps {
  /** Render the single child element (e.g. a Next <Link>) with button styles instead of a <button>. */
  asChild?: boolean;
  /** Shows a spinner, disables the button and sets aria-busy. Ignored with asChild. */
  loading?: boolean;
}

/** Button. Server-safe. Icon-only buttons need an aria-label. */
export function Button({
  className,
  variant,
  size,
  asChild = false,
  loading = false,
  disabled,
  children,
  ...props
}: ButtonProps) {
  const classes = cn(buttonVariants({ variant, size }), className);
  if (asChild) {
    return (
      <Slot.Root className={classes} {...props}>
        {children}
      </Slot.Root>
    );
  }
  return (
    <button
      className={classes}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading ? <Spinner size={size === "xs" || size === "icon-xs" ? "xs" : "sm"} /> : null}
      {children}
    </button>
  );
}
