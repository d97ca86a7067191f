/**
 * One sync worker of bench/sync-throughput.ts, in a process of its own (its own connection pool, its own in-process
 * single flight): loads the data layer and says "ready"; then for each line of work it receives (JSON: a ledger,
 * the keys to use, history chunks) caches those chunks the way the ledger-history job does (syncHistoryChunk) and
 * answers "done <entries>". Start-up is not part of what is timed.
 */
import { createInterface } from "node:readline";
import { db } from "@/lib/server/db";
import { syncHistoryChunk } from "@/lib/server/ledgers/sync/sync-ledger";
import type { UpstreamSource } from "@/lib/server/ledgers/access/ledger-access";

await db.$queryRaw`SELECT 1`;
process.stdout.write("ready\n");
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "exit") break;
  const { ledgerId, source, chunks } = JSON.parse(line) as { ledgerId: string; source: UpstreamSource; chunks: { from: string; to: string }[] };
  let entries = 0;
  for (const chunk of chunks) {
    const out = await syncHistoryChunk(ledgerId, chunk, source);
    if (out.failure) throw new Error(`chunk ${chunk.from}: ${out.failure}`);
    entries += out.entriesCached;
  }
  process.stdout.write(`done ${entries}\n`);
}
await db.$disconnect();
process.exit(0);
