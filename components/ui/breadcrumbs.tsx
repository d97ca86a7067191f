import type { ComponentProps } from "react";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { cn } from "@/lib/utils/cn";

export interface BreadcrumbItem {
  label: string;
  /** Omit for the current page (the last item). */
  href?: string;
}

export interface BreadcrumbsProps extends ComponentProps<"nav"> {
  items: BreadcrumbItem[];
  /** Accessible name of the landmark. */
  label?: string;
}

/** Breadcrumb trail; the last item is marked aria-current="page". Server-safe. */
export function Breadcrumbs({ items, label = "Breadcrumb", className, ...props }: BreadcrumbsProps) {
  return (
    <nav aria-label={label} className={cn("text-[0.8125rem]", className)} {...props}>
      <ol className="flex flex-wrap items-center gap-1 text-muted-foreground">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className="inline-flex items-center gap-1">
              {item.href && !last ? (
                <Link href={item.href} className="focus-ring rounded-sm hover:text-foreground hover:underline underline-offset-4">
                  {item.label}
                </Link>
              ) : (
                <span aria-current={last ? "page" : undefined} className={cn(last && "font-medium text-foreground")}>
                  {item.label}
                </span>
              )}
              {last ? null : <ChevronRight aria-hidden="true" className="size-3.5 text-muted-foreground/70" />}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
