import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./form-classes";

export { controlClasses };

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
