/**
 * Deterministic demo ledger data.
 *
 * Each ledger date is simulated from its own seeded generator, starting WARMUP_DAYS before the visible window
 * at a zero balance. Because every successful payout drains the funds balance to 0, a negative funds balance is
 * topped up on the 1st, net settlement retains fees daily and gross settlement invoices them monthly, the
 * balances of a visible date do not depend on where the simulation started: a closed date looks the same
 * whichever "today" the server runs with, as it would upstream (closed dates never change). Today's open date is
 * a prefix of the date it becomes once closed.
 */

import { MERCHANTS, type Country, type Currency, type WorldLedger, type WorldMerchant } from "../lib/demo-world/world";
import {
  addDays,
  dayOfMonth,
  daysBetween,
  isoMicros,
  localDayLengthMs,
  localMidnightUtcMs,
  monthOf,
  weekday,
} from "./calendar";
import { payerDetails, type PayerDetails } from "./names";
import { hash32, makeRng, type Rng } from "./rng";

export type Topic = "funds" | "fees";

/** One ledger entry as stored; `personal` is only serialized when the caller may and asks to see it. */
export interface Entry {
  pspReference: string;
  time: string;
  ledgerDate: string;
  entryType: string;
  reference: string;
  currency: Currency;
  amount: number;
  balanceBefore: number;
  balanceAfter: number;
  recipientHandle: string | null;
  personal: PayerDetails | undefined;
}

export interface LedgerProfile {
  ledgerId: string;
  currency: Currency;
  country: Country;
  timeZone: string;
  settlement: "net" | "gross";
  dailyCaptures: number;
  /** Prefix of API order references, e.g. the merchant slug. */
  referencePrefix: string;
  salesUnits: { msn: string; recipientHandle: string; channel: "api" | "vm" }[];
}

export interface GenerateOptions {
  seed: string;
  /** The open ledger date (YYYY-MM-DD). */
  today: string;
  /** Closed dates before today that are served (365 = a year). */
  closedDays: number;
}

export interface TopicSeries {
  entries: Entry[];
  /** Index range [start, end) in `entries` of each date that has entries. */
  ranges: Map<string, { start: number; end: number }>;
}

export interface GeneratedLedger {
  ledgerId: string;
  today: string;
  /** First served ledger date; older dates are closed and empty. */
  firstDate: string;
  funds: TopicSeries;
  fees: TopicSeries;
}

/** Long enough to contain a month start (gross invoicing) and several payouts, so balances converge. */
export const WARMUP_DAYS = 45;
/** Entries of today's open date are those before noon local time: the morning has happened, the rest not yet. */
const OPEN_DATE_CUTOFF_MS = 12 * 3_600_000;
/** Caps per-day volume so pspReferences (5-digit sequence per date) stay unique. */
export const MAX_DAILY_CAPTURES = 40_000;

const TIME_ZONES: Record<Country, string> = { NO: "Europe/Oslo", DK: "Europe/Copenhagen", FI: "Europe/Helsinki" };
const MEDIAN_TICKET: Record<Currency, number> = { NOK: 18_000, DKK: 12_000, EUR: 1_800 };
const MIN_TICKET: Record<Currency, number> = { NOK: 500, DKK: 500, EUR: 100 };
const FEE_RATE_BP: Record<Currency, number> = { NOK: 175, DKK: 95, EUR: 120 };
const SERVICE_FEE: Record<Currency, number> = { NOK: 29_900, DKK: 19_900, EUR: 2_900 };
const PAYOUT_EPOCH = "2020-01-01";

export function profileFromWorld(merchant: WorldMerchant, ledger: WorldLedger, dailyCaptures = ledger.dailyCaptures): LedgerProfile {
  return {
    ledgerId: ledger.ledgerId,
    currency: ledger.currency,
    country: merchant.country,
    timeZone: TIME_ZONES[merchant.country],
    settlement: ledger.settlement,
    dailyCaptures: Math.min(dailyCaptures, MAX_DAILY_CAPTURES),
    referencePrefix: merchant.slug,
    salesUnits: ledger.salesUnitMsns.map((msn) => {
      const unit = merchant.salesUnits.find((u) => u.msn === msn);
      if (!unit) throw new Error(`world.ts: ledger ${ledger.ledgerId} names unknown MSN ${msn}`);
      return { msn, recipientHandle: unit.recipientHandle, channel: unit.channel };
    }),
  };
}

export function profileForLedgerId(ledgerId: string, dailyCaptures?: number): LedgerProfile | undefined {
  for (const merchant of MERCHANTS) {
    const ledger = merchant.ledgers.find((l) => l.ledgerId === ledgerId);
    if (ledger) return profileFromWorld(merchant, ledger, dailyCaptures);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------

/** An entry before balances are known. `resolve` marks entries whose amount follows from the balance. */
interface Raw {
  utcMs: number;
  micros: number;
  seq: number;
  entryType: string;
  pspReference: string;
  reference: string;
  recipientHandle: string | null;
  amount: number;
  personal: PayerDetails | undefined;
  resolve: "drain-fees" | "mirror-retained" | "payout" | "top-up" | undefined;
}

interface Capture {
  utcMs: number;
  amount: number;
  pspReference: string;
  reference: string;
  recipientHandle: string;
  personal: PayerDetails | undefined;
}

interface Carry {
  previousCaptures: Capture[];
  /** Capture fees that fell after the day's fee retention and so land on the next ledger date. */
  spilledFees: Raw[];
  abortedPayout: { amount: number; pspReference: string; reference: string } | null;
}

interface DayPlan {
  funds: Raw[];
  fees: Raw[];
  captures: Capture[];
  spilledFees: Raw[];
  abortsPayout: boolean;
  payoutPspReference: string;
  payoutReference: string;
}

/** Every Raw is built here with the same fields in the same order: one object shape keeps V8 fast. */
function raw(
  utcMs: number,
  micros: number,
  seq: number,
  entryType: string,
  pspReference: string,
  reference: string,
  recipientHandle: string | null,
  amount: number,
  personal?: PayerDetails,
  resolve?: Raw["resolve"],
): Raw {
  return { utcMs, micros, seq, entryType, pspReference, reference, recipientHandle, amount, personal, resolve };
}

const byTime = (a: Raw, b: Raw): number => a.utcMs - b.utcMs || a.micros - b.micros || a.seq - b.seq;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

function unitNumber(handle: string): string {
  return handle.slice(handle.indexOf(":") + 1);
}

function bankText(p: LedgerProfile, payoutNo: number, date: string): string {
  const first = p.salesUnits[0];
  const number = first ? unitNumber(first.recipientHandle) : p.ledgerId;
  if (p.country === "NO") return `Utb. ${payoutNo} Vippsnr ${number}`;
  // DK/FI transfer text: 02{Recipient:08}001{DD}{MM}{YY}{C}, C a check digit.
  const body = `02${pad(Number(number) % 100_000_000, 8)}001${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}`;
  const check = [...body].reduce((s, c) => s + Number(c), 0) % 10;
  return `${body}${check}`;
}

function sampleAmount(rng: Rng, currency: Currency): number {
  const median = MEDIAN_TICKET[currency];
  const raw = Math.min(median * Math.exp(0.7 * rng.normal()), median * 50);
  const whole = Math.max(MIN_TICKET[currency], Math.round(raw / 100) * 100);
  // Shop prices often end in .90.
  return rng.chance(0.3) ? whole - 10 : whole;
}

/** Milliseconds after local midnight: mostly business hours, a tail late at night, a few just before midnight. */
function sampleElapsed(rng: Rng, dayLen: number): number {
  const h = 3_600_000;
  const r = rng.next();
  if (r < 0.85) return 7 * h + Math.floor(rng.next() * 14 * h);
  if (r < 0.97) return 21 * h + Math.floor(rng.next() * (dayLen - 21 * h - 60_000));
  if (r < 0.993) return Math.floor(rng.next() * 7 * h);
  // In the last 30 seconds: its fee is booked after the day's retention, on the next ledger date.
  return dayLen - 30_000 + Math.floor(rng.next() * 28_000);
}

function isAbortedPayoutDate(date: string, rng: Rng): boolean {
  // The first weekday payout on or after the 12th in Feb, May, Aug and Nov, plus the odd random one.
  if (monthOf(date) % 3 === 2) {
    const d = dayOfMonth(date);
    const dow = weekday(date);
    if (d === 12 && dow >= 1 && dow <= 5) return true;
    if ((d === 13 || d === 14) && dow === 1) return true;
  }
  return rng.chance(0.003);
}

function planDay(p: LedgerProfile, seed: string, date: string, carry: Carry): DayPlan {
  const rng = makeRng(seed, p.ledgerId, date);
  const dayStart = localMidnightUtcMs(p.timeZone, date);
  const dayLen = localDayLengthMs(p.timeZone, date);
  const at = (elapsedMs: number): number => dayStart + elapsedMs;
  const closeMs = dayStart + dayLen - 1000; // 23:59:59 local: fee retention, then the payout
  const dayNumber = daysBetween(PAYOUT_EPOCH, date);
  const ledgerDigit = 1 + (hash32(p.ledgerId) % 9);
  let seq = 0;
  const nextPsp = (): string => `${ledgerDigit}${pad(((dayNumber % 10_000) + 10_000) % 10_000, 4)}${pad(seq++ % 100_000, 5)}`;
  const dow = weekday(date);
  const month = monthOf(date);
  const dom = dayOfMonth(date);
  const ym = date.slice(0, 7);

  const funds: Raw[] = [];
  const fees: Raw[] = [...carry.spilledFees];
  const spilledFees: Raw[] = [];

  // Captures, in time order so pspReferences grow through the day.
  const weekdayFactor = dow === 6 ? 1.3 : dow === 0 ? 0.7 : 1;
  const count = Math.round(p.dailyCaptures * weekdayFactor * (0.7 + 0.6 * rng.next()));
  const times: { elapsed: number; micros: number }[] = [];
  for (let i = 0; i < count; i++) times.push({ elapsed: sampleElapsed(rng, dayLen), micros: rng.int(0, 999) });
  times.sort((a, b) => a.elapsed - b.elapsed || a.micros - b.micros);

  const captures: Capture[] = [];
  for (const t of times) {
    const unit = rng.pick(p.salesUnits);
    const vm = unit.channel === "vm";
    const capture: Capture = {
      utcMs: at(t.elapsed),
      amount: sampleAmount(rng, p.currency),
      pspReference: nextPsp(),
      reference: vm ? rng.chars(10, "0123456789") : `${p.referencePrefix}-${unit.msn}-order${rng.chars(9, "abcdefghijklmnopqrstuvwxyz0123456789")}`,
      recipientHandle: unit.recipientHandle,
      personal: vm ? payerDetails(p.country, rng.next) : undefined,
    };
    captures.push(capture);
    funds.push(raw(capture.utcMs, t.micros, funds.length, "capture", capture.pspReference, capture.reference, capture.recipientHandle, capture.amount, capture.personal));

    // Capture fee(s): booked a few seconds later; several fees per capture happen now and then.
    const feeAmounts = [-Math.max(1, Math.round((capture.amount * FEE_RATE_BP[p.currency]) / 10_000))];
    if (rng.chance(0.03)) feeAmounts.push(-100);
    for (const amount of feeAmounts) {
      const fee = raw(capture.utcMs + rng.int(2_000, 30_000), rng.int(0, 999), seq++, "capture-fee", capture.pspReference, capture.reference, capture.recipientHandle, amount);
      (fee.utcMs >= closeMs ? spilledFees : fees).push(fee);
    }
  }

  // Refunds of earlier captures (yesterday's or this morning's), never before the capture itself.
  const refunded = new Set<string>();
  const refundCount = Math.round(count * 0.035 * (0.5 + rng.next()));
  for (let i = 0; i < refundCount; i++) {
    const fromYesterday = carry.previousCaptures.length > 0 && (captures.length === 0 || rng.chance(0.5));
    const source = fromYesterday ? rng.pick(carry.previousCaptures) : captures.length > 0 ? rng.pick(captures) : undefined;
    if (!source || refunded.has(source.pspReference)) continue;
    const earliest = fromYesterday ? at(7 * 3_600_000) : source.utcMs + 60_000;
    const latest = at(dayLen - 120_000);
    if (earliest >= latest) continue;
    refunded.add(source.pspReference);
    const partial = rng.chance(0.3);
    const amount = partial ? Math.max(100, Math.round((source.amount * rng.int(10, 90)) / 100 / 100) * 100) : source.amount;
    const time = earliest + Math.floor(rng.next() * (latest - earliest));
    funds.push(raw(time, rng.int(0, 999), seq++, "refund", nextPsp(), source.reference, source.recipientHandle, -Math.min(amount, source.amount), source.personal));
  }

  // A dispute once in a while: the issuer takes a capture of yesterday back.
  if (carry.previousCaptures.length > 0 && rng.chance(0.012)) {
    const source = rng.pick(carry.previousCaptures);
    funds.push(raw(at(rng.int(10, 15) * 3_600_000), rng.int(0, 999), seq++, "retained-disputed-capture", source.pspReference, source.reference, source.recipientHandle, -source.amount, source.personal));
  }

  // Yesterday's payout failed: the money comes back to the ledger in the morning.
  if (carry.abortedPayout) {
    const { amount, pspReference, reference } = carry.abortedPayout;
    funds.push(raw(at(6 * 3_600_000), 0, seq++, "payout-aborted", pspReference, reference, null, amount));
  }

  // A negative funds balance gets no payout; the merchant is invoiced and pays it in (top-up) on the 1st.
  if (dom === 1) {
    funds.push(raw(at(5 * 3_600_000), 0, seq++, "top-up", nextPsp(), `top-up-${ym}`, null, 0, undefined, "top-up"));
  }

  if (dom === 20 && month % 2 === 0) {
    funds.push(raw(at(11 * 3_600_000), rng.int(0, 999), seq++, "correction", nextPsp(), `correction-${date}`, null, rng.pick([-1, 1]) * rng.int(100, 5_000)));
  }

  // Fees not tied to a capture.
  if (p.settlement === "gross" && dom === 1) {
    // Last month's fees are invoiced: the fees balance goes back to zero, nothing happens on funds.
    const prev = addDays(date, -1).slice(0, 7);
    fees.push(raw(at(1_000), 0, seq++, "fees-invoiced", nextPsp(), `invoice-${prev}`, null, 0, undefined, "drain-fees"));
  }
  if (dom === 1) {
    fees.push(raw(at(3 * 3_600_000), 0, seq++, "service-fee", nextPsp(), `service-fee-${ym}`, null, -SERVICE_FEE[p.currency]));
  }
  if (dom === 10 && month % 3 === 0) {
    fees.push(raw(at(9 * 3_600_000), rng.int(0, 999), seq++, "credit-note", nextPsp(), `credit-note-${ym.replace("-", "")}`, null, rng.int(500, 5_000)));
  }
  if (dom === 5 && month % 4 === 1) {
    fees.push(raw(at(10 * 3_600_000), rng.int(0, 999), seq++, "correction", nextPsp(), `correction-fees-${date}`, null, rng.pick([-1, 1]) * rng.int(100, 3_000)));
  }
  if (dom === 25 && month % 2 === 0) {
    // A type no client knows yet: clients must carry unknown entry types through, not reject them.
    fees.push(raw(at(14 * 3_600_000), rng.int(0, 999), seq++, "instant-payout-fee", nextPsp(), `instant-payout-${date}`, null, -rng.int(500, 2_500)));
  }

  const payoutNo = 2_000_000 + dayNumber;
  const payoutPspReference = `${p.ledgerId}-${payoutNo}`;
  const payoutReference = bankText(p, payoutNo, date);
  if (p.settlement === "net") {
    const retainPsp = `${p.ledgerId}-${3_000_000 + dayNumber}`;
    const retainSeq = seq++;
    fees.push(raw(closeMs, 100, retainSeq, "fees-retained", retainPsp, "", null, 0, undefined, "drain-fees"));
    funds.push(raw(closeMs, 100, retainSeq, "fees-retained", retainPsp, "", null, 0, undefined, "mirror-retained"));
  }
  const paysOut = dow >= 1 && dow <= 5;
  if (paysOut) {
    funds.push(raw(closeMs, 900, seq++, "payout-scheduled", payoutPspReference, payoutReference, null, 0, undefined, "payout"));
  }

  funds.sort(byTime);
  fees.sort(byTime);
  return { funds, fees, captures, spilledFees, abortsPayout: paysOut && isAbortedPayoutDate(date, rng), payoutPspReference, payoutReference };
}

/** Fills in amounts that follow from the balance and returns the entries that remain (zero-amount ones drop). */
function chain(raws: Raw[], startBalance: number, retainedOnFees: number): { kept: { raw: Raw; before: number }[]; balance: number; retained: number; paidOut: number } {
  let balance = startBalance;
  let retained = 0;
  let paidOut = 0;
  const kept: { raw: Raw; before: number }[] = [];
  for (const r of raws) {
    let amount = r.amount;
    if (r.resolve === "drain-fees") amount = -balance;
    else if (r.resolve === "mirror-retained") amount = -retainedOnFees;
    else if (r.resolve === "payout") amount = balance > 0 ? -balance : 0;
    else if (r.resolve === "top-up") amount = balance < 0 ? -balance : 0;
    if (r.resolve && amount === 0) continue;
    if (r.resolve === "drain-fees" && r.entryType === "fees-retained") retained = amount;
    if (r.resolve === "payout") paidOut = -amount;
    r.amount = amount; // resolved once: each Raw belongs to exactly one day's plan
    kept.push({ raw: r, before: balance });
    balance += amount;
  }
  return { kept, balance, retained, paidOut };
}

function emptySeries(): TopicSeries {
  return { entries: [], ranges: new Map() };
}

function append(series: TopicSeries, p: LedgerProfile, date: string, kept: { raw: Raw; before: number }[]): void {
  if (kept.length === 0) return;
  const start = series.entries.length;
  for (const { raw: r, before } of kept) {
    series.entries.push({
      pspReference: r.pspReference,
      time: isoMicros(r.utcMs, r.micros),
      ledgerDate: date,
      entryType: r.entryType,
      reference: r.reference,
      currency: p.currency,
      amount: r.amount,
      balanceBefore: before,
      balanceAfter: before + r.amount,
      recipientHandle: r.recipientHandle,
      personal: r.personal,
    });
  }
  series.ranges.set(date, { start, end: series.entries.length });
}

export function generateLedger(p: LedgerProfile, options: GenerateOptions): GeneratedLedger {
  const firstDate = addDays(options.today, -options.closedDays);
  const funds = emptySeries();
  const fees = emptySeries();
  let carry: Carry = { previousCaptures: [], spilledFees: [], abortedPayout: null };
  let fundsBalance = 0;
  let feesBalance = 0;
  const openCutoff = localMidnightUtcMs(p.timeZone, options.today) + OPEN_DATE_CUTOFF_MS;

  for (let date = addDays(firstDate, -WARMUP_DAYS); date <= options.today; date = addDays(date, 1)) {
    const plan = planDay(p, options.seed, date, carry);
    const isOpen = date === options.today;
    const keep = (r: Raw): boolean => !isOpen || r.utcMs < openCutoff;
    const feeResult = chain(plan.fees.filter(keep), feesBalance, 0);
    const fundResult = chain(plan.funds.filter(keep), fundsBalance, feeResult.retained);
    feesBalance = feeResult.balance;
    fundsBalance = fundResult.balance;
    if (date >= firstDate) {
      append(funds, p, date, fundResult.kept);
      append(fees, p, date, feeResult.kept);
    }
    carry = {
      previousCaptures: plan.captures,
      spilledFees: plan.spilledFees,
      abortedPayout: plan.abortsPayout && fundResult.paidOut > 0 ? { amount: fundResult.paidOut, pspReference: plan.payoutPspReference, reference: plan.payoutReference } : null,
    };
  }
  return { ledgerId: p.ledgerId, today: options.today, firstDate, funds, fees };
}
