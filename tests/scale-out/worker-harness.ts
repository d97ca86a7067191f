/**
 * The scale-out test's worker (SCALE_OUT_WORKER_ENTRY): scripts/worker.ts's jobs, handlers and queue code,
 * with what a test needs to see a schedule tick and a worker die within a minute or two:
 * - every scheduled job runs each minute, and pg-boss checks its timers and expiries every second or two;
 * - each run prints `JOBLOG {"event":"start"|"end","job","pid","at"}` on stdout;
 * - a run of SLOW_JOB that wrote its own audit event (SLOW_JOB_AUDIT_ACTION) prints `"event":"work-done"` and then waits SLOW_MS
 *   before it completes, so the test can kill the worker after the work and before pg-boss hears of it.
 *   That job's queue expires runs after SLOW_EXPIRE_SECONDS (15: long enough for a run that did nothing, even
 *   on a loaded machine, or it would be run twice) and retries after a second, so the other worker runs it soon.
 */
import { configureQueue, startWorkers, stopQueue } from "@/lib/server/jobs/queue";
import { ALL_JOBS } from "@/lib/server/jobs/registry";
import type { JobDefinition } from "@/lib/server/jobs/job-definition";
import { db } from "@/lib/server/db";

const slowJob = process.env.SLOW_JOB ?? "";
const slowMs = Number(process.env.SLOW_MS ?? 20_000);
const slowExpire = Number(process.env.SLOW_EXPIRE_SECONDS ?? 15);
// The audit action that marks the slow job's own work: other jobs of the same tick (reconciliation opening a
// finding, say) write audit events too, and must not make a run that did nothing look like one that did.
const slowAction = process.env.SLOW_JOB_AUDIT_ACTION ?? "grant.expired";
const say = (event: string, job: string, extra: Record<string, unknown> = {}) =>
  console.log(`JOBLOG ${JSON.stringify({ event, job, pid: process.pid, at: new Date().toISOString(), ...extra })}`);

configureQueue({ cronMonitorIntervalSeconds: 2, cronWorkerIntervalSeconds: 1, maintenanceIntervalSeconds: 1, monitorStateIntervalSeconds: 10 });

const jobs: JobDefinition[] = ALL_JOBS.map((job) => ({
  ...job,
  ...(job.cron ? { cron: "* * * * *" } : {}),
  ...(job.name === slowJob ? { expireInSeconds: slowExpire, retryDelaySeconds: 1 } : {}),
  handle: async (data: object) => {
    say("start", job.name);
    const countWork = () => db.auditEvent.count({ where: { action: slowAction } });
    const auditBefore = job.name === slowJob ? await countWork() : 0;
    await job.handle(data);
    if (job.name === slowJob && (await countWork()) > auditBefore) {
      say("work-done", job.name);
      await new Promise((r) => setTimeout(r, slowMs));
    }
    say("end", job.name);
  },
}));

process.on("SIGTERM", () => void stopQueue().finally(() => process.exit(0)));
process.on("SIGINT", () => void stopQueue().finally(() => process.exit(0)));
await startWorkers(jobs);
say("ready", "*");
