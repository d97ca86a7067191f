import type PgBoss from "pg-boss";
import type { JobDefinition } from "@/lib/server/jobs/job-definition";

/** Retries after a failure: three more tries, 30 s apart and growing (pg-boss's backoff). */
export const RETRY = { retryLimit: 3, retryDelay: 30, retryBackoff: true } as const;
export const DEFAULT_EXPIRE_SECONDS = 15 * 60;

/**
 * The queue options one job needs. Always names the policy: pg-boss 10's updateQueue() sets the policy to
 * "standard" when it is left out, and the start-up reconciliation (queue.ts) calls updateQueue on every queue.
 */
export function queueOptionsFor(job: Pick<JobDefinition, "name" | "expireInSeconds" | "retryDelaySeconds">): PgBoss.Queue {
  return { name: job.name, policy: "stately", ...RETRY, retryDelay: job.retryDelaySeconds ?? RETRY.retryDelay, expireInSeconds: job.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS };
}

/** The singleton key a job is sent with: the job's own key for its payload, else its name (one per queue). */
export function singletonKeyFor<T extends object>(job: JobDefinition<T>, data: T): string {
  return job.singletonKey?.(data) ?? job.name;
}
