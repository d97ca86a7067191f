import type { ComponentProps } from "react";
import { cx } from "@/lib/utils/cx";

export interface SpinnerProps extends Omit<ComponentProps<"svg">, "children"> {
  /** Accessible text ("Loading…"). Without it the spinner is decorative (aria-hidden). */
  label?: string;
  size?: "xs" | "sm" | "md" | "lg";
}

const sizes = { xs: "size-3", sm: "size-4", md: "size-5", lg: "size-8" } as const;

/** Indeterminate activity indicator. Server-safe. A caller's className is joined (cx, decision 040): not its size. */
export function Spinner({ label, size = "sm", className, ...props }: SpinnerProps) {
  const svg = (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      focusable="false"
      className={cx("shrink-0 animate-spin", sizes[size], className)}
      {...props}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.2" strokeWidth="3" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
  if (!label) return svg;
  return (
    <span role="status" className="inline-flex items-center">
      {svg}
      <span className="sr-only">{label}</span>
    </span>
  );
}
