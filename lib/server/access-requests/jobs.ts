import "server-only";
import { defineJob, type JobDefinition } from "@/lib/server/jobs/job-definition";
import { logger } from "@/lib/server/logger";
import { flushOutboxQuietly } from "@/lib/server/notifications/mail-transport";
import { expireAccessRequests } from "@/lib/server/access-requests/expire-access-requests";

/** M8: open access requests lapse at their expiry, hourly. Idempotent; crons are UTC (see lib/server/jobs/queue.ts). */
export const expireAccessRequestsJob = defineJob({
  name: "lifecycle.expire-access-requests",
  cron: "17 * * * *",
  handle: async () => {
    const expired = await expireAccessRequests();
    await flushOutboxQuietly();
    if (expired.length > 0) logger().info({ expired: expired.length }, "access requests expired");
  },
});

export const ACCESS_REQUEST_JOBS: JobDefinition[] = [expireAccessRequestsJob];
