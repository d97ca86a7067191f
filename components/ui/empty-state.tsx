import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { renderIcon, type IconLike } from "./render-icon";

export interface EmptyStateProps extends Omit<ComponentProps<"div">, "title"> {
  /** A lucide icon component (`icon={Inbox}`) or an element. */
  icon?: IconLike;
  title: ReactNode;
  description?: ReactNode;
  /** Primary next step, e.g. a <Button>. */
  action?: ReactNode;
  /** Heading element for the title (default h3: empty states usually sit under a section heading). */
  titleAs?: "h1" | "h2" | "h3" | "h4" | "p";
  /** Dashed outline, for use directly on the page background. */
  bordered?: boolean;
  size?: "sm" | "md";
}

/** "Nothing here yet" / "No results" placeholder. Server-safe. */
export function EmptyState({
  icon,
  title,
  description,
  action,
  titleAs: Title = "h3",
  bordered = false,
  size = "md",
  className,
  children,
  ...props
}: EmptyStateProps) {
  const iconNode = renderIcon(icon);
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center text-center",
        size === "md" ? "gap-1 px-6 py-12" : "gap-1 px-4 py-8",
        bordered && "rounded-xl border border-dashed border-border bg-card",
        className,
      )}
      {...props}
    >
      {iconNode ? (
        <span
          aria-hidden="true"
          className="mb-3 flex size-10 items-center justify-center rounded-lg border border-border bg-card text-muted-foreground shadow-xs [&>svg]:size-5"
        >
          {iconNode}
        </span>
      ) : null}
      <Title className="text-sm font-semibold text-foreground">{title}</Title>
      {description ? <p className="max-w-sm text-sm text-muted-foreground">{description}</p> : null}
      {children}
      {action ? <div className="mt-4 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}
