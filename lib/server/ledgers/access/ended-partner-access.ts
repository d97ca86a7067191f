import "server-only";
import { db } from "@/lib/server/db";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { dbDateToLedgerDate, todayPortalDate } from "@/lib/dates";

export interface EndedAccess {
  merchantName: string;
  ledgerExternalId: string;
  how: "revoked" | "expired";
  /** The ledger date the access ended on. */
  endedOn: string;
}

/**
 * Why a partner may no longer open a ledger it read before: its own firm's latest grant on it was revoked or
 * expired, and no grant is live now. Only for a reader who could see that client (owners; an accountant assigned
 * to the merchant), so nobody learns of a ledger or a merchant they were not told about already: the
 * notification of the revocation or expiry said the same. Anyone else gets the plain 404.
 */
export async function endedPartnerAccess(ctx: PartnerContext, ledgerExternalId: string): Promise<EndedAccess | null> {
  if (!/^[0-9A-Za-z_-]{1,64}$/.test(ledgerExternalId)) return null;
  const grants = await db.ledgerGrant.findMany({
    where: {
      partnerId: ctx.partnerId,
      ledger: { externalId: ledgerExternalId },
      ...(ctx.clientScope === "all" ? {} : { merchantId: { in: ctx.clientScope } }),
    },
    orderBy: { updatedAt: "desc" },
    take: 5,
    select: { status: true, validUntil: true, revokedAt: true, updatedAt: true, merchant: { select: { name: true } } },
  });
  if (grants.length === 0 || grants.some((g) => g.status === "active" || g.status === "pending_approval")) return null;
  const last = grants.find((g) => g.status === "revoked" || g.status === "expired");
  if (!last) return null;
  const endedOn = last.status === "revoked" ? todayPortalDate(last.revokedAt ?? last.updatedAt) : last.validUntil ? dbDateToLedgerDate(last.validUntil) : todayPortalDate(last.updatedAt);
  return { merchantName: last.merchant.name, ledgerExternalId, how: last.status as EndedAccess["how"], endedOn };
}
