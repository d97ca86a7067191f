import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListQuery } from "@/lib/paging/keyset";

/**
 * The SQL half of keyset paging (lib/paging/keyset.ts). `columns` is the row-value of the sort key, e.g.
 * `(m."name", m."id")`; `cursor` the same shape built from the decoded cursor with casts, e.g.
 * `(${name}, ${id}::uuid)`. The display order is `order` on every column; a "Previous" read runs the mirror
 * order and toKeysetPage puts the rows back.
 */
export function keysetAfter(columns: Prisma.Sql, cursor: Prisma.Sql | null, query: Pick<ListQuery, "direction">, order: "asc" | "desc"): Prisma.Sql {
  if (!cursor) return Prisma.sql`TRUE`;
  const forwardIsGreater = order === "asc";
  const greater = query.direction === "next" ? forwardIsGreater : !forwardIsGreater;
  return greater ? Prisma.sql`${columns} > ${cursor}` : Prisma.sql`${columns} < ${cursor}`;
}

/** `ORDER BY a DIR, b DIR` for the read (the display order, or its mirror when reading backwards). */
export function keysetOrderBy(columns: Prisma.Sql[], query: Pick<ListQuery, "direction">, order: "asc" | "desc"): Prisma.Sql {
  const asc = (order === "asc") === (query.direction === "next");
  return Prisma.sql`ORDER BY ${Prisma.join(columns.map((c) => (asc ? Prisma.sql`${c} ASC` : Prisma.sql`${c} DESC`)), ", ")}`;
}

/** LIMIT with the probe row that tells whether there is another page. */
export function keysetLimit(query: Pick<ListQuery, "size">): Prisma.Sql {
  return Prisma.sql`LIMIT ${query.size + 1}`;
}
