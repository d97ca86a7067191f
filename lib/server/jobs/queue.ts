import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import type { JobDefinition } from "@/lib/server/jobs/job-definition";
import { queueOptionsFor, singletonKeyFor } from "@/lib/server/jobs/queue-policy";

// One pg-boss per process, on the app's own PostgreSQL (schema "pgboss"). Several app instances and worker
// processes share the queues; pg-boss hands each job to one of them and sends each cron tick once.
const g = globalThis as unknown as { __portalBoss?: Promise<PgBoss>; __portalBossConfig?: Partial<PgBoss.ConstructorOptions> };

/** Tuning for the pg-boss of this process (tests shorten the maintenance and cron intervals). Call before getQueue. */
export function configureQueue(config: Partial<PgBoss.ConstructorOptions>): void {
  g.__portalBossConfig = config;
}

export function getQueue(): Promise<PgBoss> {
  g.__portalBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: 4, ...g.__portalBossConfig });
    boss.on("error", (err: Error) => logger().error({ err: { message: err.message } }, "job queue error"));
    await boss.start();
    return boss;
  })();
  return g.__portalBoss;
}

const ensured = new Set<string>();
/**
 * Creates the queue, or brings an existing one to the options it has in code (policy, retries, expiry):
 * createQueue does nothing for a queue that exists, so databases whose queues were created "standard"
 * by an earlier release become "stately" here. Jobs already queued keep the policy they were sent with.
 */
async function ensureQueue(boss: PgBoss, job: JobDefinition): Promise<void> {
  if (ensured.has(job.name)) return;
  const options = queueOptionsFor(job);
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(job.name, options);
      await boss.updateQueue(job.name, options);
      break;
    } catch (err) {
      if (attempt >= QUEUE_CREATE_ATTEMPTS || !isCreateRace(err)) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt + Math.random() * 100));
    }
  }
  ensured.add(job.name);
}

const QUEUE_CREATE_ATTEMPTS = 5;
/**
 * Processes that start together (web instances and workers) create the same queues at once: PostgreSQL then picks
 * one of them as a deadlock victim (40P01) or refuses the second copy of a queue row (23505). Creating a queue is
 * idempotent, so the loser tries again instead of dying at start-up (seen: a worker of the scale-out test).
 */
function isCreateRace(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "40P01" || code === "23505";
}

/** Queues one run of a job. Returns the job id, or null when the same work (singleton key) is already waiting. */
export async function enqueueJob<T extends object>(job: JobDefinition<T>, data: T): Promise<string | null> {
  const boss = await getQueue();
  await ensureQueue(boss, job as JobDefinition);
  return boss.send(job.name, data, { singletonKey: singletonKeyFor(job, data) });
}

/** Runs each job through the handler, logging; a throw makes pg-boss retry it (queue-policy.ts). */
async function runBatch(job: JobDefinition, batch: PgBoss.Job<object>[]): Promise<void> {
  for (const item of batch) {
    const started = Date.now();
    try {
      await job.handle(item.data);
      logger().info({ job: job.name, id: item.id, ms: Date.now() - started }, "job done");
    } catch (err) {
      logger().warn({ job: job.name, id: item.id, err: err instanceof Error ? err.message : String(err) }, "job failed");
      throw err;
    }
  }
}

/**
 * Starts workers (and schedules) for the given jobs in this process: an app instance (instrumentation.ts,
 * unless RUN_WORKERS=off) or a worker process (scripts/worker.ts). Scheduling is idempotent and cluster-wide:
 * one schedule row per name, whichever process writes it.
 */
export async function startWorkers(jobs: JobDefinition[]): Promise<void> {
  const boss = await getQueue();
  for (const job of jobs) {
    await ensureQueue(boss, job);
    await boss.work<object>(job.name, (batch) => runBatch(job, batch));
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC", singletonKey: job.name });
  }
}

export async function stopQueue(): Promise<void> {
  if (!g.__portalBoss) return;
  const boss = await g.__portalBoss;
  g.__portalBoss = undefined;
  ensured.clear();
  await boss.stop({ graceful: true, timeout: 5000 });
}
