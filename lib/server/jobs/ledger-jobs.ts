import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { todayLedgerDate } from "@/lib/dates";
import { defineJob, type JobDefinition } from "@/lib/server/jobs/job-definition";
import { enqueueJob } from "@/lib/server/jobs/queue";
import { syncLedger } from "@/lib/server/ledgers/sync/sync-ledger";
import { planLedgerSync } from "@/lib/server/ledgers/sync/sync-plan";

/** Job payloads come back from the database: parse them like any other input. */
const syncPayloadSchema = z.object({
  ledgerId: z.uuid(),
  source: z
    .discriminatedUnion("kind", [z.object({ kind: z.literal("partner"), partnerId: z.uuid() }), z.object({ kind: z.literal("sales-unit"), salesUnitId: z.uuid() })])
    .optional(),
});
export type LedgerSyncPayload = z.infer<typeof syncPayloadSchema>;

/** P3: one sync run of one ledger (feeds from the stored cursors, then pre-cache closed dates). */
export const ledgerSyncJob = defineJob<object>({
  name: "ledger-sync",
  // A run holds its transaction for up to 30 minutes (sync-ledger.ts): not dead before then.
  expireInSeconds: 31 * 60,
  singletonKey: (data) => syncPayloadSchema.safeParse(data).data?.ledgerId ?? "invalid",
  handle: async (data) => {
    const payload = syncPayloadSchema.parse(data);
    await syncLedger(payload.ledgerId, payload.source ? { source: payload.source } : {});
  },
});

/**
 * Every hour, at a minute off the hour as Vipps MobilePay asks (docs/report-api.md §7), queue a sync for each
 * ledger some stored keys can read. pg-boss runs the schedule once across all instances.
 */
export const ledgerSyncScheduleJob = defineJob<object>({
  name: "ledger-sync-schedule",
  cron: "17 * * * *",
  handle: async () => {
    const today = todayLedgerDate();
    const ledgers = await db.ledger.findMany({ select: { id: true }, orderBy: { externalId: "asc" } });
    for (const { id } of ledgers) {
      if (await planLedgerSync(id, today)) await enqueueJob(ledgerSyncJob, { ledgerId: id } satisfies LedgerSyncPayload);
    }
  },
});

export const LEDGER_JOBS: JobDefinition[] = [ledgerSyncJob, ledgerSyncScheduleJob];
