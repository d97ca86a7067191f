import { categorizeEntry } from "@/lib/report-api/transform";
import type { ExportRow } from "@/lib/server/exports/export-rows";

/** Minor-unit sums (as strings: JSON has no bigint) and counts per currency, topic and entry type. */
export type ExportTotalsJson = Record<string, Record<string, Record<string, { count: number; sumMinor: string }>>>;

/**
 * The totals a receipt records, accumulated row by row as the file is written (integer minor units, bigint).
 * The category sums are the ledger view's (captures, refunds, fees retained, payouts, net of the funds topic).
 */
export class ExportTotals {
  rows = 0;
  private readonly byType = new Map<string, { count: number; sum: bigint }>();
  readonly funds = { captures: 0n, refunds: 0n, disputes: 0n, fees: 0n, payouts: 0n, other: 0n, net: 0n };
  readonly perTopic = new Map<string, bigint>();

  add(r: ExportRow): void {
    this.rows++;
    const key = `${r.currency}\u0000${r.topic}\u0000${r.entryType}`;
    const t = this.byType.get(key);
    if (t) {
      t.count++;
      t.sum += r.amountMinor;
    } else this.byType.set(key, { count: 1, sum: r.amountMinor });
    this.perTopic.set(r.topic, (this.perTopic.get(r.topic) ?? 0n) + r.amountMinor);
    if (r.topic === "funds") {
      this.funds[categorizeEntry(r.entryType)] += r.amountMinor;
      this.funds.net += r.amountMinor;
    }
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
