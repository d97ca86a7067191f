import type { Topic } from "@/lib/report-api/types";
import type { AccountRole, JournalAccounts } from "@/lib/journal/accounts";

/**
 * The posting rules of the voucher journal (P4), pure. One voucher per ledger date. The settlement ledger has two
 * running balances and each gets its own account, so the books mirror the report exactly:
 *
 *   funds topic → the clearing account (Vipps MobilePay owes the merchant: a receivable, debit balance)
 *   fees topic  → the fee-liability account (fees charged, not yet settled: a credit balance)
 *
 * Every entry moves its topic's account by its signed amount (docs/report-api.md §4.3: book by the amount, never
 * by the type's usual sign) against one counter account chosen by the entry type. Entries of one type are summed
 * per date (a day of 400 captures is one line); each payout stays its own line with its own reference, because it
 * matches one bank transaction. A positive sum debits the topic account and credits the counter account, a
 * negative sum the reverse, so every pair is equal and every voucher balances in integer minor units by
 * construction. The one pair that appears on both topics, `fees-retained`, is booked once from the funds side
 * (fee liability ← clearing); the fees-side half must be its mirror image or the date is flagged.
 */

export interface JournalEntry {
  topic: Topic;
  seq: number;
  entryType: string;
  pspReference: string;
  reference: string | null;
  /** Signed, minor units. */
  amount: number;
}

export interface Posting {
  account: string;
  /** Minor units, >= 0; exactly one of debit and credit is non-zero. */
  debit: number;
  credit: number;
  text: string;
  reference: string;
}

export type JournalFlag =
  | { code: "checkFailed"; check: string }
  | { code: "feesRetainedMismatch"; funds: number; fees: number }
  | { code: "notClosed"; state: string };

export interface Voucher {
  date: string;
  voucher: string;
  /** Empty when the date is flagged: a flagged date is never booked. */
  postings: Posting[];
  flags: JournalFlag[];
}

interface Rule {
  counter: AccountRole;
  /** How the line reads, before " <ledger> <date>". */
  label: string;
  /** One line per entry (payouts) instead of one per type and date. */
  perEntry?: boolean;
  /** Booked from the other topic's half of the pair. */
  skip?: boolean;
}

const FUNDS_RULES: Readonly<Record<string, Rule>> = {
  capture: { counter: "sales", label: "Captures" },
  refund: { counter: "refunds", label: "Refunds" },
  "fees-retained": { counter: "feeLiability", label: "Fees retained" },
  "payout-scheduled": { counter: "bank", label: "Payout", perEntry: true },
  "scheduled-for-payout": { counter: "bank", label: "Payout", perEntry: true },
  "payout-aborted": { counter: "bank", label: "Payout aborted", perEntry: true },
  "top-up": { counter: "bank", label: "Top-up" },
  "retained-disputed-capture": { counter: "suspense", label: "Disputed captures retained" },
  "returned-disputed-capture": { counter: "suspense", label: "Disputed captures returned" },
};

const FEES_RULES: Readonly<Record<string, Rule>> = {
  "capture-fee": { counter: "fees", label: "Capture fees" },
  "service-fee": { counter: "fees", label: "Service fees" },
  "credit-note": { counter: "fees", label: "Fee credit notes" },
  "fees-invoiced": { counter: "feesPayable", label: "Fees invoiced" },
  "fees-retained": { counter: "feeLiability", label: "Fees retained", skip: true },
};

/** The rule for an entry; a type this code does not know (or a correction) goes to suspense for review. */
export function ruleFor(topic: Topic, entryType: string): Rule {
  const table = topic === "funds" ? FUNDS_RULES : FEES_RULES;
  // Own properties only: an entry type named "constructor" is just an unknown type.
  if (Object.hasOwn(table, entryType)) return table[entryType]!;
  return { counter: "suspense", label: `Review: ${entryType} (${topic})` };
}

const topicAccount = (topic: Topic): AccountRole => (topic === "funds" ? "clearing" : "feeLiability");

/** A ledger date as a voucher number: 2026-11-03 → "20261103" (unique per date, the same on every download). */
export function voucherNumber(date: string): string {
  return date.replaceAll("-", "");
}

/** The date's own reference: the ledger and the date, e.g. "302101-2026-11-03". */
export function dateReference(ledgerExternalId: string, date: string): string {
  return `${ledgerExternalId}-${date}`;
}

function pair(accounts: JournalAccounts, topic: Topic, counter: AccountRole, amount: number, text: string, reference: string): Posting[] {
  if (amount === 0) return [];
  const own = accounts[topicAccount(topic)];
  const other = accounts[counter];
  // The same account on both sides moves nothing: leave the pair out rather than book noise.
  if (own === other) return [];
  const abs = Math.abs(amount);
  return amount > 0
    ? [{ account: own, debit: abs, credit: 0, text, reference }, { account: other, debit: 0, credit: abs, text, reference }]
    : [{ account: other, debit: abs, credit: 0, text, reference }, { account: own, debit: 0, credit: abs, text, reference }];
}

export interface VoucherInput {
  ledgerExternalId: string;
  date: string;
  /** The ledger view's state of the date; only "closed" dates are booked. */
  state: string;
  /** Kinds of the day's checks that failed (lib/ledgers/day-summary.ts). */
  failedChecks: readonly string[];
  /** Both topics' entries of the date, in ledger order. */
  entries: readonly JournalEntry[];
  accounts: JournalAccounts;
}

/** The voucher of one ledger date: its postings, or its flags and no postings. */
export function buildVoucher(input: VoucherInput): Voucher {
  const { ledgerExternalId, date, entries, accounts } = input;
  const flags: JournalFlag[] = input.failedChecks.map((check) => ({ code: "checkFailed", check }));
  if (input.state !== "closed") flags.push({ code: "notClosed", state: input.state });
  const sum = (topic: Topic, type: string) => entries.reduce((s, e) => (e.topic === topic && e.entryType === type ? s + e.amount : s), 0);
  const retainedFunds = sum("funds", "fees-retained");
  const retainedFees = sum("fees", "fees-retained");
  if (retainedFunds + retainedFees !== 0) flags.push({ code: "feesRetainedMismatch", funds: retainedFunds, fees: retainedFees });
  const voucher = voucherNumber(date);
  if (flags.length > 0) return { date, voucher, postings: [], flags };

  const dateRef = dateReference(ledgerExternalId, date);
  const postings: Posting[] = [];
  // Sums per (topic, type), in the order each type first appears; payouts in their own order.
  const groups = new Map<string, { topic: Topic; rule: Rule; amount: number; count: number }>();
  for (const e of entries) {
    const rule = ruleFor(e.topic, e.entryType);
    if (rule.skip) continue;
    if (rule.perEntry) {
      const ref = e.pspReference || dateRef;
      const bankText = e.reference ? ` (${e.reference})` : "";
      postings.push(...pair(accounts, e.topic, rule.counter, e.amount, `${rule.label} ${ref}${bankText}`, ref));
      continue;
    }
    const key = `${e.topic}|${e.entryType}`;
    const g = groups.get(key) ?? { topic: e.topic, rule, amount: 0, count: 0 };
    g.amount += e.amount;
    g.count += 1;
    groups.set(key, g);
  }
  const grouped: Posting[] = [];
  for (const g of groups.values()) {
    grouped.push(...pair(accounts, g.topic, g.rule.counter, g.amount, `${g.rule.label} ${ledgerExternalId} ${date} (${g.count})`, dateRef));
  }
  // Sales and fees first, payouts last: the order an accountant reads a settlement in.
  return { date, voucher, postings: [...grouped, ...postings], flags };
}

/** Sum of debits and sum of credits of some postings (minor units). */
export function totals(postings: readonly Posting[]): { debit: number; credit: number } {
  let debit = 0;
  let credit = 0;
  for (const p of postings) {
    debit += p.debit;
    credit += p.credit;
  }
  return { debit, credit };
}

/** Why a date was not booked, in one line of the file. */
export function flagText(flags: readonly JournalFlag[]): string {
  return flags
    .map((f) =>
      f.code === "checkFailed"
        ? `check failed: ${f.check}`
        : f.code === "notClosed"
          ? `date is ${f.state}`
          : `fees-retained does not pair (funds ${f.funds}, fees ${f.fees})`,
    )
    .join("; ");
}

/** The journal file's columns, one posting per line. */
export const JOURNAL_HEADER = ["date", "voucher", "account", "debit", "credit", "currency", "text", "reference", "status"] as const;

/** Minor units as a plain decimal with two places ("1234.50"), exactly: integer arithmetic, never a float. */
export function minorToDecimal(minor: number, exponent = 2): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError("Amount outside the safe integer range");
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  const unit = 10 ** exponent;
  return `${sign}${Math.trunc(abs / unit)}.${String(abs % unit).padStart(exponent, "0")}`;
}

/** Decimal text back to minor units, exactly (for the import check in the tests and for readers of the file). */
export function decimalToMinor(text: string, exponent = 2): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new RangeError(`Not a decimal amount: ${text}`);
  const frac = (m[3] ?? "").padEnd(exponent, "0");
  if (frac.length > exponent) throw new RangeError(`Too many decimals: ${text}`);
  const value = Number(m[2]) * 10 ** exponent + Number(frac || "0");
  return m[1] === "-" ? -value : value;
}

/** The lines of one voucher in the file's column order: its postings, or one "not booked" line. */
export function voucherRows(v: Voucher, currency: string, ledgerExternalId: string): string[][] {
  if (v.flags.length > 0) {
    return [[v.date, v.voucher, "", "", "", currency, `NOT BOOKED ${ledgerExternalId} ${v.date}: ${flagText(v.flags)}`, dateReference(ledgerExternalId, v.date), "flagged"]];
  }
  return v.postings.map((p) => [v.date, v.voucher, p.account, p.debit ? minorToDecimal(p.debit) : "", p.credit ? minorToDecimal(p.credit) : "", currency, p.text, p.reference, "booked"]);
}
