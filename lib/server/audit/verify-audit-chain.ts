import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { auditHash, GENESIS_HASH } from "@/lib/server/audit/audit-hash";

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAtId: bigint; reason: string };

/**
 * Recomputes every event's hash from its content and predecessor, streaming in batches to keep memory flat, and
 * compares the chain with its head (AuditChainHead: count, last id and hash, kept by a database trigger the app
 * cannot bypass). A changed row is named by its id; removed events at the end are found because the head still
 * counts them (brokenAtId is then the id the head names as the last one).
 */
export async function verifyAuditChain(db: Pick<PrismaClient, "auditEvent" | "auditChainHead">, batchSize = 1000): Promise<ChainVerdict> {
  // The head first: events appended while this runs come after it and are checked as chain links only.
  const head = await db.auditChainHead.findFirst();
  let prevHash = GENESIS_HASH;
  let afterId = 0n;
  let count = 0;
  let headSeen = false;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize });
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, events: count, brokenAtId: row.id, reason: "predecessor hash does not match" };
      const expected = auditHash(prevHash, {
        at: row.at, actorUserId: row.actorUserId, actorLabel: row.actorLabel, action: row.action,
        merchantId: row.merchantId, partnerId: row.partnerId, targetType: row.targetType, targetId: row.targetId,
        before: row.before, after: row.after,
      });
      if (expected !== row.hash) return { ok: false, events: count, brokenAtId: row.id, reason: "content does not match its hash" };
      prevHash = row.hash;
      afterId = row.id;
      count += 1;
      if (head && row.id === head.lastId) {
        headSeen = true;
        if (row.hash !== head.lastHash || BigInt(count) !== head.events) {
          return { ok: false, events: count, brokenAtId: row.id, reason: `the chain head records ${head.events} events up to this one` };
        }
      }
    }
  }
  if (head && !headSeen) {
    return { ok: false, events: count, brokenAtId: head.lastId, reason: `events are missing at the end: the chain head records ${head.events} events up to this one` };
  }
  if (!head && count > 0) return { ok: false, events: count, brokenAtId: 1n, reason: "the chain head is missing" };
  return { ok: true, events: count };
}
