import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { auditHash, GENESIS_HASH } from "@/lib/server/audit/audit-hash";

export type ChainVerdict = { ok: true; events: number } | { ok: false; events: number; brokenAtId: bigint; reason: string };

/** Recomputes every event's hash from its content and predecessor. Streams in batches to keep memory flat. */
export async function verifyAuditChain(db: Pick<PrismaClient, "auditEvent">, batchSize = 1000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let afterId = 0n;
  let count = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: batchSize });
    if (rows.length === 0) return { ok: true, events: count };
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
    }
  }
}
