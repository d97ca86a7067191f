import "server-only";
import { db } from "@/lib/server/db";
import { todayLedgerDate } from "@/lib/dates";
import { grantScopeView, type GrantDisplayStatus } from "@/lib/grants/grant-status";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { isUuid } from "@/lib/ids";
import type { Prisma } from "@/lib/generated/prisma/client";

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
}

/**
 * P1: the merchants that granted this partner access, with each grant's scope. Only active grants count
 * (a revoked or pending grant shows nothing); accountants see only their assigned clients; a suspended
 * partner reads nothing at all.
 */
export async function listClients(ctx: PartnerContext, only?: { merchantId: string }): Promise<Client[]> {
  if (ctx.partnerStatus === "suspended") return [];
  const today = todayLedgerDate();
  const where: Prisma.LedgerGrantWhereInput = {
    partnerId: ctx.partnerId,
    status: "active",
    AND: [
      ctx.clientScope === "all" ? {} : { merchantId: { in: ctx.clientScope } },
      only ? { merchantId: only.merchantId } : {},
      { OR: [{ validUntil: null }, { validUntil: { gte: new Date(`${today}T00:00:00.000Z`) } }] },
    ],
  };
  const grants = await db.ledgerGrant.findMany({
    where,
    orderBy: [{ merchant: { name: "asc" } }, { ledger: { externalId: "asc" } }],
    select: {
      id: true,
      status: true,
      periodFrom: true,
      periodTo: true,
      validUntil: true,
      includesPersonalData: true,
      merchant: { select: { id: true, name: true, orgNo: true, country: true } },
      ledger: { select: { externalId: true, currency: true, salesUnits: { select: { msn: true, name: true }, orderBy: { name: "asc" } } } },
    },
  });
  const byMerchant = new Map<string, Client>();
  for (const g of grants) {
    const client = byMerchant.get(g.merchant.id) ?? {
      merchantId: g.merchant.id,
      merchantName: g.merchant.name,
      orgNo: g.merchant.orgNo,
      country: g.merchant.country,
      ledgers: [],
    };
    client.ledgers.push({
      grantId: g.id,
      ledgerExternalId: g.ledger.externalId,
      currency: g.ledger.currency,
      salesUnits: g.ledger.salesUnits,
      ...grantScopeView(g, today),
    });
    byMerchant.set(g.merchant.id, client);
  }
  return [...byMerchant.values()];
}

/** One client of this partner, or null (→ 404) when the merchant granted this partner (or user) nothing. */
export async function getClient(ctx: PartnerContext, merchantId: string): Promise<Client | null> {
  if (!isUuid(merchantId)) return null;
  const [client] = await listClients(ctx, { merchantId });
  return client ?? null;
}
