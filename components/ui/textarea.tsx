import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";
import { controlClasses } from "./input";

/** Multi-line text input. Server-safe. */
export function Textarea({ className, rows = 4, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cn(controlClasses, "min-h-20 px-3 py-2 leading-5", className)} {...props} />;
}
