import type { ComponentProps } from "react";
import { cx } from "@/lib/utils/cx";

/**
 * "Ledger Access" mark: ledger lines with an orange access dot. Decorative; pair with the product name.
 * `className` replaces the default size (size-7): the frame joins classes without merging them (cx, decision 040).
 */
export function LogoMark({ className = "size-7", ...props }: ComponentProps<"svg">) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={cx("shrink-0", className)} {...props}>
      <rect width="32" height="32" rx="8" fill="var(--color-primary)" />
      <rect x="8" y="8.75" width="16" height="2.75" rx="1.375" fill="#fff" />
      <rect x="8" y="14.625" width="11" height="2.75" rx="1.375" fill="#fff" fillOpacity="0.85" />
      <rect x="8" y="20.5" width="6.5" height="2.75" rx="1.375" fill="#fff" fillOpacity="0.7" />
      <circle cx="21.75" cy="21.875" r="3.25" fill="var(--color-brand)" />
    </svg>
  );
}

/** Mark + product name. */
export function Logo({ productName = "Ledger Access", className }: { productName?: string; className?: string }) {
  return (
    <span className={cx("inline-flex items-center gap-2.5", className)}>
      <LogoMark />
      <span className="text-[0.9375rem] font-semibold tracking-tight text-foreground">{productName}</span>
    </span>
  );
}
