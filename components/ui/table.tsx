import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Scroll container + table. Server-safe. Give the table a <TableCaption> (may be sr-only) or aria-label. */
export function Table({ className, containerClassName, ...props }: ComponentProps<"table"> & { containerClassName?: string }) {
  return (
    <div className={cn("relative w-full overflow-x-auto", containerClassName)}>
      <table className={cn("w-full caption-bottom border-collapse text-sm", className)} {...props} />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cn("bg-muted/60 [&_tr]:border-b [&_tr]:border-border", className)} {...props} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("[&_tr:last-child]:border-0", className)} {...props} />;
}

export function TableFooter({ className, ...props }: ComponentProps<"tfoot">) {
  return (
    <tfoot className={cn("border-t border-border bg-muted/50 font-medium [&_tr]:border-0", className)} {...props} />
  );
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return (
    <tr
      className={cn(
        "border-b border-border transition-colors hover:bg-muted/40 data-[state=selected]:bg-primary-subtle/60",
        className,
      )}
      {...props}
    />
  );
}

interface CellOptions {
  /** Right-align with tabular figures (amounts, counts, dates in columns). */
  numeric?: boolean;
}

export function TableHead({ className, numeric = false, scope = "col", ...props }: ComponentProps<"th"> & CellOptions) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-9 whitespace-nowrap px-3 text-left align-middle text-xs font-medium text-muted-foreground first:pl-5 last:pr-5",
        numeric && "text-right tabular-nums",
        className,
      )}
      {...props}
    />
  );
}

export function TableCell({ className, numeric = false, ...props }: ComponentProps<"td"> & CellOptions) {
  return (
    <td
      className={cn(
        "px-3 py-2.5 align-middle first:pl-5 last:pr-5",
        numeric && "text-right tabular-nums whitespace-nowrap",
        className,
      )}
      {...props}
    />
  );
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("mt-3 px-5 pb-3 text-left text-xs text-muted-foreground", className)} {...props} />;
}
