import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { ORG_SEARCH_LIMIT, orgNoDigits, type OrgChoice, type OrgKind } from "@/lib/admin-orgs/org-search";

/**
 * Up to 20 merchants or partners whose name contains the text or whose organisation number starts with it,
 * by name. Platform admins only (the caller checks). An organisation number walks the unique index on orgNo;
 * a name is a scan of the organisation table (10,000 merchants: a few milliseconds), bounded by the LIMIT.
 */
export async function searchOrganisations(kind: OrgKind, q: string): Promise<OrgChoice[]> {
  const table = kind === "merchant" ? Prisma.raw(`"Merchant"`) : Prisma.raw(`"AccountingPartner"`);
  const digits = orgNoDigits(q);
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = !q
    ? Prisma.sql`TRUE`
    : digits
      ? Prisma.sql`(o."orgNo" LIKE ${`${digits}%`} OR o.name ILIKE ${like})`
      : Prisma.sql`o.name ILIKE ${like}`;
  return db.$queryRaw<OrgChoice[]>`
    SELECT o.id::text AS id, o.name, o."orgNo" AS "orgNo" FROM ${table} o
    WHERE ${where}
    ORDER BY o.name, o.id
    LIMIT ${ORG_SEARCH_LIMIT}`;
}

/** The organisation a filter names (its id from the URL), for the filter's label; null when there is none. */
export async function getOrganisationChoice(kind: OrgKind, id: string | undefined): Promise<OrgChoice | null> {
  if (!id) return null;
  const select = { id: true, name: true, orgNo: true } as const;
  return kind === "merchant" ? db.merchant.findUnique({ where: { id }, select }) : db.accountingPartner.findUnique({ where: { id }, select });
}
