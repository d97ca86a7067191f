import "server-only";
import { flushOutboxQuietly } from "@/lib/server/notifications/mail-transport";
import { syncPartnerUpstream } from "@/lib/server/grants/upstream-sync";

/**
 * Work that must wait until the change has committed: telling upstream (never inside the transaction, so a
 * slow sandbox cannot hold locks and a rolled-back change is never pushed) and sending the outbox.
 */
export type AfterCommitStep = { kind: "sync-partner"; partnerId: string } | { kind: "flush-outbox" };
export type AfterCommit = AfterCommitStep[];

/** Runs the steps once; each step logs and swallows its own failure (a job retries it). */
export async function runAfterCommit(steps: AfterCommit): Promise<void> {
  const partners = new Set(steps.flatMap((s) => (s.kind === "sync-partner" ? [s.partnerId] : [])));
  for (const partnerId of partners) await syncPartnerUpstream(partnerId);
  if (steps.some((s) => s.kind === "flush-outbox")) await flushOutboxQuietly();
}

/** The partial unique index "one live grant per partner and ledger" (or any unique index) refused a write. */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: unknown; cause?: unknown; meta?: { code?: unknown } };
  if (e.code === "P2002" || e.code === "23505" || e.meta?.code === "23505") return true;
  return e.cause !== undefined && e.cause !== err && isUniqueViolation(e.cause);
}
