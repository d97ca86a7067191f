import type { ComponentProps, ReactNode } from "react";
import Link from "next/link";
import { ROW_BADGE_CLASS } from "@/components/ui/row-badge";

/**
 * The lean list table (decision 045): Table's look (table.tsx) with every cell, header and row style set once on
 * the <table> through descendant selectors, so a row's HTML (and, when a server component renders it, its RSC
 * payload) carries short class names instead of utility lists. Lists that repeat a thing on every row use it; a
 * short or one-off table can keep Table.
 *
 * Row text, for a list table or any container of rows (ROW_TEXT_CLASS): `m` a muted small line, `q` muted text at
 * the cell's size, `mono` a ledger number, `a.l` a text link, `a.op` a row's "open" link drawn as an icon. Badges:
 * `b v-<variant>` (row-badge.tsx).
 */
export const ROW_TEXT_CLASS = [
  "[&_.m]:text-xs [&_.m]:text-muted-foreground [&_.q]:text-sm [&_.q]:text-muted-foreground",
  "[&_.mono]:font-mono [&_.mono]:text-[0.8125rem] [&_.mono]:tabular-nums",
  "[&_a.l]:rounded-sm [&_a.l]:text-primary [&_a.l]:underline-offset-4 [&_a.l]:focus-ring [&_a.l:hover]:underline",
  "[&_a.op]:inline-flex [&_a.op]:rounded-md [&_a.op]:p-1.5 [&_a.op]:text-muted-foreground [&_a.op]:focus-ring [&_a.op:hover]:bg-accent [&_a.op:hover]:text-foreground",
].join(" ");

/**
 * Small buttons in rows, for the lists that have them (a button is a few dozen bytes instead of about 600 with
 * buttonVariants size "sm"): `bt` primary, `bt o` outline; `data-pending` turns its icon while an action runs.
 */
export const ROW_BUTTON_CLASS = [
  "[&_.bt]:inline-flex [&_.bt]:h-8 [&_.bt]:shrink-0 [&_.bt]:items-center [&_.bt]:justify-center [&_.bt]:gap-1.5 [&_.bt]:whitespace-nowrap [&_.bt]:rounded-md [&_.bt]:px-3 [&_.bt]:text-[0.8125rem] [&_.bt]:font-medium [&_.bt]:select-none [&_.bt]:transition-colors [&_.bt]:focus-ring",
  "[&_.bt]:bg-primary [&_.bt]:text-primary-foreground [&_.bt]:shadow-xs [&_.bt:hover]:bg-primary-hover [&_.bt:disabled]:pointer-events-none [&_.bt:disabled]:opacity-50",
  "[&_.bt.o]:border [&_.bt.o]:border-border [&_.bt.o]:bg-card [&_.bt.o]:text-foreground [&_.bt.o:hover]:bg-accent",
  "[&_.bt_svg]:pointer-events-none [&_.bt_svg]:size-4 [&_.bt_svg]:shrink-0 [&_.bt[data-pending]_svg]:animate-spin",
].join(" ");

// Cells are top-aligned: a list row is several lines (a name over its number, a scope's lines), read from the top.
const LIST_TABLE_CLASS = [
  "w-full border-collapse text-sm [&_thead]:bg-muted/60 [&_tr]:border-b [&_tr]:border-border [&_tbody_tr:last-child]:border-0",
  "[&_th]:h-9 [&_th]:px-3 [&_th]:text-left [&_th]:text-xs [&_th]:font-medium [&_th]:whitespace-nowrap [&_th]:text-muted-foreground [&_th:first-child]:pl-5 [&_th:last-child]:pr-5",
  "[&_td]:px-3 [&_td]:py-2.5 [&_td]:align-top [&_td:first-child]:pl-5 [&_td:last-child]:pr-5",
  "[&_tbody_tr]:transition-colors [&_tbody_tr:hover]:bg-muted/40",
  ROW_TEXT_CLASS,
  ROW_BADGE_CLASS,
].join(" ");

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
