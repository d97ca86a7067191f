import "server-only";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import type { FindingFilters, FindingRow, MerchantFinding, RunSummary } from "@/lib/reconciliation/types";

export const FINDINGS_PAGE_SIZE = 50;

/**
 * Grants with an open "granted here but not readable upstream" finding: the "out of sync" filter of the admin
 * overview and the merchant's badge. Pass the grant ids of the page being shown (or none for all of them).
 */
export async function outOfSyncGrantIds(grantIds?: readonly string[]): Promise<Set<string>> {
  if (grantIds && grantIds.length === 0) return new Set();
  const rows = await db.reconciliationFinding.findMany({
    where: { resolvedAt: null, kind: "portal_only", grantId: grantIds ? { in: [...grantIds] } : { not: null } },
    select: { grantId: true },
  });
  return new Set(rows.map((r) => r.grantId).filter((id): id is string => id !== null));
}

/** The open findings of the merchant in the context (a manager: only ledgers of their sales units). */
export async function openFindingsForMerchant(ctx: MerchantContext, opts: { partnerId?: string } = {}): Promise<MerchantFinding[]> {
  const rows = await db.reconciliationFinding.findMany({
    where: {
      merchantId: ctx.merchantId,
      resolvedAt: null,
      ...(opts.partnerId ? { partnerId: opts.partnerId } : {}),
      ...(ctx.salesUnitScope === "all" ? {} : { ledger: { salesUnits: { some: { id: { in: [...ctx.salesUnitScope] } } } } }),
    },
    orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, ledgerExternalId: true, grantId: true, firstSeenAt: true, lastSeenAt: true, partner: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    ledgerExternalId: r.ledgerExternalId,
    grantId: r.grantId,
    partnerId: r.partner.id,
    partnerName: r.partner.name,
    firstSeenAt: r.firstSeenAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
  }));
}

/** Keyset cursor: "<lastSeenAt ISO>_<id>" of the last row shown. */
export function parseFindingCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  const m = cursor?.match(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f-]{36})$/);
  if (!m) return undefined;
  const at = new Date(m[1]!);
  return Number.isNaN(at.getTime()) ? undefined : { at, id: m[2]! };
}

/** A2 findings page (platform admins; the caller checks): newest seen first, keyset paged. */
export async function listFindings(filters: FindingFilters, limit = FINDINGS_PAGE_SIZE): Promise<{ rows: FindingRow[]; nextCursor: string | null }> {
  const after = parseFindingCursor(filters.cursor);
  const where: Prisma.ReconciliationFindingWhereInput = {
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.partnerId ? { partnerId: filters.partnerId } : {}),
    ...(filters.merchantId ? { merchantId: filters.merchantId } : {}),
    ...(filters.state === "open" ? { resolvedAt: null } : filters.state === "resolved" ? { resolvedAt: { not: null } } : {}),
    ...(after ? { OR: [{ lastSeenAt: { lt: after.at } }, { lastSeenAt: after.at, id: { lt: after.id } }] } : {}),
  };
  const rows = await db.reconciliationFinding.findMany({
    where,
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true, kind: true, ledgerExternalId: true, grantId: true, firstSeenAt: true, lastSeenAt: true, resolvedAt: true,
      partner: { select: { id: true, name: true, orgNo: true } },
      merchant: { select: { id: true, name: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      ledgerExternalId: r.ledgerExternalId,
      grantId: r.grantId,
      partnerId: r.partner.id,
      partnerName: r.partner.name,
      partnerOrgNo: r.partner.orgNo,
      merchantId: r.merchant?.id ?? null,
      merchantName: r.merchant?.name ?? null,
      firstSeenAt: r.firstSeenAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > limit && last ? `${last.lastSeenAt.toISOString()}_${last.id}` : null,
  };
}

/** The newest run, for "last checked" and the progress of a "Check now". */
export async function latestRun(): Promise<RunSummary | null> {
  const r = await db.reconciliationRun.findFirst({ orderBy: [{ startedAt: "desc" }, { id: "desc" }] });
  return r
    ? {
        id: r.id, trigger: r.trigger, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
        partnersChecked: r.partnersChecked, partnersFailed: r.partnersFailed, opened: r.opened, resolved: r.resolved,
      }
    : null;
}
