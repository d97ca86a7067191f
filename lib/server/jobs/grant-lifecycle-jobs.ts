import "server-only";
import { defineJob, type JobDefinition } from "@/lib/server/jobs/job-definition";
import { logger } from "@/lib/server/logger";
import { flushOutboxQuietly } from "@/lib/server/notifications/mail-transport";
import { expireAccessRequests } from "@/lib/server/lifecycle/expire-access-requests";
import { sendAccessDigests } from "@/lib/server/lifecycle/send-access-digest";
import { sendGrantReminders } from "@/lib/server/lifecycle/send-grant-reminders";

/**
 * M4/M8 on the job queue. Each handler is a thin shell around a plain function (lib/server/lifecycle/*) that
 * the integration tests call with a fixed clock. All are idempotent: a run that repeats, overlaps another or
 * is retried by pg-boss after a failure sends nothing twice. Crons are UTC (see queue.ts).
 *
 * Grants lapsing at their end date is the grant core's job ("grants.expire", expireGrants in
 * lib/server/grants), not repeated here.
 */
export const expireAccessRequestsJob = defineJob({
  name: "lifecycle.expire-access-requests",
  cron: "17 * * * *",
  handle: async () => {
    const expired = await expireAccessRequests();
    await flushOutboxQuietly();
    if (expired.length > 0) logger().info({ expired: expired.length }, "access requests expired");
  },
});

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

export const GRANT_LIFECYCLE_JOBS: JobDefinition[] = [expireAccessRequestsJob, grantRemindersJob, accessDigestJob];
