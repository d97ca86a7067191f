import "server-only";
import PgBoss from "pg-boss";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import type { JobDefinition } from "@/lib/server/jobs/job-definition";

// One pg-boss per process, on the app's own PostgreSQL (schema "pgboss"). Several app instances share the
// queues; pg-boss hands each job to one of them and runs each cron schedule once.
const g = globalThis as unknown as { __portalBoss?: Promise<PgBoss> };

export function getQueue(): Promise<PgBoss> {
  g.__portalBoss ??= (async () => {
    const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: 4 });
    boss.on("error", (err: Error) => logger().error({ err: { message: err.message } }, "job queue error"));
    await boss.start();
    return boss;
  })();
  return g.__portalBoss;
}

const created = new Set<string>();
async function ensureQueue(boss: PgBoss, name: string) {
  if (created.has(name)) return;
  await boss.createQueue(name);
  created.add(name);
}

/** Queues one run of a job. Returns the job id, or null when an identical job is already waiting. */
export async function enqueueJob<T extends object>(job: JobDefinition<T>, data: T): Promise<string | null> {
  const boss = await getQueue();
  await ensureQueue(boss, job.name);
  const singletonKey = job.singletonKey?.(data);
  return boss.send(job.name, data, { retryLimit: 3, retryBackoff: true, ...(singletonKey ? { singletonKey } : {}) });
}

/** Starts workers (and schedules) for the given jobs in this process. */
export async function startWorkers(jobs: JobDefinition[]): Promise<void> {
  const boss = await getQueue();
  for (const job of jobs) {
    await ensureQueue(boss, job.name);
    await boss.work<object>(job.name, async (batch) => {
      for (const item of batch) {
        const started = Date.now();
        try {
          await job.handle(item.data);
          logger().info({ job: job.name, id: item.id, ms: Date.now() - started }, "job done");
        } catch (err) {
          logger().warn({ job: job.name, id: item.id, err: err instanceof Error ? err.message : String(err) }, "job failed");
          throw err; // pg-boss retries with backoff
        }
      }
    });
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
  }
}

export async function stopQueue(): Promise<void> {
  if (!g.__portalBoss) return;
  const boss = await g.__portalBoss;
  g.__portalBoss = undefined;
  await boss.stop({ graceful: true, timeout: 5000 });
}
