import type { LedgerEntry, Topic } from "@/lib/report-api";
import type { EntryFacts } from "@/lib/ledgers/day-summary";
import type { LedgerEntryView } from "@/lib/ledgers/types";

export function entryKey(topic: Topic, ledgerDate: string, seq: number): string {
  return `${topic}:${ledgerDate}:${seq}`;
}

/**
 * The entry's time as UTC ISO. The client's schema already refuses a `time` that is not a date-time; this guard
 * keeps the view from throwing (`toISOString` on an invalid Date is a RangeError) should one ever get through:
 * the raw text is shown rather than the whole page failing.
 */
export function entryTimeIso(time: string): string {
  const at = Date.parse(time);
  return Number.isNaN(at) ? time : new Date(at).toISOString();
}

/** An open date's entry (kept in memory, never stored) in the same shape as a cached one. */
export function viewOfUpstreamEntry(topic: Topic, date: string, seq: number, e: LedgerEntry, withPersonal: boolean): LedgerEntryView {
  return {
    key: entryKey(topic, date, seq),
    topic,
    ledgerDate: date,
    seq,
    time: entryTimeIso(e.time),
    entryType: e.entryType,
    pspReference: e.pspReference,
    reference: e.reference,
    amount: e.amount,
    balanceBefore: e.balanceBefore,
    balanceAfter: e.balanceAfter,
    recipientHandle: e.recipientHandle,
    ...(withPersonal ? { personal: { name: e.name, maskedPhoneNo: e.maskedPhoneNo, message: e.message } } : {}),
  };
}

export function factsOfUpstreamEntry(topic: Topic, date: string, seq: number, e: LedgerEntry): EntryFacts {
  return { topic, ledgerDate: date, seq, entryType: e.entryType, pspReference: e.pspReference, amount: e.amount, balanceBefore: e.balanceBefore, balanceAfter: e.balanceAfter };
}
