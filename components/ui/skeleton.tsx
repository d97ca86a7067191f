import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Loading placeholder block (decorative). Announce loading separately, e.g. <Spinner label> or aria-busy. Server-safe. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden="true" className={cn("animate-shimmer rounded-md bg-muted", className)} {...props} />;
}
