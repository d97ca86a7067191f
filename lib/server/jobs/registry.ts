import "server-only";
import type { JobDefinition } from "@/lib/server/jobs/job-definition";
import { GRANT_JOBS } from "@/lib/server/grants/jobs";
import { ACCESS_REQUEST_JOBS } from "@/lib/server/access-requests/jobs";
import { NOTIFICATION_JOBS } from "@/lib/server/notifications/jobs";
import { RENEWAL_JOBS } from "@/lib/server/renewals/jobs";
import { LEDGER_JOBS } from "@/lib/server/ledgers/jobs";
import { RECONCILIATION_JOBS } from "@/lib/server/reconciliation/jobs";
import { ADMIN_ACCESS_JOBS } from "@/lib/server/admin-access/jobs";

/**
 * The one registry that starts every background job. Each job lives with its feature (<feature>/jobs.ts);
 * add the feature's list here.
 * (Kept as a plain list so the worker start-up and the tests see the same set.)
 */
export const ALL_JOBS: JobDefinition[] = [...LEDGER_JOBS, ...GRANT_JOBS, ...ACCESS_REQUEST_JOBS, ...RENEWAL_JOBS, ...NOTIFICATION_JOBS, ...RECONCILIATION_JOBS, ...ADMIN_ACCESS_JOBS];
