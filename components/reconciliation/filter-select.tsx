import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { controlClasses } from "@/components/ui/input";

/** A native select for GET filter forms (works without JavaScript; the choice lands in the URL). Server-safe. */
export function FilterSelect({ label, className, children, ...props }: ComponentProps<"select"> & { label: string }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted-foreground">
      {label}
      <select className={cn(controlClasses, "h-9 px-2 py-1.5 text-sm text-foreground", className)} {...props}>
        {children}
      </select>
    </label>
  );
}
