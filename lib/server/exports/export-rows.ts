import "server-only";
import { db } from "@/lib/server/db";
import type { Currency } from "@/lib/generated/prisma/enums";
import type { Topic } from "@/lib/report-api";
import { cacheKey } from "@/lib/server/ledgers/ledger-cache";
import type { ExportPlan } from "@/lib/server/exports/plan-export";

/** One ledger entry as an export writes it. Money stays integer minor units (bigint) until it is formatted. */
export interface ExportRow {
  ledgerDate: string;
  topic: Topic;
  seq: number;
  timeMs: number;
  entryType: string;
  pspReference: string;
  reference: string;
  amountMinor: bigint;
  currency: string;
  balanceBeforeMinor: bigint;
  balanceAfterMinor: bigint;
  recipientHandle: string | null;
  payerName: string | null;
  maskedPhoneNo: string | null;
  message: string | null;
  /** The date was still changing when exported. */
  open: boolean;
}

/** Rows read per query: big enough to keep the database busy, small enough to keep memory flat. */
export const EXPORT_BATCH = 5000;

interface DbRow {
  seq: number;
  time: Date;
  entryType: string;
  pspReference: string;
  reference: string | null;
  amountMinor: bigint;
  currency: Currency;
  balanceBeforeMinor: bigint;
  balanceAfterMinor: bigint;
  recipientHandle: string | null;
  payerName: string | null;
  maskedPhoneNo: string | null;
  message: string | null;
}

/**
 * The plan's entries in ledger order (date, then funds before fees, then position), in batches: cached days
 * by keyset on the (ledgerDayId, seq) unique index, so a batch costs the same at the millionth row as at the
 * first and the period is never held in memory; open days from the in-memory read the plan made.
 * `failAfterRows` makes the stream fail part-way (tests of the no-receipt rule only).
 */
export async function* exportRowBatches(plan: ExportPlan, opts: { failAfterRows?: number } = {}): AsyncGenerator<ExportRow[]> {
  const pd = plan.access.personalData;
  let produced = 0;
  const check = (n: number) => {
    produced += n;
    if (opts.failAfterRows !== undefined && produced > opts.failAfterRows) throw new Error("The export was interrupted.");
  };
  for (const date of plan.dates) {
    for (const topic of plan.topics) {
      const key = cacheKey(topic, date);
      const open = plan.open.get(key);
      if (open) {
        const rows = open.entries.map(
          (e, seq): ExportRow => ({
            ledgerDate: date,
            topic,
            seq,
            timeMs: Date.parse(e.time),
            entryType: e.entryType,
            pspReference: e.pspReference,
            reference: e.reference,
            amountMinor: BigInt(e.amount),
            currency: e.currency,
            balanceBeforeMinor: BigInt(e.balanceBefore),
            balanceAfterMinor: BigInt(e.balanceAfter),
            recipientHandle: e.recipientHandle,
            payerName: pd ? e.name : null,
            maskedPhoneNo: pd ? e.maskedPhoneNo : null,
            message: pd ? e.message : null,
            open: true,
          }),
        );
        for (let i = 0; i < rows.length; i += EXPORT_BATCH) {
          const batch = rows.slice(i, i + EXPORT_BATCH);
          check(batch.length);
          yield batch;
        }
        continue;
      }
      const day = plan.cached.get(key);
      if (!day || day.entryCount === 0) continue;
      let after = -1;
      for (;;) {
        const rows = pd
          ? await db.$queryRaw<DbRow[]>`
              SELECT "seq", "time", "entryType", "pspReference", "reference", "amountMinor", "currency", "balanceBeforeMinor", "balanceAfterMinor",
                "recipientHandle", "payerName", "maskedPhoneNo", "message"
              FROM "LedgerEntry" WHERE "ledgerDayId" = ${day.id}::uuid AND "seq" > ${after} ORDER BY "seq" LIMIT ${EXPORT_BATCH}`
          : await db.$queryRaw<DbRow[]>`
              SELECT "seq", "time", "entryType", "pspReference", "reference", "amountMinor", "currency", "balanceBeforeMinor", "balanceAfterMinor",
                "recipientHandle", NULL::text AS "payerName", NULL::text AS "maskedPhoneNo", NULL::text AS "message"
              FROM "LedgerEntry" WHERE "ledgerDayId" = ${day.id}::uuid AND "seq" > ${after} ORDER BY "seq" LIMIT ${EXPORT_BATCH}`;
        if (rows.length === 0) break;
        check(rows.length);
        yield rows.map((r) => ({
          ledgerDate: date,
          topic,
          seq: r.seq,
          timeMs: r.time.getTime(),
          entryType: r.entryType,
          pspReference: r.pspReference,
          reference: r.reference ?? "",
          amountMinor: BigInt(r.amountMinor),
          currency: r.currency,
          balanceBeforeMinor: BigInt(r.balanceBeforeMinor),
          balanceAfterMinor: BigInt(r.balanceAfterMinor),
          recipientHandle: r.recipientHandle,
          payerName: r.payerName,
          maskedPhoneNo: r.maskedPhoneNo,
          message: r.message,
          open: false,
        }));
        after = rows.at(-1)!.seq;
        if (rows.length < EXPORT_BATCH) break;
      }
    }
  }
}
