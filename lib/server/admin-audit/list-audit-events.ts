import "server-only";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalJson } from "@/lib/server/audit/audit-hash";
import type { AuditFilters } from "@/lib/admin-audit/filters";

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

function whereOf(f: AuditFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.beforeId) and.push({ id: { lt: f.beforeId } });
  if (f.action) and.push({ action: f.action });
  if (f.merchantId) and.push({ merchantId: f.merchantId });
  if (f.partnerId) and.push({ partnerId: f.partnerId });
  if (f.from) and.push({ at: { gte: new Date(`${f.from}T00:00:00.000Z`) } });
  if (f.to) and.push({ at: { lt: new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + 86_400_000) } });
  if (f.actor) {
    and.push({
      OR: [
        { actorLabel: { contains: f.actor, mode: "insensitive" } },
        { actor: { is: { OR: [{ email: { contains: f.actor, mode: "insensitive" } }, { name: { contains: f.actor, mode: "insensitive" } }] } } },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

/**
 * A3: the audit trail, newest first, keyset-paged by id (stable while new events arrive), filtered by actor,
 * event type, merchant, partner and UTC days. Platform admins only; the caller checks. Names are looked up in
 * one query per page, not per row.
 */
export async function listAuditEvents(opts: AuditFilters & { limit?: number }): Promise<{ rows: AuditEventRow[]; nextBeforeId: string | null }> {
  const limit = Math.min(opts.limit ?? AUDIT_PAGE_SIZE, 500);
  const events = await db.auditEvent.findMany({
    where: whereOf(opts),
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

/**
 * The export's columns: every field the hash covers, under its own name, then the hash. "before" and "after"
 * are canonical JSON (keys sorted), the form the hash is computed over, so the file can be re-verified alone.
 */
export const AUDIT_EXPORT_COLUMNS = ["id", "at", "actorUserId", "actorLabel", "action", "merchantId", "partnerId", "targetType", "targetId", "before", "after", "prevHash", "hash"] as const;

/** Every event matching the filters (all when none), oldest first, in batches: for the export. */
export async function* iterateAuditExportRows(filters: AuditFilters = {}, batchSize = 1000): AsyncGenerator<(string | null)[]> {
  let afterId = 0n;
  const where = whereOf({ ...filters, beforeId: undefined });
  for (;;) {
    const batch = await db.auditEvent.findMany({ where: { AND: [where, { id: { gt: afterId } }] }, orderBy: { id: "asc" }, take: batchSize });
    if (batch.length === 0) return;
    afterId = batch[batch.length - 1]!.id;
    for (const e of batch) {
      yield [
        e.id.toString(), e.at.toISOString(), e.actorUserId, e.actorLabel, e.action, e.merchantId, e.partnerId, e.targetType, e.targetId,
        e.before === null ? null : canonicalJson(e.before), e.after === null ? null : canonicalJson(e.after), e.prevHash, e.hash,
      ];
    }
  }
}
