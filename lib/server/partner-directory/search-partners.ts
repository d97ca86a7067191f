import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import { db } from "@/lib/server/db";
import type { GrantActor } from "@/lib/server/grants/grant-record";
import { ledgerAccess } from "@/lib/server/grants/access-rules";
import type { DirectoryPartner } from "@/lib/grants/types";

export const DIRECTORY_PAGE = 20;

/**
 * M2: the directory of approved accounting partners, searched by name or organisation number (spaces, dots
 * and dashes in the number are ignored). Pending and suspended partners are not offered. The directory is
 * the same for every merchant; what this merchant already granted each partner is the merchant's own data.
 */
export async function searchPartnerDirectory(actor: Pick<GrantActor, "merchantId" | "role" | "salesUnitScope">, query: string): Promise<DirectoryPartner[]> {
  const q = query.trim().slice(0, 100);
  const digits = q.replace(/[\s.\-]/g, "");
  const where: Prisma.AccountingPartnerWhereInput = {
    status: "approved",
    ...(q
      ? {
          OR: [
            { name: { contains: q, mode: "insensitive" } },
            ...(/^[0-9A-Za-z]+$/.test(digits) ? [{ orgNo: { contains: digits } }, { orgNo: { contains: q } }] : []),
          ],
        }
      : {}),
  };
  return findPartners(actor, where);
}

/** One approved partner of the directory, or null (→ 404). */
export async function getDirectoryPartner(actor: Pick<GrantActor, "merchantId" | "role" | "salesUnitScope">, partnerId: string): Promise<DirectoryPartner | null> {
  if (!isUuid(partnerId)) return null;
  const [partner] = await findPartners(actor, { id: partnerId, status: "approved" });
  return partner ?? null;
}

async function findPartners(actor: Pick<GrantActor, "merchantId" | "role" | "salesUnitScope">, where: Prisma.AccountingPartnerWhereInput): Promise<DirectoryPartner[]> {
  const partners = await db.accountingPartner.findMany({
    where,
    orderBy: { name: "asc" },
    take: DIRECTORY_PAGE,
    select: {
      id: true,
      name: true,
      orgNo: true,
      country: true,
      grants: {
        where: { merchantId: actor.merchantId, status: { in: ["active", "pending_approval"] } },
        select: { ledgerId: true, ledger: { select: { salesUnits: { select: { id: true } } } } },
      },
    },
  });
  return partners.map((p) => ({
    id: p.id,
    name: p.name,
    orgNo: p.orgNo,
    country: p.country,
    liveLedgerIds: p.grants.filter((g) => ledgerAccess(actor, g.ledger.salesUnits.map((s) => s.id)) !== "hidden").map((g) => g.ledgerId),
    liveLedgerCount: p.grants.length,
  }));
}
