import "server-only";
import { db } from "@/lib/server/db";
import { ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { likePattern, PAGE_SIZE_DEFAULT, toKeysetPage, type KeysetPage, type ListQuery } from "@/lib/paging/keyset";
import { keysetAfter, keysetLimit, keysetOrderBy } from "@/lib/server/paging/keyset-sql";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { requirePartnerCan } from "@/lib/server/authz/require";
import type { StaffClient } from "@/lib/partner-staff/types";

export interface StaffMember {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: "owner" | "accountant";
  /** Accountants: the clients assigned to them (current clients only). Owners see every client. */
  assignedMerchantIds: string[];
}

export interface PartnerStaffOverview {
  members: StaffMember[];
  clients: StaffClient[];
}

/**
 * P6: the partner's clients are the merchants with an active, unexpired grant to this partner. Only those
 * can be assigned: an assignment to a merchant that granted nothing would show nothing anyway. `only` limits
 * the answer to these merchant ids (what an assignment change needs to check, whatever the firm's size).
 */
export async function listPartnerClientsForStaff(partnerId: string, now: Date = new Date(), only?: string[]): Promise<StaffClient[]> {
  const today = ledgerDateToDb(todayPortalDate(now));
  const grants = await db.ledgerGrant.groupBy({
    by: ["merchantId"],
    where: { partnerId, status: "active", OR: [{ validUntil: null }, { validUntil: { gte: today } }], ...(only ? { merchantId: { in: only } } : {}) },
    _count: { _all: true },
  });
  if (grants.length === 0) return [];
  const merchants = await db.merchant.findMany({
    where: { id: { in: grants.map((g) => g.merchantId) } },
    select: { id: true, name: true, orgNo: true },
    orderBy: { name: "asc" },
  });
  const counts = new Map(grants.map((g) => [g.merchantId, g._count._all]));
  return merchants.map((m) => ({ merchantId: m.id, name: m.name, orgNo: m.orgNo, ledgerCount: counts.get(m.id) ?? 0 }));
}

/** Clients offered in each accountant's assignment dialog (with the accountant's own assigned ones added). */
export const STAFF_DIALOG_CLIENTS = 100;
/** Cursor key of the staff list: 0 owner / 1 accountant, display name, membership id. */
export const STAFF_CURSOR_PARTS = 3;

export interface StaffMemberRow extends StaffMember {
  /** The accountant's assigned current clients (at most MAX_ASSIGNED_CLIENTS), for the badges and the dialog. */
  assignedClients: StaffClient[];
}

export interface PartnerStaffPage extends KeysetPage<StaffMemberRow> {
  summary: { people: number; accountants: number; clients: number };
  /** The first STAFF_DIALOG_CLIENTS clients by name, offered in the assignment dialogs. */
  clients: StaffClient[];
}

/**
 * The firm's people (a keyset page on role, name, id, searched by name or e-mail) and who works on which
 * client; counts in SQL. Owners only (staff.write): an accountant must not learn the firm's other clients
 * through the staff list.
 */
export async function listPartnerStaffPage(ctx: PartnerContext, query: ListQuery, now: Date = new Date()): Promise<PartnerStaffPage> {
  requirePartnerCan(ctx, "staff.write");
  const today = todayPortalDate(now);
  const live = Prisma.sql`g."partnerId" = ${ctx.partnerId}::uuid AND g."status" = 'active' AND (g."validUntil" IS NULL OR g."validUntil" >= ${today}::date)`;
  const search = query.q ? Prisma.sql`(u."name" ILIKE ${likePattern(query.q)} OR u."email" ILIKE ${likePattern(query.q)})` : Prisma.sql`TRUE`;
  const sortKey = Prisma.sql`((pm."role" = 'accountant')::int, coalesce(u."name", u."email"), pm."id")`;
  const cursor = query.cursor ? Prisma.sql`(${Number(query.cursor[0]) ? 1 : 0}::int, ${query.cursor[1]}::text, ${query.cursor[2]}::uuid)` : null;
  const [members, counts, clients] = await Promise.all([
    db.$queryRaw<{ id: string; role: "owner" | "accountant"; userId: string; name: string; email: string; roleKey: number }[]>`
      SELECT pm."id", pm."role"::text AS "role", u."id" AS "userId", coalesce(u."name", u."email") AS "name", u."email", (pm."role" = 'accountant')::int AS "roleKey"
      FROM "PartnerMembership" pm JOIN "User" u ON u."id" = pm."userId"
      WHERE pm."partnerId" = ${ctx.partnerId}::uuid AND ${search} AND ${keysetAfter(sortKey, cursor, query, "asc")}
      ${keysetOrderBy([Prisma.sql`(pm."role" = 'accountant')::int`, Prisma.sql`coalesce(u."name", u."email")`, Prisma.sql`pm."id"`], query, "asc")}
      ${keysetLimit(query)}`,
    db.$queryRaw<{ people: number; accountants: number; matching: number; clients: number }[]>`
      SELECT count(*)::int AS "people", count(*) FILTER (WHERE pm."role" = 'accountant')::int AS "accountants",
             count(*) FILTER (WHERE ${search})::int AS "matching",
             (SELECT count(DISTINCT g."merchantId")::int FROM "LedgerGrant" g WHERE ${live}) AS "clients"
      FROM "PartnerMembership" pm JOIN "User" u ON u."id" = pm."userId" WHERE pm."partnerId" = ${ctx.partnerId}::uuid`,
    staffClients(live, STAFF_DIALOG_CLIENTS),
  ]);
  const page = toKeysetPage(members, query, (m) => [String(m.roleKey), m.name, m.id], counts[0]?.matching ?? 0);
  const accountantIds = page.items.filter((m) => m.role === "accountant").map((m) => m.id);
  const assigned = accountantIds.length === 0 ? [] : await db.$queryRaw<(StaffClient & { membershipId: string })[]>`
    SELECT a."membershipId", m."id" AS "merchantId", m."name", m."orgNo",
           (SELECT count(*)::int FROM "LedgerGrant" g WHERE g."merchantId" = m."id" AND ${live}) AS "ledgerCount"
    FROM "PartnerClientAssignment" a JOIN "Merchant" m ON m."id" = a."merchantId"
    WHERE a."membershipId" = ANY(${accountantIds}::uuid[]) AND EXISTS (SELECT 1 FROM "LedgerGrant" g WHERE g."merchantId" = m."id" AND ${live})
    ORDER BY a."membershipId", m."name", m."id"`;
  const byMember = new Map<string, StaffClient[]>();
  for (const { membershipId, ...c } of assigned) byMember.set(membershipId, [...(byMember.get(membershipId) ?? []), c]);
  const c = counts[0];
  return {
    ...page,
    clients,
    summary: { people: c?.people ?? 0, accountants: c?.accountants ?? 0, clients: c?.clients ?? 0 },
    items: page.items.map((m) => {
      const mine = m.role === "owner" ? [] : byMember.get(m.id) ?? [];
      return { membershipId: m.id, userId: m.userId, name: m.name, email: m.email, role: m.role, assignedMerchantIds: mine.map((x) => x.merchantId), assignedClients: mine };
    }),
  };
}

/** The firm's first clients by name: walks the merchant name index and stops after `limit` clients. */
async function staffClients(live: Prisma.Sql, limit: number): Promise<StaffClient[]> {
  return db.$queryRaw<StaffClient[]>`
    SELECT m."id" AS "merchantId", m."name", m."orgNo",
           (SELECT count(*)::int FROM "LedgerGrant" g WHERE g."merchantId" = m."id" AND ${live}) AS "ledgerCount"
    FROM "Merchant" m
    WHERE EXISTS (SELECT 1 FROM "LedgerGrant" g WHERE g."merchantId" = m."id" AND ${live})
    ORDER BY m."name", m."id" LIMIT ${limit}`;
}

/** The first page of the firm's people with the clients offered for assignment (see listPartnerStaffPage). */
export async function listPartnerStaff(ctx: PartnerContext, now: Date = new Date()): Promise<PartnerStaffOverview> {
  const page = await listPartnerStaffPage(ctx, { q: "", cursor: null, direction: "next", size: PAGE_SIZE_DEFAULT }, now);
  return { members: page.items, clients: page.clients };
}
