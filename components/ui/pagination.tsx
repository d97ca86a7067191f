import type { ReactNode } from "react";
import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";

export interface PaginationProps {
  /** Link to the previous page; null/undefined renders a disabled control. */
  previousHref?: string | null;
  nextHref?: string | null;
  /** E.g. "1–50 of 1 204 entries" or "Page 2". */
  summary?: ReactNode;
  labels?: { navigation?: string; previous?: string; next?: string };
  className?: string;
}

/** Server-side (link-based) pager for cursor/offset paging, e.g. ledger entries. Server-safe. */
export function Pagination({ previousHref, nextHref, summary, labels, className }: PaginationProps) {
  const text = { navigation: "Pagination", previous: "Previous", next: "Next", ...labels };
  const base = buttonVariants({ variant: "outline", size: "sm" });
  const disabled = cn(base, "pointer-events-none opacity-50");
  return (
    <nav aria-label={text.navigation} className={cn("flex items-center justify-between gap-3", className)}>
      <p className="text-[0.8125rem] text-muted-foreground tabular-nums">{summary}</p>
      <div className="flex items-center gap-2">
        {previousHref ? (
          <Link href={previousHref} rel="prev" className={base}>
            <ChevronLeft aria-hidden="true" />
            {text.previous}
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            <ChevronLeft aria-hidden="true" />
            {text.previous}
          </span>
        )}
        {nextHref ? (
          <Link href={nextHref} rel="next" className={base}>
            {text.next}
            <ChevronRight aria-hidden="true" />
          </Link>
        ) : (
          <span aria-disabled="true" className={disabled}>
            {text.next}
            <ChevronRight aria-hidden="true" />
          </span>
        )}
      </div>
    </nav>
  );
}
