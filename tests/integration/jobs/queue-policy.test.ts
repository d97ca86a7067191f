import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { enqueueJob, getQueue, startWorkers, stopQueue } from "@/lib/server/jobs/queue";
import { defineJob } from "@/lib/server/jobs/job-definition";
import { ALL_JOBS } from "@/lib/server/jobs/registry";

/**
 * Queue policies on a real PostgreSQL: every queue is "stately" (the same work is never queued twice), also
 * in a database whose queues an earlier release created with pg-boss's default "standard" policy.
 */
afterAll(async () => {
  // Later test files share this database: leave no schedules (nor workers) behind.
  const boss = await getQueue();
  for (const job of ALL_JOBS) if (job.cron) await boss.unschedule(job.name);
  await stopQueue();
});

describe("job queues", () => {
  it("turns a queue an earlier release created as 'standard' into 'stately', so a second identical job is refused", async () => {
    const name = `test.upgrade-${randomUUID().slice(0, 8)}`;
    // As the previous release did: the queue created with the default policy, a job already waiting on it.
    const old = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss", max: 2 });
    await old.start();
    await old.createQueue(name);
    expect((await old.getQueue(name))?.policy).toBe("standard");
    expect(await old.send(name, { n: 1 }, { singletonKey: "k" })).toBeTruthy();
    expect(await old.send(name, { n: 2 }, { singletonKey: "k" })).toBeTruthy(); // "standard" does not dedupe

    const job = defineJob<{ key: string }>({ name, singletonKey: (d) => d.key, handle: async () => {} });
    const first = await enqueueJob(job, { key: "k" });
    const again = await enqueueJob(job, { key: "k" });
    const other = await enqueueJob(job, { key: "other" });
    expect((await old.getQueue(name))?.policy).toBe("stately");
    expect(first).toBeTruthy();
    expect(again).toBeNull();
    expect(other).toBeTruthy();
    await old.stop({ graceful: false });
  });

  it("runs every registered job on a stately queue with a sane expiry and retries, and schedules each cron once", async () => {
    await startWorkers(ALL_JOBS);
    await startWorkers(ALL_JOBS); // a second instance (same process here): no second schedule, no change
    const queues = await db.$queryRaw<{ name: string; policy: string; retry_limit: number; expire_seconds: number }[]>`
      SELECT name, policy, retry_limit, expire_seconds FROM pgboss.queue WHERE name NOT LIKE '\\_\\_pgboss%' AND name NOT LIKE 'test.%'`;
    expect(queues.map((q) => q.name).sort()).toEqual(ALL_JOBS.map((j) => j.name).sort());
    for (const q of queues) {
      expect(q.policy, q.name).toBe("stately");
      expect(q.retry_limit, q.name).toBeGreaterThan(0);
      expect(q.expire_seconds, q.name).toBeGreaterThanOrEqual(60);
    }
    const schedules = await db.$queryRaw<{ name: string; n: bigint }[]>`SELECT name, count(*) AS n FROM pgboss.schedule GROUP BY name`;
    expect(schedules.map((s) => s.name).sort()).toEqual(ALL_JOBS.filter((j) => j.cron).map((j) => j.name).sort());
    expect(schedules.every((s) => Number(s.n) === 1)).toBe(true);
    const options = await db.$queryRaw<{ name: string; key: string | null }[]>`SELECT name, options->>'singletonKey' AS key FROM pgboss.schedule`;
    for (const o of options) expect(o.key, o.name).toBe(o.name);
  });
});
