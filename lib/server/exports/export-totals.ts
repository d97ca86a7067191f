import { categorizeEntry } from "@/lib/report-api/transform";
import { R, type ExportBatch } from "@/lib/server/exports/export-rows";

/** Minor-unit sums (as strings: JSON has no bigint) and counts per currency, topic and entry type. */
export type ExportTotalsJson = Record<string, Record<string, Record<string, { count: number; sumMinor: string }>>>;

/**
 * The totals a receipt records, accumulated batch by batch as the file is written (integer minor units, bigint).
 * The category sums are the ledger view's (captures, refunds, fees retained, payouts, net of the funds topic).
 */
export class ExportTotals {
  rows = 0;
  private readonly byType = new Map<string, { count: number; sum: bigint }>();
  readonly funds = { captures: 0n, refunds: 0n, disputes: 0n, fees: 0n, payouts: 0n, other: 0n, net: 0n };
  readonly perTopic = new Map<string, bigint>();

  add(batch: ExportBatch): void {
    let topicSum = 0n;
    for (const r of batch.rows) {
      const amount = BigInt(r[R.amount]);
      const key = `${r[R.currency]}\u0000${batch.topic}\u0000${r[R.entryType]}`;
      const t = this.byType.get(key);
      if (t) {
        t.count++;
        t.sum += amount;
      } else this.byType.set(key, { count: 1, sum: amount });
      topicSum += amount;
      if (batch.topic === "funds") this.funds[categorizeEntry(r[R.entryType])] += amount;
    }
    this.rows += batch.rows.length;
    this.perTopic.set(batch.topic, (this.perTopic.get(batch.topic) ?? 0n) + topicSum);
    if (batch.topic === "funds") this.funds.net += topicSum;
  }

  toJson(): ExportTotalsJson {
    const out: ExportTotalsJson = {};
    const keys = [...this.byType.keys()].sort();
    for (const key of keys) {
      const [currency, topic, type] = key.split("\u0000") as [string, string, string];
      const t = this.byType.get(key)!;
      ((out[currency] ??= {})[topic] ??= {})[type] = { count: t.count, sumMinor: t.sum.toString() };
    }
    return out;
  }
}
