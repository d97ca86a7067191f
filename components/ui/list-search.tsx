import { Search } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";
import { Input } from "./input";

export interface ListSearchProps {
  /** The search text now in the URL (`q`). */
  value: string;
  label: string;
  placeholder?: string;
  submitLabel: string;
  /** Link that clears the search (the list's own path with its filters); shown while a search is active. */
  clearHref?: string;
  clearLabel?: string;
  /** Other searchParams the search keeps (filters), sent as hidden fields. Paging cursors are dropped. */
  keep?: Record<string, string | undefined>;
  className?: string;
}

/**
 * Server-side search of a paged list: a plain GET form that sets `?q=` (and keeps the list's filters), so it
 * works without JavaScript and a search is a shareable URL. Server-safe.
 */
export function ListSearch({ value, label, placeholder, submitLabel, clearHref, clearLabel, keep, className }: ListSearchProps) {
  return (
    <form method="get" role="search" aria-label={label} className={cn("flex flex-wrap items-center gap-2", className)}>
      {Object.entries(keep ?? {}).map(([k, v]) => (v ? <input key={k} type="hidden" name={k} value={v} /> : null))}
      <div className="relative min-w-0 flex-1 sm:max-w-sm">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input type="search" name="q" defaultValue={value} maxLength={100} placeholder={placeholder} aria-label={label} className="pl-8" />
      </div>
      <button type="submit" className={buttonVariants({ variant: "outline" })}>{submitLabel}</button>
      {value && clearHref ? (
        <a href={clearHref} className={buttonVariants({ variant: "ghost" })}>{clearLabel}</a>
      ) : null}
    </form>
  );
}
