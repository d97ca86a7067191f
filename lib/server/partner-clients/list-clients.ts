import "server-only";
import { db } from "@/lib/server/db";
import { todayPortalDate } from "@/lib/dates";
import { grantScopeView, type GrantDisplayStatus } from "@/lib/grants/grant-status";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { isUuid } from "@/lib/ids";
import { Prisma } from "@/lib/generated/prisma/client";
import { likePattern, PAGE_SIZE_DEFAULT, toKeysetPage, type KeysetPage, type ListQuery } from "@/lib/paging/keyset";
import { keysetAfter, keysetLimit, keysetOrderBy } from "@/lib/server/paging/keyset-sql";

export interface ClientLedger {
  grantId: string;
  ledgerExternalId: string;
  currency: string;
  salesUnits: { msn: string; name: string }[];
  status: GrantDisplayStatus;
  periodFrom: string | null;
  periodTo: string | null;
  validUntil: string | null;
  includesPersonalData: boolean;
}

export interface Client {
  merchantId: string;
  merchantName: string;
  orgNo: string;
  country: string;
  ledgers: ClientLedger[];
  /** Granted ledgers beyond the ones listed (the list shows at most LEDGERS_PER_CLIENT; the client page all). */
  moreLedgers: number;
}

export interface ClientSummary {
  clients: number;
  ledgers: number;
  withPersonalData: number;
}

export interface ClientsPage extends KeysetPage<Client> {
  summary: ClientSummary;
}

/** Ledgers listed per client on the clients list; the client's own page lists them all. */
export const LEDGERS_PER_CLIENT = 10;
/** Sales units named per ledger. */
const SALES_UNITS_PER_LEDGER = 10;

/** Cursor key of the clients list: merchant name, merchant id. */
export const CLIENT_CURSOR_PARTS = 2;

/**
 * The partner's live grants as a SQL condition on `g` (LedgerGrant): active, not past their end date, this
 * partner only, and for an accountant only the assigned clients.
 */
function liveGrants(ctx: PartnerContext, today: string): Prisma.Sql {
  const scope = ctx.clientScope === "all" ? Prisma.sql`TRUE` : Prisma.sql`g."merchantId" = ANY(${ctx.clientScope}::uuid[])`;
  return Prisma.sql`g."partnerId" = ${ctx.partnerId}::uuid AND g."status" = 'active'
    AND (g."validUntil" IS NULL OR g."validUntil" >= ${today}::date) AND ${scope}`;
}

/**
 * Search on `m` (Merchant): name contains; and when the text looks like a number, org. number starts with it
 * or one of the merchant's sales units has it as MSN.
 */
function clientSearch(q: string): Prisma.Sql {
  if (!q) return Prisma.sql`TRUE`;
  if (!/^[0-9][0-9 -]*$/.test(q)) return Prisma.sql`m."name" ILIKE ${likePattern(q)}`;
  return Prisma.sql`(m."name" ILIKE ${likePattern(q)} OR m."orgNo" LIKE ${likePattern(q, "prefix")}
    OR EXISTS (SELECT 1 FROM "SalesUnit" s WHERE s."merchantId" = m."id" AND s."msn" = ${q}))`;
}

interface MerchantRow { id: string; name: string; orgNo: string; country: string }
interface GrantRow {
  id: string;
  merchantId: string;
  status: "active" | "pending_approval" | "revoked" | "expired" | "declined";
  periodFrom: Date | null;
  periodTo: Date | null;
  validUntil: Date | null;
  includesPersonalData: boolean;
  externalId: string;
  currency: string;
  salesUnits: { msn: string; name: string }[] | null;
  ledgerCount: number;
}

/**
 * P1: one page of the merchants that granted this partner access (keyset on name, id), each with its live
 * grants (at most LEDGERS_PER_CLIENT), plus the totals for the stat cards — three queries whatever the number
 * of clients. Only active grants count (a revoked or pending grant shows nothing); accountants see only their
 * assigned clients; a suspended partner reads nothing at all.
 */
export async function listClientsPage(ctx: PartnerContext, query: ListQuery, only?: { merchantId: string }): Promise<ClientsPage> {
  const empty: ClientsPage = { items: [], nextCursor: null, prevCursor: null, total: 0, summary: { clients: 0, ledgers: 0, withPersonalData: 0 } };
  if (ctx.partnerStatus === "suspended") return empty;
  const today = todayPortalDate();
  const live = liveGrants(ctx, today);
  const onlyMerchant = only ? Prisma.sql`m."id" = ${only.merchantId}::uuid` : Prisma.sql`TRUE`;
  const search = clientSearch(query.q);
  const cursor = query.cursor ? Prisma.sql`(${query.cursor[0]}::text, ${query.cursor[1]}::uuid)` : null;
  const [merchants, summaryRows] = await Promise.all([
    db.$queryRaw<MerchantRow[]>`
      SELECT m."id", m."name", m."orgNo", m."country"::text AS "country" FROM "Merchant" m
      WHERE EXISTS (SELECT 1 FROM "LedgerGrant" g WHERE g."merchantId" = m."id" AND ${live})
        AND ${onlyMerchant} AND ${search}
        AND ${keysetAfter(Prisma.sql`(m."name", m."id")`, cursor, query, "asc")}
      ${keysetOrderBy([Prisma.sql`m."name"`, Prisma.sql`m."id"`], query, "asc")}
      ${keysetLimit(query)}`,
    // The merchant row is joined only to count a search's matches.
    query.q || only
      ? db.$queryRaw<{ clients: number; ledgers: number; personal: number; matching: number }[]>`
          SELECT count(DISTINCT g."merchantId")::int AS "clients", count(*)::int AS "ledgers",
                 count(*) FILTER (WHERE g."includesPersonalData")::int AS "personal",
                 count(DISTINCT g."merchantId") FILTER (WHERE ${search})::int AS "matching"
          FROM "LedgerGrant" g JOIN "Merchant" m ON m."id" = g."merchantId"
          WHERE ${live} AND ${onlyMerchant}`
      : db.$queryRaw<{ clients: number; ledgers: number; personal: number; matching: number }[]>`
          SELECT count(DISTINCT g."merchantId")::int AS "clients", count(*)::int AS "ledgers",
                 count(*) FILTER (WHERE g."includesPersonalData")::int AS "personal",
                 count(DISTINCT g."merchantId")::int AS "matching"
          FROM "LedgerGrant" g WHERE ${live}`,
  ]);
  const page = toKeysetPage(merchants, query, (m) => [m.name, m.id], summaryRows[0]?.matching ?? 0);
  const ids = page.items.map((m) => m.id);
  const grants = ids.length === 0 ? [] : await db.$queryRaw<GrantRow[]>`
    SELECT * FROM (
      SELECT g."id", g."merchantId", g."status"::text AS "status", g."periodFrom", g."periodTo", g."validUntil", g."includesPersonalData",
             l."externalId", l."currency"::text AS "currency",
             (SELECT json_agg(json_build_object('msn', s."msn", 'name', s."name") ORDER BY s."name", s."msn")
                FROM (SELECT s."msn", s."name" FROM "SalesUnit" s WHERE s."ledgerId" = l."id" ORDER BY s."name", s."msn" LIMIT ${SALES_UNITS_PER_LEDGER}) s) AS "salesUnits",
             count(*) OVER (PARTITION BY g."merchantId")::int AS "ledgerCount",
             row_number() OVER (PARTITION BY g."merchantId" ORDER BY l."externalId", g."id") AS "n"
      FROM "LedgerGrant" g JOIN "Ledger" l ON l."id" = g."ledgerId"
      WHERE g."merchantId" = ANY(${ids}::uuid[]) AND ${live}
    ) x WHERE x."n" <= ${only ? 2_147_483_647 : LEDGERS_PER_CLIENT}
    ORDER BY x."merchantId", x."externalId", x."id"`;
  const byMerchant = new Map<string, GrantRow[]>();
  for (const g of grants) byMerchant.set(g.merchantId, [...(byMerchant.get(g.merchantId) ?? []), g]);
  const s = summaryRows[0];
  return {
    ...page,
    items: page.items.map((m) => {
      const rows = byMerchant.get(m.id) ?? [];
      return {
        merchantId: m.id,
        merchantName: m.name,
        orgNo: m.orgNo,
        country: m.country,
        moreLedgers: Math.max(0, (rows[0]?.ledgerCount ?? 0) - rows.length),
        ledgers: rows.map((g) => ({
          grantId: g.id,
          ledgerExternalId: g.externalId,
          currency: g.currency,
          salesUnits: g.salesUnits ?? [],
          ...grantScopeView(g, today),
        })),
      };
    }),
    summary: { clients: s?.clients ?? 0, ledgers: s?.ledgers ?? 0, withPersonalData: s?.personal ?? 0 },
  };
}

/** The first page of clients (PAGE_SIZE_DEFAULT merchants), for callers that want the list without paging. */
export async function listClients(ctx: PartnerContext): Promise<Client[]> {
  return (await listClientsPage(ctx, { q: "", cursor: null, direction: "next", size: PAGE_SIZE_DEFAULT })).items;
}

/** One client of this partner with all its live grants, or null (→ 404) when it granted this partner (or user) nothing. */
export async function getClient(ctx: PartnerContext, merchantId: string): Promise<Client | null> {
  if (!isUuid(merchantId)) return null;
  const page = await listClientsPage(ctx, { q: "", cursor: null, direction: "next", size: 1 }, { merchantId });
  return page.items[0] ?? null;
}
