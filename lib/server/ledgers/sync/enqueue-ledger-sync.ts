import "server-only";
import { getQueue, enqueueJob } from "@/lib/server/jobs/queue";
import { ledgerSyncJob, type LedgerSyncPayload } from "@/lib/server/ledgers/jobs";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import type { SyncJobState } from "@/lib/ledgers/types";

/**
 * "Sync now" for a reader that passed the access checks: queues a run that uses the reader's own source of
 * keys (so a partner's click only ever calls upstream with the partner's keys, within its grant period).
 * Returns the job id to follow, or null when pg-boss already holds an identical waiting job.
 */
export async function enqueueLedgerSync(access: LedgerAccess): Promise<string | null> {
  return enqueueJob(ledgerSyncJob, { ledgerId: access.ledger.id, source: access.source } satisfies LedgerSyncPayload);
}

/** The state of a sync job, only if it is a sync of this reader's ledger (job ids are not a way to peek). */
export async function getSyncJobState(access: LedgerAccess, jobId: string): Promise<SyncJobState | null> {
  const boss = await getQueue();
  const job = await boss.getJobById<LedgerSyncPayload>(ledgerSyncJob.name, jobId);
  if (!job || job.data?.ledgerId !== access.ledger.id) return null;
  return job.state;
}
