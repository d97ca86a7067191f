import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, todayLedgerDate } from "@/lib/dates";
import { grantDisplayStatus, type GrantDisplayStatus } from "@/lib/grants/grant-status";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { isUuid } from "@/lib/ids";

export interface OverviewGrant {
  id: string;
  partnerName: string;
  partnerOrgNo: string;
  status: GrantDisplayStatus;
  periodFrom: string | null;
  periodTo: string | null;
  validUntil: string | null;
  includesPersonalData: boolean;
  lastUsedAt: string | null;
}

export interface OverviewSalesUnit {
  id: string;
  msn: string;
  name: string;
  channel: "api" | "vm";
  ledger: { externalId: string; currency: string; salesUnitCount: number } | null;
  grants: OverviewGrant[];
}

/**
 * M1: every sales unit the user may see (managers: their own) with its ledger and the partners that can
 * read it. Tenant rule: only sales units of ctx.merchantId. Revoked and declined grants of the last 90
 * days are kept so the merchant sees what changed; older ones live in the audit trail.
 */
export async function listPartnerOverview(ctx: MerchantContext, only?: { salesUnitId: string }): Promise<OverviewSalesUnit[]> {
  const today = todayLedgerDate();
  const recent = new Date(Date.now() - 90 * 24 * 60 * 60 * 1000);
  const units = await db.salesUnit.findMany({
    where: {
      merchantId: ctx.merchantId,
      AND: [ctx.salesUnitScope === "all" ? {} : { id: { in: ctx.salesUnitScope } }, only ? { id: only.salesUnitId } : {}],
    },
    orderBy: [{ name: "asc" }],
    select: {
      id: true,
      msn: true,
      name: true,
      channel: true,
      ledger: {
        select: {
          externalId: true,
          currency: true,
          _count: { select: { salesUnits: true } },
          grants: {
            where: { merchantId: ctx.merchantId, OR: [{ status: { in: ["active", "pending_approval", "expired"] } }, { updatedAt: { gte: recent } }] },
            orderBy: [{ createdAt: "asc" }],
            select: {
              id: true,
              status: true,
              periodFrom: true,
              periodTo: true,
              validUntil: true,
              includesPersonalData: true,
              lastUsedAt: true,
              partner: { select: { name: true, orgNo: true } },
            },
          },
        },
      },
    },
  });
  return units.map((u) => ({
    id: u.id,
    msn: u.msn,
    name: u.name,
    channel: u.channel,
    ledger: u.ledger ? { externalId: u.ledger.externalId, currency: u.ledger.currency, salesUnitCount: u.ledger._count.salesUnits } : null,
    grants: (u.ledger?.grants ?? []).map((g) => {
      const validUntil = g.validUntil ? dbDateToLedgerDate(g.validUntil) : null;
      return {
        id: g.id,
        partnerName: g.partner.name,
        partnerOrgNo: g.partner.orgNo,
        status: grantDisplayStatus({ status: g.status, validUntil }, today),
        periodFrom: g.periodFrom ? dbDateToLedgerDate(g.periodFrom) : null,
        periodTo: g.periodTo ? dbDateToLedgerDate(g.periodTo) : null,
        validUntil,
        includesPersonalData: g.includesPersonalData,
        lastUsedAt: g.lastUsedAt?.toISOString() ?? null,
      };
    }),
  }));
}

/** One sales unit of the user's merchant (and scope), or null: the page answers 404 for anything else. */
export async function getSalesUnitForMerchant(ctx: MerchantContext, salesUnitId: string): Promise<OverviewSalesUnit | null> {
  if (!isUuid(salesUnitId)) return null;
  const [unit] = await listPartnerOverview(ctx, { salesUnitId });
  return unit ?? null;
}
