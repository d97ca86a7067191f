import "server-only";

/**
 * A background job: a pg-boss queue, its handler and, for periodic work, a cron schedule. Features declare
 * their jobs in their own file (ledger-jobs.ts, grant-jobs.ts) and the registry starts them all.
 */
export interface JobDefinition<T extends object = object> {
  name: string;
  /** Cron in UTC, for periodic jobs (pg-boss runs each schedule once across all instances). */
  cron?: string;
  /** Singleton key per payload so the same work is not queued twice (e.g. one sync per ledger). */
  singletonKey?: (data: T) => string;
  handle: (data: T) => Promise<void>;
}

export function defineJob<T extends object>(job: JobDefinition<T>): JobDefinition<T> {
  return job;
}
