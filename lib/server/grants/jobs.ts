import "server-only";
import { defineJob, type JobDefinition } from "@/lib/server/jobs/job-definition";
import { expireGrants } from "@/lib/server/grants/expire-grants";
import { reconcileSandboxGrants, sandboxPushJob } from "@/lib/server/grants/upstream-sync";
import { flushOutbox } from "@/lib/server/notifications/mail-transport";

/** Sends the outbox (a change sends its own mails right after commit; this catches anything left over). */
export const flushOutboxJob = defineJob({ name: "notifications.flush-outbox", cron: "* * * * *", handle: async () => void (await flushOutbox()) });

/** Pushes every partner whose upstream grants differ from the portal's (sandbox mode; a no-op otherwise). */
export const reconcileSandboxJob = defineJob({ name: "grants.sandbox-reconcile", cron: "*/5 * * * *", handle: async () => void (await reconcileSandboxGrants()) });

/** Grants past their end date become "expired" (the partner is told, upstream follows). */
export const expireGrantsJob = defineJob({ name: "grants.expire", cron: "15 * * * *", handle: async () => void (await expireGrants()) });

export const GRANT_JOBS: JobDefinition[] = [sandboxPushJob as JobDefinition, flushOutboxJob, reconcileSandboxJob, expireGrantsJob];
