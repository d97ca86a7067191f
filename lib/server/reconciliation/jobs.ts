import "server-only";
import { defineJob, type JobDefinition } from "@/lib/server/jobs/job-definition";
import { runReconciliation } from "@/lib/server/reconciliation/run-reconciliation";

/**
 * A2: compares every approved partner's upstream-readable ledgers with its grants here. Every six hours, and on
 * demand ("Check now" on /admin/reconciliation creates the run row and queues this with its id).
 */
export const reconciliationJob = defineJob<{ runId?: string }>({
  name: "reconciliation.run",
  cron: "40 */6 * * *",
  // One waiting scheduled run at most; each "Check now" its own (the action refuses a second while one is under way).
  singletonKey: (d) => d.runId ?? "reconciliation.run",
  handle: async (d) => void (await runReconciliation(d.runId ? { runId: d.runId } : { trigger: "schedule" })),
});

export const RECONCILIATION_JOBS: JobDefinition[] = [reconciliationJob as JobDefinition];
