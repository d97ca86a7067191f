import type { ReactNode } from "react";
import Link from "next/link";
import { useLocale } from "next-intl";
import { formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils/cn";

export interface TabNavItem {
  href: string;
  label: string;
  /** The current page; the caller knows its own route. */
  active?: boolean;
  /** Trailing count, e.g. number of pending requests (a number is written in the reader's language). */
  count?: ReactNode;
}

/**
 * Route-based tabs (each tab is a page): a <nav> of links with aria-current, styled like <TabsList variant="line">.
 * Use radix <Tabs> instead when the panels live on one page. Server-safe.
 */
export function TabNav({ items, label, className }: { items: TabNavItem[]; label: string; className?: string }) {
  const locale = useLocale();
  return (
    <nav aria-label={label} className={cn("border-b border-border", className)}>
      <ul className="-mb-px flex gap-5 overflow-x-auto">
        {items.map((item) => (
          <li key={item.href} className="shrink-0">
            <Link
              href={item.href}
              aria-current={item.active ? "page" : undefined}
              className={cn(
                "focus-ring inline-flex items-center gap-1.5 rounded-t-sm border-b-2 px-0.5 pt-1 pb-2.5 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-offset-[-2px]",
                item.active
                  ? "border-primary text-foreground"
                  : "border-transparent text-muted-foreground hover:border-border hover:text-foreground",
              )}
            >
              {item.label}
              {item.count != null ? (
                <span className="rounded-full bg-muted px-1.5 text-[0.6875rem] font-semibold leading-5 text-muted-foreground tabular-nums">
                  {typeof item.count === "number" ? formatNumber(item.count, locale) : item.count}
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
