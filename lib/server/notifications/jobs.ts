import "server-only";
import { defineJob, type JobDefinition } from "@/lib/server/jobs/job-definition";
import { logger } from "@/lib/server/logger";
import { flushOutboxQuietly } from "@/lib/server/notifications/mail-transport";
import { sendAccessDigests } from "@/lib/server/notifications/send-access-digest";

/** M4: the monthly access digest to merchant admins. Idempotent per month; crons are UTC (see lib/server/jobs/queue.ts). */
export const accessDigestJob = defineJob({
  name: "lifecycle.access-digest",
  // The first of every month, 07:00 UTC.
  cron: "0 7 1 * *",
  handle: async () => {
    const sent = await sendAccessDigests();
    await flushOutboxQuietly();
    logger().info({ digests: sent.length }, "monthly access digests sent");
  },
});

export const NOTIFICATION_JOBS: JobDefinition[] = [accessDigestJob];
