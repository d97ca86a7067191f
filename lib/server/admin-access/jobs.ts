import "server-only";
import { defineJob, type JobDefinition } from "@/lib/server/jobs/job-definition";
import { compactGrantStatusCounts } from "@/lib/server/admin-access/grant-status-counts";

/**
 * Folds the grant counts' rows (decision 041), one per key. The counts are exact without it; it keeps the table
 * the overview sums small (each grant change adds one or two rows). Hourly, at a quiet minute.
 */
export const compactGrantCountsJob = defineJob({ name: "admin.compact-grant-counts", cron: "47 * * * *", handle: async () => void (await compactGrantStatusCounts()) });

export const ADMIN_ACCESS_JOBS: JobDefinition[] = [compactGrantCountsJob];
