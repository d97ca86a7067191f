"use client";

import { useId, type ReactElement, type ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { LucideIcon } from "lucide-react";
import { cx } from "@/lib/utils/cx";
import { renderIcon } from "@/components/ui/render-icon";

export interface NavItem {
  href: string;
  label: string;
  /**
   * A rendered element (`<Users />`, fine from Server Components) or a lucide component (client callers only).
   * Server Components naming icons (`icon: "ledgers"`) resolve them with `navIcon` (components/shell/nav-icons.ts)
   * first, so the icon map never reaches the browser.
   */
  icon?: LucideIcon | ReactElement;
  /** Force the active state; otherwise the longest href matching the current path is active. */
  active?: boolean;
  /** Trailing count/indicator, e.g. pending approvals. */
  badge?: ReactNode;
}

export interface NavGroup {
  /** Small heading above the items. */
  label: string;
  items: NavItem[];
}

export type NavEntry = NavItem | NavGroup;

function isGroup(entry: NavEntry): entry is NavGroup {
  return "items" in entry;
}

function pathOf(href: string): string {
  const path = href.split(/[?#]/)[0] ?? href;
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** Href of the active item: explicit `active` wins, else the longest href that is the path or a parent of it. */
function findActive(items: NavItem[], pathname: string): string | null {
  const forced = items.find((item) => item.active);
  if (forced) return forced.href;
  let best: string | null = null;
  let bestLength = -1;
  for (const item of items) {
    if (item.active === false) continue;
    const path = pathOf(item.href);
    const matches = pathname === path || (path !== "/" && pathname.startsWith(`${path}/`));
    if (matches && path.length > bestLength) {
      best = item.href;
      bestLength = path.length;
    }
  }
  return best;
}

// The links' look is the `side-nav` utility of app/list-kit.css, set once on the <nav>: an item is a bare link
// whose state is its aria-current (decision 051), not 300 bytes of classes repeated for every item of every page.
function NavLink({ item, active, onNavigate }: { item: NavItem; active: boolean; onNavigate?: () => void }) {
  const icon = item.icon;
  return (
    <Link href={item.href} aria-current={active ? "page" : undefined} onClick={onNavigate}>
      {icon ? (
        <span aria-hidden="true" className="ic">
          {renderIcon(icon)}
        </span>
      ) : null}
      <span className="min-w-0 flex-1 truncate">{item.label}</span>
      {item.badge != null ? <span className="ct">{item.badge}</span> : null}
    </Link>
  );
}

export interface SidebarNavProps {
  entries: NavEntry[];
  label: string;
  onNavigate?: () => void;
  className?: string;
}

/**
 * Sidebar navigation list (AppShell's desktop sidebar and the mobile drawer). A client component for one reason:
 * the active item follows the path on client-side navigation, which does not re-render the layout.
 */
export function SidebarNav({ entries, label, onNavigate, className }: SidebarNavProps) {
  const pathname = usePathname();
  const allItems = entries.flatMap((entry) => (isGroup(entry) ? entry.items : [entry]));
  const activeHref = findActive(allItems, pathname);
  const idPrefix = useId();
  return (
    <nav aria-label={label} className={cx("side-nav flex flex-col gap-5 overflow-y-auto pb-4", className)}>
      {groupEntries(entries).map((group, index) => (
        <div key={group.label ?? `group-${index}`} className="flex flex-col gap-0.5">
          {group.label ? (
            <p
              id={`${idPrefix}-${index}`}
              className="px-2.5 pb-1.5 text-[0.6875rem] font-semibold uppercase tracking-wider text-muted-foreground"
            >
              {group.label}
            </p>
          ) : null}
          <ul aria-labelledby={group.label ? `${idPrefix}-${index}` : undefined} className="flex flex-col gap-0.5">
            {group.items.map((item) => (
              <li key={item.href}>
                <NavLink item={item} active={item.href === activeHref} onNavigate={onNavigate} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/** Consecutive loose items form one unlabelled group; NavGroups stay as they are. */
function groupEntries(entries: NavEntry[]): { label?: string; items: NavItem[] }[] {
  const groups: { label?: string; items: NavItem[] }[] = [];
  for (const entry of entries) {
    if (isGroup(entry)) {
      groups.push({ label: entry.label, items: entry.items });
    } else {
      const last = groups[groups.length - 1];
      if (last && last.label === undefined) last.items.push(entry);
      else groups.push({ items: [entry] });
    }
  }
  return groups;
}

