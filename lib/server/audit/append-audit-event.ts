import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditHash, GENESIS_HASH, type HashedAuditFields } from "@/lib/server/audit/audit-hash";

export type AuditInput = Omit<HashedAuditFields, "at" | "before" | "after"> & { before?: unknown; after?: unknown };

/**
 * Appends one event to the hash-chained audit trail. Must run inside the transaction that makes the change
 * it records, so the change and its event commit or roll back together. The advisory lock serialises
 * writers on the chain's tail (two concurrent appends would otherwise name the same predecessor).
 */
export async function appendAuditEvent(tx: Prisma.TransactionClient, input: AuditInput): Promise<{ id: bigint; hash: string }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('audit-chain'))`;
  const last = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  // Normalise to what JSONB will hand back (dates as strings, bigints as strings) before hashing.
  const fields: HashedAuditFields = { ...input, at: new Date(), before: normalise(input.before), after: normalise(input.after) };
  const hash = auditHash(prevHash, fields);
  const row = await tx.auditEvent.create({
    data: {
      ...fields,
      before: toJson(fields.before),
      after: toJson(fields.after),
      prevHash,
      hash,
    },
    select: { id: true, hash: true },
  });
  return row;
}

function normalise(value: unknown): unknown {
  return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value, bigintAsString));
}

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

function bigintAsString(_key: string, v: unknown): unknown {
  return typeof v === "bigint" ? v.toString() : v;
}
