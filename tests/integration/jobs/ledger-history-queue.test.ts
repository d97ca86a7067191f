import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { enqueueJob, getQueue, stopQueue } from "@/lib/server/jobs/queue";
import { ledgerHistoryJob, type LedgerHistoryPayload } from "@/lib/server/ledgers/jobs";

// Decision 024: the chunks of one ledger's history are separate jobs, so two workers take two of them at once;
// the same chunk is never queued twice (stately queue, key per ledger and chunk).

afterAll(async () => {
  await stopQueue();
});

describe("ledger history jobs", () => {
  it("let two workers hold two chunks of the same ledger at once, and refuse a chunk queued twice", async () => {
    const ledgerId = randomUUID();
    const source = { kind: "sales-unit" as const, salesUnitId: randomUUID() };
    const chunk = (from: string, to: string): LedgerHistoryPayload => ({ ledgerId, source, from, to });
    const a = await enqueueJob(ledgerHistoryJob, chunk("2025-01-01", "2025-01-31"));
    const b = await enqueueJob(ledgerHistoryJob, chunk("2024-12-01", "2024-12-31"));
    const again = await enqueueJob(ledgerHistoryJob, chunk("2025-01-01", "2025-01-31"));
    expect(a).toBeTruthy();
    expect(b).toBeTruthy();
    expect(again).toBeNull();

    // Both chunks can be active at once (stately: one active job per key), which is what two workers need.
    const boss = await getQueue();
    const ours = (jobs: { id: string }[]) => jobs.filter((j) => j.id === a || j.id === b);
    const first = ours(await boss.fetch(ledgerHistoryJob.name, { batchSize: 10 }));
    expect(first.length).toBe(2);
    for (const id of [a!, b!]) expect((await boss.getJobById(ledgerHistoryJob.name, id))?.state).toBe("active");
    await boss.complete(ledgerHistoryJob.name, [a!, b!]);
  });
});
