import "server-only";
import type { JobDefinition } from "@/lib/server/jobs/job-definition";
import { GRANT_JOBS } from "@/lib/server/jobs/grant-jobs";
import { GRANT_LIFECYCLE_JOBS } from "@/lib/server/jobs/grant-lifecycle-jobs";
import { LEDGER_JOBS } from "@/lib/server/jobs/ledger-jobs";
import { RECONCILIATION_JOBS } from "@/lib/server/jobs/reconciliation-jobs";

/**
 * Every background job of the portal. Feature folders export their jobs; add them here.
 * (Kept as a plain list so the worker start-up and the tests see the same set.)
 */
export const ALL_JOBS: JobDefinition[] = [...LEDGER_JOBS, ...GRANT_JOBS, ...GRANT_LIFECYCLE_JOBS, ...RECONCILIATION_JOBS];
