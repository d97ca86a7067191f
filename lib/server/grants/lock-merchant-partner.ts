import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Serialises every change to what one partner may read of one merchant (grant, change, renew, approve,
 * decline, revoke, expire, an access request's approval) for the rest of the transaction. The four-eyes rule
 * looks at the pair as a whole ("would the partner then hold every ledger?"), so two changes to different
 * ledgers of the same pair must not decide on the same snapshot: whoever comes second waits here, then reads
 * what the first committed. Call it first in the transaction, before any read that decides
 * (docs/decisions/011-serialising-grant-changes.md).
 *
 * Lock order, everywhere: this lock, then row locks (FOR UPDATE on the grant or the request), then the audit
 * chain's lock (taken by appendAuditEvent). Several pairs are locked in the order of their keys.
 *
 * Key space: PostgreSQL's two-int4 form `pg_advisory_xact_lock(int4, int4)`. Every other advisory lock of the
 * portal (the audit chain, ledger sync, access requests, the digest) uses the one-bigint form, and PostgreSQL
 * keeps the two forms apart ("these two key spaces do not overlap"), so a pair can never block the audit
 * chain or be blocked by it. The two ints are the first 8 bytes of SHA-256 over "merchantId:partnerId":
 * stable across processes and releases; two pairs that collide (about 1 in 2^64) only wait for each other.
 */
export async function lockMerchantPartner(tx: Prisma.TransactionClient, merchantId: string, partnerId: string): Promise<void> {
  await lockMerchantPartners(tx, [{ merchantId, partnerId }]);
}

export async function lockMerchantPartners(tx: Prisma.TransactionClient, pairs: readonly { merchantId: string; partnerId: string }[]): Promise<void> {
  const keys = new Map(pairs.map((p) => grantPairLockKey(p.merchantId, p.partnerId)).map((k) => [`${k[0]}:${k[1]}`, k]));
  const sorted = [...keys.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [hi, lo] of sorted) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${hi}::int4, ${lo}::int4)`;
}

/** The two int4 halves of the pair's lock key (see above). Ids are lower-cased so one pair has one key. */
export function grantPairLockKey(merchantId: string, partnerId: string): [number, number] {
  const digest = createHash("sha256").update(`${merchantId.toLowerCase()}:${partnerId.toLowerCase()}`).digest();
  return [digest.readInt32BE(0), digest.readInt32BE(4)];
}
