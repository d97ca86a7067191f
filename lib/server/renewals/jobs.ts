import "server-only";
import { defineJob, type JobDefinition } from "@/lib/server/jobs/job-definition";
import { logger } from "@/lib/server/logger";
import { flushOutboxQuietly } from "@/lib/server/notifications/mail-transport";
import { sendGrantReminders } from "@/lib/server/renewals/send-grant-reminders";

/**
 * M4 on the job queue: reminders before a grant ends. The handler is a thin shell around a plain function that the
 * integration tests call with a fixed clock; it is idempotent (a repeated, overlapping or retried run sends
 * nothing twice). Crons are UTC (see lib/server/jobs/queue.ts). Grants lapsing at their end date is the grant
 * core's job ("grants.expire" in lib/server/grants/jobs.ts), not repeated here.
 */
export const grantRemindersJob = defineJob({
  name: "lifecycle.grant-reminders",
  // 06:30 UTC: early morning in the Nordics.
  cron: "30 6 * * *",
  handle: async () => {
    const sent = await sendGrantReminders();
    await flushOutboxQuietly();
    if (sent.length > 0) logger().info({ reminders: sent.length }, "grant reminders sent");
  },
});

export const RENEWAL_JOBS: JobDefinition[] = [grantRemindersJob];
