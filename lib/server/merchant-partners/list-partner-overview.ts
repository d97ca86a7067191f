import "server-only";
import { db } from "@/lib/server/db";
import { todayLedgerDate } from "@/lib/dates";
import { grantScopeView, type GrantDisplayStatus } from "@/lib/grants/grant-status";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { isUuid } from "@/lib/ids";
import { markOutOfSync } from "@/lib/server/merchant-partners/grant-sync-status";

export interface OverviewGrant {
  id: string;
  partnerId: string;
  partnerName: string;
  partnerOrgNo: string;
  status: GrantDisplayStatus;
  periodFrom: string | null;
  periodTo: string | null;
  validUntil: string | null;
  includesPersonalData: boolean;
  lastUsedAt: string | null;
  /** Upstream (the partner's keys) does not yet show what the portal granted or ended; a job is repairing it. */
  outOfSync: boolean;
  /** The platform admin suspended the partner (A4): it reads nothing until re-activated; the grant is kept. */
  partnerSuspended?: boolean;
}

export interface OverviewSalesUnit {
  id: string;
  msn: string;
  name: string;
  channel: "api" | "vm";
  ledger: { id: string; externalId: string; currency: string; salesUnitCount: number } | null;
  grants: OverviewGrant[];
}

export interface OverviewFilter {
  salesUnitId?: string;
  partnerId?: string;
}

/**
 * M1: every sales unit the user may see (managers: their own) with its ledger and the partners that can
 * read it, optionally only one sales unit or one partner. Tenant rule: only sales units of ctx.merchantId;
 * filter ids that are malformed or not the merchant's simply match nothing. Revoked and declined grants of
 * the last 90 days are kept so the merchant sees what changed; older ones live in the audit trail.
 */
export async function listPartnerOverview(ctx: MerchantContext, filter: OverviewFilter = {}): Promise<OverviewSalesUnit[]> {
  if ((filter.salesUnitId && !isUuid(filter.salesUnitId)) || (filter.partnerId && !isUuid(filter.partnerId))) return [];
  const today = todayLedgerDate();
  const recent = new Date(Date.now() - 90 * 24 * 60 * 60 * 1000);
  const grantWhere = {
    merchantId: ctx.merchantId,
    OR: [{ status: { in: ["active" as const, "pending_approval" as const, "expired" as const] } }, { updatedAt: { gte: recent } }],
    ...(filter.partnerId ? { partnerId: filter.partnerId } : {}),
  };
  const units = await db.salesUnit.findMany({
    where: {
      merchantId: ctx.merchantId,
      AND: [
        ctx.salesUnitScope === "all" ? {} : { id: { in: ctx.salesUnitScope } },
        filter.salesUnitId ? { id: filter.salesUnitId } : {},
        filter.partnerId ? { ledger: { grants: { some: grantWhere } } } : {},
      ],
    },
    orderBy: [{ name: "asc" }],
    select: {
      id: true,
      msn: true,
      name: true,
      channel: true,
      ledger: {
        select: {
          id: true,
          externalId: true,
          currency: true,
          _count: { select: { salesUnits: true } },
          grants: {
            where: grantWhere,
            orderBy: [{ createdAt: "asc" }],
            select: {
              id: true,
              status: true,
              periodFrom: true,
              periodTo: true,
              validUntil: true,
              includesPersonalData: true,
              lastUsedAt: true,
              partner: { select: { id: true, name: true, orgNo: true, status: true } },
            },
          },
        },
      },
    },
  });
  const outOfSync = await markOutOfSync(
    units.flatMap((u) => (u.ledger ? u.ledger.grants.map((g) => ({ id: g.id, status: g.status, includesPersonalData: g.includesPersonalData, partner: g.partner, ledgerExternalId: u.ledger!.externalId })) : [])),
  );
  return units.map((u) => ({
    id: u.id,
    msn: u.msn,
    name: u.name,
    channel: u.channel,
    ledger: u.ledger ? { id: u.ledger.id, externalId: u.ledger.externalId, currency: u.ledger.currency, salesUnitCount: u.ledger._count.salesUnits } : null,
    grants: (u.ledger?.grants ?? []).map((g) => ({
      id: g.id,
      partnerId: g.partner.id,
      partnerName: g.partner.name,
      partnerOrgNo: g.partner.orgNo,
      ...grantScopeView(g, today),
      lastUsedAt: g.lastUsedAt?.toISOString() ?? null,
      outOfSync: outOfSync.has(g.id),
      partnerSuspended: g.partner.status === "suspended",
    })),
  }));
}

/** One sales unit of the user's merchant (and scope), or null: the page answers 404 for anything else. */
export async function getSalesUnitForMerchant(ctx: MerchantContext, salesUnitId: string): Promise<OverviewSalesUnit | null> {
  if (!isUuid(salesUnitId)) return null;
  const [unit] = await listPartnerOverview(ctx, { salesUnitId });
  return unit ?? null;
}

/** The choices of the overview's filters: the user's sales units and the partners on their ledgers. */
export async function listOverviewFilterOptions(ctx: MerchantContext): Promise<{ salesUnits: { id: string; name: string; msn: string }[]; partners: { id: string; name: string }[] }> {
  const units = await listPartnerOverview(ctx);
  const partners = new Map<string, string>();
  for (const g of units.flatMap((u) => u.grants)) partners.set(g.partnerId, g.partnerName);
  return {
    salesUnits: units.map((u) => ({ id: u.id, name: u.name, msn: u.msn })),
    partners: [...partners].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
