import "server-only";

/**
 * A background job: a pg-boss queue, its handler and, for periodic work, a cron schedule. Features declare
 * their jobs in their own file (ledger-jobs.ts, grant-jobs.ts) and the registry starts them all.
 *
 * Every queue is "stately" (pg-boss 10): per singleton key at most one job waiting and one running, so the
 * same work is never queued twice nor run twice at once, whichever instance sends it. A scheduled job's key
 * is its name, so a schedule gets exactly one run per tick across all instances without declaring anything
 * (docs/decisions/017-scale-out-and-data-safety.md).
 */
export interface JobDefinition<T extends object = object> {
  name: string;
  /** Cron in UTC, for periodic jobs (pg-boss's timekeeper sends each tick once across all instances). */
  cron?: string;
  /** Singleton key per payload so the same work is not queued twice (e.g. one sync per ledger). Default: the name. */
  singletonKey?: (data: T) => string;
  /**
   * How long one run may take before pg-boss treats its worker as dead and runs it again elsewhere (default 15
   * minutes). Handlers are idempotent, so a run repeated after a killed worker changes nothing twice.
   */
  expireInSeconds?: number;
  /** Wait before the first retry after a failure or an expired run, doubling after each (default 30 s). */
  retryDelaySeconds?: number;
  handle: (data: T) => Promise<void>;
}

export function defineJob<T extends object>(job: JobDefinition<T>): JobDefinition<T> {
  return job;
}
