"use client";

import { useState, type ReactNode } from "react";
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowData,
  type SortingState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown, ChevronLeft, ChevronRight, Search } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Button } from "./button";
import { Input } from "./input";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "./table";

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- must match the library's generic signature
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Right-align header and cells with tabular figures. */
    numeric?: boolean;
    headerClassName?: string;
    cellClassName?: string;
  }
}

export interface DataTableLabels {
  /** Accessible label of the filter input. */
  filter?: string;
  filterPlaceholder?: string;
  /** Live-region text after filtering; "{count}" is replaced. */
  results?: string;
  previousPage?: string;
  nextPage?: string;
  /** "{page}" and "{pageCount}" are replaced. */
  pageOf?: string;
}

const defaultLabels: Required<DataTableLabels> = {
  filter: "Filter rows",
  filterPlaceholder: "Filter…",
  results: "{count} rows",
  previousPage: "Previous page",
  nextPage: "Next page",
  pageOf: "Page {page} of {pageCount}",
};

export interface DataTableProps<TData, TValue> {
  columns: ColumnDef<TData, TValue>[];
  data: TData[];
  /** Table caption (visible) or use `ariaLabel` for an invisible name. */
  caption?: ReactNode;
  ariaLabel?: string;
  /** Show the global text filter above the table. */
  filterable?: boolean;
  /** Shown in the body when there are no rows (no data or nothing matches the filter). */
  emptyState?: ReactNode;
  /** Extra controls on the toolbar's right side (export button, select filters…). */
  toolbar?: ReactNode;
  initialSorting?: SortingState;
  /** Enable pagination with this page size (default: all rows). */
  pageSize?: number;
  getRowId?: (row: TData, index: number) => string;
  labels?: DataTableLabels;
  className?: string;
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => String(values[key] ?? match));
}

/**
 * Client-side table with sorting, optional global filter and pagination. Columns contain render functions, so
 * define them (and render this) in a client component. Mark money/count columns with `meta: { numeric: true }`.
 */
export function DataTable<TData, TValue>({
  columns,
  data,
  caption,
  ariaLabel,
  filterable = false,
  emptyState,
  toolbar,
  initialSorting = [],
  pageSize,
  getRowId,
  labels,
  className,
}: DataTableProps<TData, TValue>) {
  const text = { ...defaultLabels, ...labels };
  const [sorting, setSorting] = useState<SortingState>(initialSorting);
  const [globalFilter, setGlobalFilter] = useState("");
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize: pageSize ?? 10 });

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns new functions each render
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, globalFilter, ...(pageSize ? { pagination } : {}) },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    onPaginationChange: setPagination,
    globalFilterFn: "includesString",
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    ...(pageSize ? { getPaginationRowModel: getPaginationRowModel() } : {}),
  });

  const rows = table.getRowModel().rows;
  const filteredCount = table.getFilteredRowModel().rows.length;
  const pageCount = table.getPageCount();

  return (
    <div className={cn("flex flex-col", className)}>
      {filterable || toolbar ? (
        <div className="flex flex-wrap items-center gap-2 px-5 py-3">
          {filterable ? (
            <div className="relative w-full max-w-xs">
              <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
              <Input
                type="search"
                aria-label={text.filter}
                placeholder={text.filterPlaceholder}
                value={globalFilter}
                onChange={(event) => {
                  setGlobalFilter(event.target.value);
                  table.setPageIndex(0);
                }}
                className="h-8 pl-8"
              />
            </div>
          ) : null}
          {toolbar ? <div className="ml-auto flex flex-wrap items-center gap-2">{toolbar}</div> : null}
          {filterable ? (
            <p aria-live="polite" className="sr-only">
              {globalFilter ? fill(text.results, { count: filteredCount }) : ""}
            </p>
          ) : null}
        </div>
      ) : null}
      <Table aria-label={caption ? undefined : ariaLabel} className={cn((filterable || toolbar) && "border-t border-border")}>
        {caption ? <TableCaption>{caption}</TableCaption> : null}
        <TableHeader>
          {table.getHeaderGroups().map((headerGroup) => (
            <TableRow key={headerGroup.id} className="hover:bg-transparent">
              {headerGroup.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                const sorted = header.column.getIsSorted();
                const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <TableHead
                    key={header.id}
                    colSpan={header.colSpan}
                    numeric={meta?.numeric}
                    className={meta?.headerClassName}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.column.getCanSort() && !header.isPlaceholder ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className={cn(
                          "focus-ring -mx-1 inline-flex items-center gap-1 rounded-sm px-1 py-0.5 hover:text-foreground",
                          meta?.numeric && "flex-row-reverse",
                          sorted && "text-foreground",
                        )}
                      >
                        {content}
                        {sorted === "asc" ? (
                          <ArrowUp aria-hidden="true" className="size-3.5" />
                        ) : sorted === "desc" ? (
                          <ArrowDown aria-hidden="true" className="size-3.5" />
                        ) : (
                          <ChevronsUpDown aria-hidden="true" className="size-3.5 opacity-50" />
                        )}
                      </button>
                    ) : (
                      content
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {rows.length > 0 ? (
            rows.map((row) => (
              <TableRow key={row.id} data-state={row.getIsSelected() ? "selected" : undefined}>
                {row.getVisibleCells().map((cell) => (
                  <TableCell
                    key={cell.id}
                    numeric={cell.column.columnDef.meta?.numeric}
                    className={cell.column.columnDef.meta?.cellClassName}
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </TableCell>
                ))}
              </TableRow>
            ))
          ) : (
            <TableRow className="hover:bg-transparent">
              <TableCell colSpan={table.getVisibleLeafColumns().length} className="p-0">
                {emptyState ?? <div className="py-10 text-center text-muted-foreground">—</div>}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      {pageSize && pageCount > 1 ? (
        <div className="flex items-center justify-between gap-3 border-t border-border px-5 py-2.5">
          <p className="text-[0.8125rem] text-muted-foreground tabular-nums">
            {fill(text.pageOf, { page: pagination.pageIndex + 1, pageCount })}
          </p>
          <div className="flex items-center gap-1.5">
            <Button
              variant="outline"
              size="icon-sm"
              onClick={() => table.previousPage()}
              disabled={!table.getCanPreviousPage()}
              aria-label={text.previousPage}
            >
              <ChevronLeft aria-hidden="true" />
            </Button>
            <Button
              variant="outline"
              size="icon-sm"
              onClick={() => table.nextPage()}
              disabled={!table.getCanNextPage()}
              aria-label={text.nextPage}
            >
              <ChevronRight aria-hidden="true" />
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
