import type { ComponentProps } from "react";
import { COMPACT_TABLE_CLASS } from "@/components/admin/compact-table";

/**
 * The persona lists' lean table (decision 041, as the admin console's): cell, badge and row styles are set once on
 * the <table> through descendant selectors, so a row carries short class names (`m` muted line, `q` muted cell
 * text, `b v-success` a badge) instead of the utility lists of Table and Badge. Looks the same as Table: cells
 * aligned to the top (rows of several lines), the row hover, and the primary badge the admin tables do not use.
 */
export const LIST_TABLE_CLASS = [
  COMPACT_TABLE_CLASS,
  "[&_tbody_td]:align-top [&_tbody_tr]:transition-colors [&_tbody_tr:hover]:bg-muted/40",
  "[&_.q]:text-sm [&_.q]:text-muted-foreground",
  "[&_.v-primary]:border-primary/20 [&_.v-primary]:bg-primary-subtle [&_.v-primary]:text-primary-subtle-foreground",
].join(" ");

/** Scroll container and a LIST_TABLE_CLASS table; `className` adds the page's own descendant styles. */
export function ListTable({ className, ...props }: ComponentProps<"table">) {
  return (
    <div className="relative w-full overflow-x-auto">
      <table className={className ? `${LIST_TABLE_CLASS} ${className}` : LIST_TABLE_CLASS} {...props} />
    </div>
  );
}
