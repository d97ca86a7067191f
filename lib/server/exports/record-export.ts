import "server-only";
import { db } from "@/lib/server/db";
import type { Currency } from "@/lib/generated/prisma/enums";
import { ledgerDateToDb } from "@/lib/dates";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import type { CompletedFile } from "@/lib/server/exports/export-file";
import type { ExportTotals } from "@/lib/server/exports/export-totals";
import type { ExportPlan } from "@/lib/server/exports/plan-export";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import type { DateRange } from "@/lib/ledgers/range";
import type { DaySummary } from "@/lib/ledgers/day-summary";
import { JOURNAL_HEADER } from "@/lib/journal/postings";

/**
 * The end of a completed export, in one transaction: the access-log row the merchant sees (M7: who, which
 * ledger and dates, format, rows), the receipt (period, filters, columns, totals, SHA-256 of the bytes), the
 * audit event, and the grant's last use. Called only after the last byte was produced.
 */
export async function recordExport(args: { plan: ExportPlan; totals: ExportTotals; file: CompletedFile; generatedAt: Date; actorLabel: string }): Promise<{ receiptId: string }> {
  const { plan, totals, file, generatedAt } = args;
  const { access, options, range } = plan;
  const r = access.reader;
  const partnerId = r.kind === "partner" ? r.partnerId : null;
  const grantId = r.kind === "partner" ? r.grantId : null;
  return db.$transaction(async (tx) => {
    if (grantId) await tx.ledgerGrant.update({ where: { id: grantId }, data: { lastUsedAt: generatedAt }, select: { id: true } });
    const event = await tx.ledgerAccessEvent.create({
      data: {
        at: generatedAt,
        userId: r.userId,
        partnerId,
        merchantId: access.ledger.merchantId,
        ledgerId: access.ledger.id,
        grantId,
        action: "export",
        fromDate: ledgerDateToDb(range.from),
        toDate: ledgerDateToDb(range.to),
        format: options.format,
        rowCount: totals.rows,
      },
      select: { id: true },
    });
    const f = totals.funds;
    const receipt = await tx.exportReceipt.create({
      data: {
        createdAt: generatedAt,
        partnerId,
        merchantId: access.ledger.merchantId,
        userId: r.userId,
        ledgerId: access.ledger.id,
        accessEventId: event.id,
        periodFrom: ledgerDateToDb(range.from),
        periodTo: ledgerDateToDb(range.to),
        format: options.format,
        filters: { topics: options.topics, purpose: options.purpose, includeOpen: options.includeOpen, personalData: access.personalData },
        columns: plan.columns,
        timeZone: options.tz,
        openDates: plan.openDates,
        totals: totals.toJson(),
        rowCount: totals.rows,
        byteCount: BigInt(file.byteCount),
        currency: access.ledger.currency as Currency,
        // BIGINT columns: a Money amount is a safe integer, so BigInt() of it is exact.
        capturesMinor: BigInt(f.captures.amount),
        refundsMinor: BigInt(f.refunds.amount),
        feesMinor: BigInt(f.fees.amount),
        payoutsMinor: BigInt(f.payouts.amount),
        netMinor: BigInt(f.net.amount),
        sha256: file.sha256,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actorUserId: r.userId,
      actorLabel: args.actorLabel,
      action: "ledger.exported",
      merchantId: access.ledger.merchantId,
      partnerId,
      targetType: "ExportReceipt",
      targetId: receipt.id,
      before: null,
      after: {
        ledger: access.ledger.externalId,
        from: range.from,
        to: range.to,
        format: options.format,
        rows: totals.rows,
        columns: plan.columns,
        openDates: plan.openDates,
        sha256: file.sha256,
      },
    });
    return { receiptId: receipt.id };
  });
}

export interface JournalExportRecord {
  access: LedgerAccess;
  range: DateRange;
  /** Posting lines written (flagged dates are one line each). */
  lines: number;
  debitMinor: bigint;
  creditMinor: bigint;
  flaggedDates: string[];
  days: readonly DaySummary[];
  file: CompletedFile;
  generatedAt: Date;
  actorLabel: string;
}

/**
 * The end of a completed voucher-journal export, like recordExport: access-log row, receipt (kind journal, the
 * posting lines, debit and credit totals, the funds' category sums of the dates, the SHA-256) and audit event in
 * one transaction. Called only after the last line was produced.
 */
export async function recordJournalExport(args: JournalExportRecord): Promise<{ receiptId: string }> {
  const { access, range, generatedAt, file } = args;
  const r = access.reader;
  const partnerId = r.kind === "partner" ? r.partnerId : null;
  const grantId = r.kind === "partner" ? r.grantId : null;
  const currency = access.ledger.currency as Currency;
  const funds = { captures: 0n, refunds: 0n, fees: 0n, payouts: 0n, net: 0n };
  for (const d of args.days) {
    if (!d.funds) continue;
    funds.captures += BigInt(d.funds.captures);
    funds.refunds += BigInt(d.funds.refunds);
    funds.fees += BigInt(d.funds.fees);
    funds.payouts += BigInt(d.funds.payouts);
    funds.net += BigInt(d.funds.net);
  }
  const totals = { [currency]: { journal: { debit: { count: args.lines, sumMinor: args.debitMinor.toString() }, credit: { count: args.lines, sumMinor: args.creditMinor.toString() } } } };
  return db.$transaction(async (tx) => {
    if (grantId) await tx.ledgerGrant.update({ where: { id: grantId }, data: { lastUsedAt: generatedAt }, select: { id: true } });
    const event = await tx.ledgerAccessEvent.create({
      data: {
        at: generatedAt,
        userId: r.userId,
        partnerId,
        merchantId: access.ledger.merchantId,
        ledgerId: access.ledger.id,
        grantId,
        action: "export",
        fromDate: ledgerDateToDb(range.from),
        toDate: ledgerDateToDb(range.to),
        format: "csv",
        rowCount: args.lines,
      },
      select: { id: true },
    });
    const receipt = await tx.exportReceipt.create({
      data: {
        createdAt: generatedAt,
        kind: "journal",
        partnerId,
        merchantId: access.ledger.merchantId,
        userId: r.userId,
        ledgerId: access.ledger.id,
        accessEventId: event.id,
        periodFrom: ledgerDateToDb(range.from),
        periodTo: ledgerDateToDb(range.to),
        format: "csv",
        filters: { kind: "journal", flaggedDates: args.flaggedDates },
        columns: [...JOURNAL_HEADER],
        // A journal has no entry times: its dates are the ledger's own.
        timeZone: "",
        openDates: [],
        totals,
        rowCount: args.lines,
        byteCount: BigInt(file.byteCount),
        currency,
        capturesMinor: funds.captures,
        refundsMinor: funds.refunds,
        feesMinor: funds.fees,
        payoutsMinor: funds.payouts,
        netMinor: funds.net,
        sha256: file.sha256,
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actorUserId: r.userId,
      actorLabel: args.actorLabel,
      action: "ledger.journalExported",
      merchantId: access.ledger.merchantId,
      partnerId,
      targetType: "ExportReceipt",
      targetId: receipt.id,
      before: null,
      after: { ledger: access.ledger.externalId, from: range.from, to: range.to, format: "csv", lines: args.lines, flaggedDates: args.flaggedDates, sha256: file.sha256 },
    });
    return { receiptId: receipt.id };
  });
}
