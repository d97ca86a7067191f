import "server-only";
import { z } from "zod";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { todayPortalDate } from "@/lib/dates";
import { defineJob, type JobDefinition } from "@/lib/server/jobs/job-definition";
import { enqueueJob } from "@/lib/server/jobs/queue";
import { syncHistoryChunk, syncLedger } from "@/lib/server/ledgers/sync/sync-ledger";
import { planLedgerSync } from "@/lib/server/ledgers/sync/sync-plan";

/** Job payloads come back from the database: parse them like any other input. */
const sourceSchema = z.discriminatedUnion("kind", [z.object({ kind: z.literal("partner"), partnerId: z.uuid() }), z.object({ kind: z.literal("sales-unit"), salesUnitId: z.uuid() })]);
const syncPayloadSchema = z.object({ ledgerId: z.uuid(), source: sourceSchema.optional() });
export type LedgerSyncPayload = z.infer<typeof syncPayloadSchema>;

const ledgerDate = z.iso.date();
const historyPayloadSchema = z.object({ ledgerId: z.uuid(), source: sourceSchema, from: ledgerDate, to: ledgerDate });
export type LedgerHistoryPayload = z.infer<typeof historyPayloadSchema>;

/**
 * P3: one chunk of a ledger's closed history (about a month), queued by a sync run. Chunks of one ledger have keys
 * of their own, so several workers take them side by side (docs/decisions/024); each date is fetched once.
 */
export const ledgerHistoryJob = defineJob<object>({
  name: "ledger-history",
  singletonKey: (data) => {
    const p = historyPayloadSchema.safeParse(data).data;
    return p ? `${p.ledgerId}|${p.from}` : "invalid";
  },
  handle: async (data) => {
    const p = historyPayloadSchema.parse(data);
    const outcome = await syncHistoryChunk(p.ledgerId, { from: p.from, to: p.to }, p.source);
    // An upstream failure is retried by pg-boss (queue-policy.ts); the dates cached so far stay cached.
    if (outcome.failure && outcome.failure !== "NO_KEYS") throw new Error(`ledger history chunk: ${outcome.failure}`);
  },
});

/** P3: one sync run of one ledger (the recent closed dates, then the older history queued in chunks). */
export const ledgerSyncJob = defineJob<object>({
  name: "ledger-sync",
  // A run holds its transaction for up to 30 minutes (sync-ledger.ts): not dead before then.
  expireInSeconds: 31 * 60,
  singletonKey: (data) => syncPayloadSchema.safeParse(data).data?.ledgerId ?? "invalid",
  handle: async (data) => {
    const payload = syncPayloadSchema.parse(data);
    await syncLedger(payload.ledgerId, {
      ...(payload.source ? { source: payload.source } : {}),
      history: env().SYNC_HISTORY === "on" ? "enqueue" : "skip",
      enqueueChunk: async (chunk, source) => {
        await enqueueJob(ledgerHistoryJob, { ledgerId: payload.ledgerId, source, ...chunk } satisfies LedgerHistoryPayload);
      },
    });
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
    // planLedgerSync asks which grants are in force: the portal's calendar; each run then reads to its ledger's own today.
    const today = todayPortalDate();
    const ledgers = await db.ledger.findMany({ select: { id: true }, orderBy: { externalId: "asc" } });
    for (const { id } of ledgers) {
      if (await planLedgerSync(id, today)) await enqueueJob(ledgerSyncJob, { ledgerId: id } satisfies LedgerSyncPayload);
    }
  },
});

export const LEDGER_JOBS: JobDefinition[] = [ledgerSyncJob, ledgerHistoryJob, ledgerSyncScheduleJob];
