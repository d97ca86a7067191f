import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Shared look of text-like controls (input, textarea, select trigger). */
export const controlClasses = cn(
  "w-full min-w-0 rounded-md border border-input bg-card text-sm text-foreground shadow-xs transition-[border-color,box-shadow]",
  "placeholder:text-muted-foreground focus-visible:border-ring focus-visible:shadow-focus focus-visible:outline-none",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:opacity-70",
  "aria-invalid:border-danger aria-invalid:focus-visible:border-danger aria-invalid:focus-visible:shadow-focus-danger",
);

/** Text input. Server-safe. Pair with <Label htmlFor> or use inside <FormField>. */
export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        controlClasses,
        "h-9 px-3 py-1.5",
        "file:mr-3 file:h-full file:border-0 file:bg-transparent file:text-sm file:font-medium",
        "[&[type=number]]:tabular-nums",
        className,
      )}
      {...props}
    />
  );
}
