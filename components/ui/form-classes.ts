import { cx } from "@/lib/utils/cx";

// Class strings of the form primitives, without tailwind-merge (decision 040): `Input`, `Label` and the others
// merge a caller's classes over these with `cn`; client components on a persona's first page use them directly
// with `cx`, so they must add only classes these do not set (height, padding, width through `controlLook`).

/** The look of text-like controls (input, textarea, select) without their width. */
export const controlLook = cx(
  "min-w-0 rounded-md border border-input bg-card text-sm text-foreground shadow-xs transition-[border-color,box-shadow]",
  "placeholder:text-muted-foreground focus-visible:border-ring focus-visible:shadow-focus focus-visible:outline-none",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70",
  "aria-invalid:border-danger aria-invalid:focus-visible:border-danger aria-invalid:focus-visible:shadow-focus-danger",
);

/** Shared look of text-like controls (input, textarea, select trigger): full width. */
export const controlClasses = cx("w-full", controlLook);

/** A form label's look. */
export const labelClasses = cx("inline-flex items-center gap-1 text-sm font-medium leading-5 text-foreground select-none", "peer-disabled:cursor-not-allowed peer-disabled:opacity-60");
