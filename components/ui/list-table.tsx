import type { ComponentProps, ReactNode } from "react";
import Link from "next/link";
import { ROW_BADGE_CLASS } from "@/components/ui/row-badge";

/**
 * The lean list table (decision 045): Table's look (table.tsx) with every cell, header and row style set once on
 * the <table> through descendant selectors, so a row's HTML (and, when a server component renders it, its RSC
 * payload) carries short class names instead of utility lists. The selectors are utilities of app/list-kit.css
 * (`list-table`, `row-text`, `row-badges`, `row-buttons`; decision 051), so the table itself carries three names.
 * Lists that repeat a thing on every row use it; a short or one-off table can keep Table.
 *
 * Row text, for a list table or any container of rows (ROW_TEXT_CLASS): `m` a muted small line, `q` muted text at
 * the cell's size, `mono` a ledger number, `a.l` a text link, `a.op` a row's "open" link drawn as an icon. Badges:
 * `b v-<variant>` (row-badge.tsx).
 */
export const ROW_TEXT_CLASS = "row-text";

/**
 * Small buttons in rows, for the lists that have them (a button is a few dozen bytes instead of about 600 with
 * buttonVariants size "sm"): `bt` primary, `bt o` outline; `data-pending` turns its icon while an action runs.
 */
export const ROW_BUTTON_CLASS = "row-buttons";

// Cells are top-aligned: a list row is several lines (a name over its number, a scope's lines), read from the top.
const LIST_TABLE_CLASS = `list-table ${ROW_TEXT_CLASS} ${ROW_BADGE_CLASS}`;

/**
 * Scroll container and a lean table with row text and badges; `className` adds the list's own descendant styles
 * (ROW_BUTTON_CLASS, SCOPE_LINES_CLASS, its cells'). Server-safe: server pages and client tables both use it.
 */
export function ListTable({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table className={className ? `${LIST_TABLE_CLASS} ${className}` : LIST_TABLE_CLASS} {...props} />
    </div>
  );
}

/** A row's last cell: its "open" link drawn as an icon (`a.op`), named for a screen reader by `label`. */
export function RowOpenCell({ href, label, icon, className }: { href: string; label: string; icon: ReactNode; className?: string }) {
  return (
    <td className={className ? `text-right ${className}` : "text-right"}>
      <Link href={href} className="op" aria-label={label}>{icon}</Link>
    </td>
  );
}
