import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Surface for a group of related content. Server-safe. */
export function Card({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn("flex flex-col rounded-xl border border-border bg-card text-card-foreground shadow-xs", className)}
      {...props}
    />
  );
}

/** Title block; put a <CardAction> inside to pin actions to the top-right. */
export function CardHeader({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "grid auto-rows-min grid-cols-[1fr_auto] items-start gap-x-4 gap-y-1 px-5 pt-5 pb-4",
        className,
      )}
      {...props}
    />
  );
}

type HeadingTag = "h1" | "h2" | "h3" | "h4" | "div";

export function CardTitle({ className, as: Tag = "h2", ...props }: ComponentProps<"h2"> & { as?: HeadingTag }) {
  return <Tag className={cn("col-start-1 text-base font-semibold leading-6 tracking-tight", className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentProps<"p">) {
  return <p className={cn("col-start-1 text-sm text-muted-foreground", className)} {...props} />;
}

export function CardAction({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn("col-start-2 row-span-2 row-start-1 flex items-center gap-2 self-start", className)}
      {...props}
    />
  );
}

/** Body. Use `flush` for edge-to-edge content such as tables. */
export function CardContent({ className, flush = false, ...props }: ComponentProps<"div"> & { flush?: boolean }) {
  return <div data-slot="card-content" className={cn(flush ? "overflow-hidden rounded-b-xl" : "px-5 pb-5", className)} {...props} />;
}

export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      className={cn(
        "flex items-center gap-2 rounded-b-xl border-t border-border bg-muted/40 px-5 py-3 text-sm",
        className,
      )}
      {...props}
    />
  );
}
