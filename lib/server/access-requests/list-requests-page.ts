import "server-only";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantContext, PartnerContext } from "@/lib/server/authz/contexts";
import { requireMerchantCan, requirePartnerCan } from "@/lib/server/authz/require";
import { likePattern, toKeysetPage, type KeysetPage, type ListQuery } from "@/lib/paging/keyset";
import { keysetAfter, keysetLimit, keysetOrderBy } from "@/lib/server/paging/keyset-sql";
import {
  PARTNER_SELECT,
  REQUEST_SELECT,
  toMerchantViews,
  toPartnerViews,
} from "@/lib/server/access-requests/list-requests";
import type { MerchantRequestView, PartnerRequestView } from "@/lib/access-requests/types";

/** Cursor key length of both request lists: (a timestamp, the id). */
export const REQUEST_CURSOR_PARTS = 2;
/** Open requests are cards with an approve and a decline dialog each: fewer per page than table rows. */
export const OPEN_REQUESTS_PAGE_SIZE = 10;

/**
 * Which of the merchant's requests a user may see, in SQL (the same rule as requestAccess and
 * countMerchantRequests): a manager sees requests naming one of their sales units and those by org. number.
 */
export function merchantRequestVisibleSql(ctx: MerchantContext, alias = "r"): Prisma.Sql {
  if (ctx.salesUnitScope === "all") return Prisma.sql`TRUE`;
  const scope = ctx.salesUnitScope as string[];
  const r = Prisma.raw(`"${alias}"`);
  return Prisma.sql`(NOT EXISTS (SELECT 1 FROM "AccessRequestSalesUnit" rs WHERE rs."requestId" = ${r}."id")
    OR EXISTS (SELECT 1 FROM "AccessRequestSalesUnit" rs WHERE rs."requestId" = ${r}."id" AND rs."salesUnitId" = ANY(${scope}::uuid[])))`;
}

/** The merchant's search: the partner's name (contains) or its org. number (prefix). */
function partnerSearch(q: string): Prisma.Sql {
  if (!q) return Prisma.sql`TRUE`;
  return Prisma.sql`(p."name" ILIKE ${likePattern(q)} OR p."orgNo" LIKE ${likePattern(q.replace(/\s/g, ""), "prefix")})`;
}

function cursorSql(cursor: string[] | null): Prisma.Sql | null {
  if (!cursor) return null;
  return Prisma.sql`(${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`;
}

/** A cursor whose id is not a uuid would make the cast fail: such a cursor starts at page one instead. */
function sane(query: ListQuery): ListQuery {
  const ok = query.cursor && /^[0-9a-f-]{36}$/i.test(query.cursor[1] ?? "") && !Number.isNaN(new Date(query.cursor[0] ?? "").getTime());
  return ok ? query : { ...query, cursor: null, direction: "next" };
}

export interface MerchantRequestsPage {
  /** Pending and not expired, soonest to expire first. */
  open: KeysetPage<MerchantRequestView>;
  /** Decided, withdrawn or expired, newest first. */
  history: KeysetPage<MerchantRequestView>;
}

/**
 * M4 at any size: one keyset page of open requests and one of the history, searched by partner, counted in
 * SQL. Seven statements whatever the number of requests: two id pages and their counts, the rows of both
 * pages, and the three reads of toMerchantViews.
 */
export async function listMerchantRequestsPage(
  ctx: MerchantContext,
  queries: { open: ListQuery; history: ListQuery },
  now: Date = new Date(),
): Promise<MerchantRequestsPage> {
  requireMerchantCan(ctx, "partners.read");
  const open = sane(queries.open);
  const history = sane(queries.history);
  const base = Prisma.sql`r."merchantId" = ${ctx.merchantId}::uuid AND ${merchantRequestVisibleSql(ctx)} AND ${partnerSearch(open.q)}`;
  const isOpen = Prisma.sql`(r."status" = 'pending' AND r."expiresAt" > ${now})`;
  const read = (where: Prisma.Sql, column: string, order: "asc" | "desc", query: ListQuery) => {
    const col = Prisma.raw(`r."${column}"`);
    return db.$queryRaw<{ id: string; at: Date }[]>`
      SELECT r."id", ${col} AS "at" FROM "AccessRequest" r JOIN "AccountingPartner" p ON p."id" = r."partnerId"
      WHERE ${base} AND ${where} AND ${keysetAfter(Prisma.sql`(${col}, r."id")`, cursorSql(query.cursor), query, order)}
      ${keysetOrderBy([col, Prisma.sql`r."id"`], query, order)}
      ${keysetLimit(query)}`;
  };
  const [openIds, historyIds, [counts]] = await Promise.all([
    read(isOpen, "expiresAt", "asc", open),
    read(Prisma.sql`NOT ${isOpen}`, "createdAt", "desc", history),
    db.$queryRaw<{ open: number; history: number }[]>`
      SELECT count(*) FILTER (WHERE ${isOpen})::int AS "open", count(*) FILTER (WHERE NOT ${isOpen})::int AS "history"
      FROM "AccessRequest" r JOIN "AccountingPartner" p ON p."id" = r."partnerId" WHERE ${base}`,
  ]);
  const openPage = toKeysetPage(openIds, open, (r) => [r.at.toISOString(), r.id], counts?.open ?? 0);
  const historyPage = toKeysetPage(historyIds, history, (r) => [r.at.toISOString(), r.id], counts?.history ?? 0);
  const ids = [...openPage.items, ...historyPage.items].map((r) => r.id);
  const rows = ids.length === 0 ? [] : await db.accessRequest.findMany({ where: { id: { in: ids }, merchantId: ctx.merchantId }, select: REQUEST_SELECT });
  const views = new Map((await toMerchantViews(ctx, rows, now)).map((v) => [v.id, v]));
  const pick = (items: { id: string }[]) => items.map((r) => views.get(r.id)).filter((v): v is MerchantRequestView => v !== undefined);
  return {
    open: { ...openPage, items: pick(openPage.items) },
    history: { ...historyPage, items: pick(historyPage.items) },
  };
}

/**
 * P7 at any size: one keyset page of the partner's submissions (a submission may have reached several
 * merchants), newest first, searched by what the partner typed (org. number, MSN, purpose), with the stat
 * cards' counts by submission status in one SQL statement.
 */
export interface PartnerRequestsPage extends KeysetPage<PartnerRequestView> {
  counts: { open: number; approved: number; closed: number };
}

export async function listPartnerRequestsPage(ctx: PartnerContext, query: ListQuery, now: Date = new Date()): Promise<PartnerRequestsPage> {
  requirePartnerCan(ctx, "requests.write");
  const q = sane(query);
  const search = q.q
    ? Prisma.sql`bool_or(r."requestedOrgNo" LIKE ${likePattern(q.q.replace(/\s/g, ""), "prefix")} OR r."purpose" ILIKE ${likePattern(q.q)}
        OR EXISTS (SELECT 1 FROM unnest(r."requestedMsns") AS msn WHERE msn LIKE ${likePattern(q.q, "prefix")}))`
    : Prisma.sql`TRUE`;
  // A submission's status as submissionStatus() derives it: withdrawn > approved > declined > pending > expired.
  const [subs, countRows] = await Promise.all([
    db.$queryRaw<{ submissionId: string; at: Date }[]>`
      WITH s AS (
        SELECT r."submissionId", min(r."createdAt") AS "at" FROM "AccessRequest" r
        WHERE r."partnerId" = ${ctx.partnerId}::uuid GROUP BY r."submissionId" HAVING ${search}
      )
      SELECT s."submissionId", s."at" FROM s
      WHERE ${keysetAfter(Prisma.sql`(s."at", s."submissionId")`, cursorSql(q.cursor), q, "desc")}
      ${keysetOrderBy([Prisma.sql`s."at"`, Prisma.sql`s."submissionId"`], q, "desc")}
      ${keysetLimit(q)}`,
    db.$queryRaw<{ open: number; approved: number; closed: number; total: number }[]>`
      WITH s AS (
        SELECT bool_or(r."status" = 'withdrawn') AS w, bool_or(r."status" = 'approved') AS a, bool_or(r."status" = 'declined') AS d,
               bool_or(r."status" = 'pending' AND r."expiresAt" > ${now}) AS p, ${search} AS matches
        FROM "AccessRequest" r WHERE r."partnerId" = ${ctx.partnerId}::uuid GROUP BY r."submissionId"
      )
      SELECT count(*) FILTER (WHERE NOT w AND NOT a AND NOT d AND p)::int AS "open",
             count(*) FILTER (WHERE NOT w AND a)::int AS "approved",
             count(*) FILTER (WHERE w OR (NOT a AND (d OR NOT p)))::int AS "closed",
             count(*) FILTER (WHERE matches)::int AS "total"
      FROM s`,
  ]);
  const page = toKeysetPage(subs, q, (s) => [s.at.toISOString(), s.submissionId], countRows[0]?.total ?? 0);
  const ids = page.items.map((s) => s.submissionId);
  const rows = ids.length === 0 ? [] : await db.accessRequest.findMany({ where: { partnerId: ctx.partnerId, submissionId: { in: ids } }, select: PARTNER_SELECT, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  const views = new Map(toPartnerViews(rows, now).map((v) => [v.id, v]));
  const c = countRows[0] ?? { open: 0, approved: 0, closed: 0 };
  return { ...page, items: ids.map((id) => views.get(id)).filter((v): v is PartnerRequestView => v !== undefined), counts: { open: c.open, approved: c.approved, closed: c.closed } };
}
