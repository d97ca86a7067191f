/**
 * `npm run worker`: the background jobs (feed sync, grant lapses, reminders, digests, outbox, sandbox
 * reconciliation) in a process of their own, against DATABASE_URL. Any number can run beside any number of
 * app instances: pg-boss hands each job to one worker and sends each cron tick once. Start the app instances
 * with RUN_WORKERS=off to keep them web-only (docs/decisions/017-scale-out-and-data-safety.md).
 *
 * Runs with scripts/lib/server-only-hook.mjs (package.json), because it uses the server-only data layer.
 * SIGTERM/SIGINT: stop fetching, let running jobs finish (up to 5 s), exit. A job cut short by a kill is
 * run again by another worker once it expires.
 */
import { startWorkers, stopQueue } from "@/lib/server/jobs/queue";
import { ALL_JOBS } from "@/lib/server/jobs/registry";
import { logger } from "@/lib/server/logger";
import { db } from "@/lib/server/db";

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger().info({ signal }, "worker stopping");
  await stopQueue().catch((err: unknown) => logger().error({ err: String(err) }, "queue stop failed"));
  await db.$disconnect().catch(() => {});
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));

startWorkers(ALL_JOBS)
  .then(() => logger().info({ pid: process.pid, jobs: ALL_JOBS.map((j) => j.name) }, "worker ready"))
  .catch((err: unknown) => {
    logger().error({ err: err instanceof Error ? err.message : String(err) }, "worker could not start");
    process.exit(1);
  });
