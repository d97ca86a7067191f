import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { Breadcrumbs, type BreadcrumbItem } from "./breadcrumbs";

export interface PageHeaderProps extends Omit<ComponentProps<"header">, "title"> {
  /** Rendered as the page's <h1>. */
  title: ReactNode;
  description?: ReactNode;
  /** Buttons on the right (stack below the title on small screens). */
  actions?: ReactNode;
  breadcrumbs?: BreadcrumbItem[];
  breadcrumbLabel?: string;
  /** Inline next to the title, e.g. a status <Badge>. */
  titleAddon?: ReactNode;
  /** Secondary facts under the description (org number, currency, …). */
  meta?: ReactNode;
}

/** Page title block: breadcrumbs, h1, description, actions. Server-safe. */
export function PageHeader({
  title,
  description,
  actions,
  breadcrumbs,
  breadcrumbLabel,
  titleAddon,
  meta,
  className,
  children,
  ...props
}: PageHeaderProps) {
  return (
    <header className={cn("flex flex-col gap-3 pb-6", className)} {...props}>
      {breadcrumbs && breadcrumbs.length > 0 ? <Breadcrumbs items={breadcrumbs} label={breadcrumbLabel} /> : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-xl font-semibold leading-7 tracking-tight text-foreground sm:text-2xl sm:leading-8">{title}</h1>
            {titleAddon}
          </div>
          {description ? <p className="max-w-3xl text-sm text-muted-foreground">{description}</p> : null}
          {meta ? (
            <div className="flex flex-wrap items-center gap-x-4 gap-y-1 pt-1 text-[0.8125rem] text-muted-foreground">{meta}</div>
          ) : null}
        </div>
        {actions ? <div className="flex shrink-0 flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </header>
  );
}
