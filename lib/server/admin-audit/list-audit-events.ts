import "server-only";
import { db } from "@/lib/server/db";

export interface AuditEventRow {
  id: string;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  merchantName: string | null;
  partnerName: string | null;
  hash: string;
  before: unknown;
  after: unknown;
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * A3: the audit trail, newest first, paged by id (stable while new events arrive). Platform admins only;
 * the caller checks. Names are looked up in one query per page, not per row.
 */
export async function listAuditEvents(opts: { beforeId?: bigint; action?: string; limit?: number }): Promise<{ rows: AuditEventRow[]; nextBeforeId: string | null }> {
  const limit = Math.min(opts.limit ?? AUDIT_PAGE_SIZE, 500);
  const events = await db.auditEvent.findMany({
    where: { ...(opts.beforeId ? { id: { lt: opts.beforeId } } : {}), ...(opts.action ? { action: { startsWith: opts.action } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: { id: true, at: true, actorLabel: true, action: true, targetType: true, targetId: true, merchantId: true, partnerId: true, hash: true, before: true, after: true, actor: { select: { name: true, email: true } } },
  });
  const page = events.slice(0, limit);
  const merchantIds = [...new Set(page.map((e) => e.merchantId).filter((v): v is string => !!v))];
  const partnerIds = [...new Set(page.map((e) => e.partnerId).filter((v): v is string => !!v))];
  const [merchants, partners] = await Promise.all([
    db.merchant.findMany({ where: { id: { in: merchantIds } }, select: { id: true, name: true } }),
    db.accountingPartner.findMany({ where: { id: { in: partnerIds } }, select: { id: true, name: true } }),
  ]);
  const mName = new Map(merchants.map((m) => [m.id, m.name]));
  const pName = new Map(partners.map((p) => [p.id, p.name]));
  return {
    rows: page.map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      actor: e.actor ? `${e.actor.name ?? e.actor.email}` : e.actorLabel,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      merchantName: e.merchantId ? (mName.get(e.merchantId) ?? null) : null,
      partnerName: e.partnerId ? (pName.get(e.partnerId) ?? null) : null,
      hash: e.hash,
      before: e.before,
      after: e.after,
    })),
    nextBeforeId: events.length > limit ? (page[page.length - 1]?.id.toString() ?? null) : null,
  };
}

/** Every event, oldest first, in batches: for the export. */
export async function* iterateAuditEvents(batchSize = 1000): AsyncGenerator<AuditEventRow[]> {
  let afterId = 0n;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: { id: { gt: afterId } },
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true, at: true, actorLabel: true, action: true, targetType: true, targetId: true, merchantId: true, partnerId: true, hash: true, prevHash: true, before: true, after: true, actor: { select: { name: true, email: true } } },
    });
    if (batch.length === 0) return;
    afterId = batch[batch.length - 1]!.id;
    yield batch.map((e) => ({
      id: e.id.toString(),
      at: e.at.toISOString(),
      actor: e.actor ? `${e.actor.name ?? e.actor.email}` : e.actorLabel,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      merchantName: e.merchantId,
      partnerName: e.partnerId,
      hash: e.hash,
      before: e.before,
      after: e.after,
    }));
  }
}
