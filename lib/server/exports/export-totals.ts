import { categorizeEntry } from "@/lib/report-api/transform";
import { addMoney, money, zeroMoney, type Money, type MoneyCurrency } from "@/lib/money";
import { R, type ExportBatch } from "@/lib/server/exports/export-rows";

/** Minor-unit sums (as strings, as the receipts have always stored them) and counts per currency, topic and entry type. */
export type ExportTotalsJson = Record<string, Record<string, Record<string, { count: number; sumMinor: string }>>>;

type FundsCategory = ReturnType<typeof categorizeEntry> | "net";

/**
 * The totals a receipt records, accumulated batch by batch as the file is written, as Money (decision 039):
 * every addition is checked, so a sum beyond the safe-integer range or a row in another currency than the
 * ledger's stops the export instead of writing a wrong total. The category sums are the ledger view's
 * (captures, refunds, fees retained, payouts, net of the funds topic).
 */
export class ExportTotals {
  rows = 0;
  private readonly byType = new Map<string, { count: number; sum: Money }>();
  readonly funds: Record<FundsCategory, Money>;
  readonly perTopic = new Map<string, Money>();

  constructor(readonly currency: MoneyCurrency) {
    const zero = zeroMoney(currency);
    this.funds = { captures: zero, refunds: zero, disputes: zero, fees: zero, payouts: zero, other: zero, net: zero };
  }

  add(batch: ExportBatch): void {
    let topicSum = zeroMoney(this.currency);
    for (const r of batch.rows) {
      // The cache sends minor units as integer digits; Number of more than 15–16 digits is not a safe integer and throws here.
      const amount = money(Number(r[R.amount]), r[R.currency]);
      const key = `${amount.currency}\u0000${batch.topic}\u0000${r[R.entryType]}`;
      const t = this.byType.get(key);
      if (t) {
        t.count++;
        t.sum = addMoney(t.sum, amount);
      } else this.byType.set(key, { count: 1, sum: amount });
      topicSum = addMoney(topicSum, amount);
      if (batch.topic === "funds") {
        const category = categorizeEntry(r[R.entryType]);
        this.funds[category] = addMoney(this.funds[category], amount);
      }
    }
    this.rows += batch.rows.length;
    this.perTopic.set(batch.topic, addMoney(this.perTopic.get(batch.topic) ?? zeroMoney(this.currency), topicSum));
    if (batch.topic === "funds") this.funds.net = addMoney(this.funds.net, topicSum);
  }

  toJson(): ExportTotalsJson {
    const out: ExportTotalsJson = {};
    const keys = [...this.byType.keys()].sort();
    for (const key of keys) {
      const [currency, topic, type] = key.split("\u0000") as [string, string, string];
      const t = this.byType.get(key)!;
      ((out[currency] ??= {})[topic] ??= {})[type] = { count: t.count, sumMinor: String(t.sum.amount) };
    }
    return out;
  }
}
