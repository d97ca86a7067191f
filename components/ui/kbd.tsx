import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Keyboard key hint, e.g. <Kbd>⌘</Kbd><Kbd>K</Kbd>. Server-safe. */
export function Kbd({ className, ...props }: ComponentProps<"kbd">) {
  return (
    <kbd
      className={cn(
        "inline-flex h-5 min-w-5 items-center justify-center rounded-sm border border-border border-b-2 bg-card px-1",
        "font-sans text-[0.6875rem] font-medium leading-none text-muted-foreground",
        className,
      )}
      {...props}
    />
  );
}
