import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import type { RunningSandbox } from "@/sandbox/server";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";
import { dateReads, sandboxStats, startLedgerSandbox } from "@/tests/integration/ledgers/sandbox-support";

// P4 voucher journal on the data layer, against the sandbox-backed ledger cache of the seeded demo world, in a
// database of this file's own (it adds a grant and changes account settings and cached entries).

let scratch: ScratchDatabase;
let sandbox: RunningSandbox;
beforeAll(async () => {
  scratch = await createScratchDatabase("journal");
  sandbox = await startLedgerSandbox();
  process.env.REPORT_API_MODE = "sandbox";
  const { ensureDemoWorld } = await import("@/tests/support/test-db");
  await ensureDemoWorld();
  // No firm reads the Finnish ledger in the demo world: let Konto Partner read it here, so EUR is covered too.
  const { db } = await import("@/lib/server/db");
  const konto = await db.accountingPartner.findUniqueOrThrow({ where: { slug: "konto-partner" } });
  const ledger = await db.ledger.findUniqueOrThrow({ where: { externalId: "502401" } });
  await db.ledgerGrant.create({ data: { merchantId: ledger.merchantId, partnerId: konto.id, ledgerId: ledger.id, status: "active" } });
  const { pushAllGrantsToSandbox } = await import("@/lib/server/sandbox-sync/push-grants-to-sandbox");
  await pushAllGrantsToSandbox(db);
}, 120_000);
afterAll(async () => {
  const { db } = await import("@/lib/server/db");
  await db.$disconnect();
  await sandbox?.stop();
  await scratch?.drop();
});

async function modules() {
  const [{ db }, dates, access, csv, accounts, read, support, postings, chart] = await Promise.all([
    import("@/lib/server/db"),
    import("@/lib/dates"),
    import("@/lib/server/ledgers/access/ledger-access"),
    import("@/lib/server/journal/journal-csv"),
    import("@/lib/server/journal/journal-accounts"),
    import("@/lib/server/ledgers/read-ledger-range"),
    import("@/tests/support/test-db"),
    import("@/lib/journal/postings"),
    import("@/lib/journal/accounts"),
  ]);
  return { db, ...dates, ...access, ...csv, ...accounts, ...read, ...support, ...postings, ...chart };
}

const per = async () => (await modules()).partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
const anne = async () => (await modules()).partnerContextFor("anne@tallbalanse.example", "tall-og-balanse");
const mads = async () => (await modules()).partnerContextFor("mads@kontopartner.example", "konto-partner");

async function accessFor(who: "per" | "mads", ledgerId: string) {
  const m = await modules();
  const a = await m.getPartnerLedgerAccess(who === "per" ? await per() : await mads(), ledgerId);
  if (!a) throw new Error(`no access to ${ledgerId}`);
  return a;
}

async function period(days: number) {
  const { todayPortalDate, shiftLedgerDate } = await modules();
  const today = todayPortalDate();
  // The day before yesterday is closed upstream whatever the time of day.
  return { from: shiftLedgerDate(today, -(days + 1)), to: shiftLedgerDate(today, -2) };
}

async function csvText(stream: ReadableStream<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks).toString("utf8");
}

type Line = Record<"date" | "voucher" | "account" | "debit" | "credit" | "currency" | "text" | "reference" | "status", string>;

describe("the journal balances for every date of the demo world's ledgers", () => {
  it.each([
    ["per", "302101", "NOK"],
    ["per", "302201", "NOK"],
    ["mads", "402301", "DKK"],
    ["mads", "502401", "EUR"],
  ] as const)("%s: ledger %s in %s", async (who, ledgerId, currency) => {
    const m = await modules();
    const access = await accessFor(who, ledgerId);
    const range = await period(28);
    const plan = await m.planJournal(access, range);
    if (!plan.ok) throw new Error(plan.message);
    expect(plan.days).toHaveLength(28);
    let booked = 0;
    for await (const v of m.journalVouchers(access, plan.days, plan.accounts)) {
      expect(v.flags, v.date).toEqual([]);
      const t = m.totals(v.postings);
      expect(t.debit, `${ledgerId} ${v.date}`).toBe(t.credit);
      booked += v.postings.length;
    }
    expect(booked).toBeGreaterThan(28);
    // The file: every line in the ledger's currency, and per voucher the debits equal the credits.
    const lines = parse(await csvText(m.journalCsvStream(access, plan)), { columns: true, bom: true }) as Line[];
    expect(new Set(lines.map((l) => l.currency))).toEqual(new Set([currency]));
    const byVoucher = new Map<string, number>();
    for (const l of lines) byVoucher.set(l.voucher, (byVoucher.get(l.voucher) ?? 0) + m.decimalToMinor(l.debit || "0") - m.decimalToMinor(l.credit || "0"));
    expect([...byVoucher.values()].every((d) => d === 0)).toBe(true);
    expect(byVoucher.size).toBe(28);
  }, 120_000);
});

describe("importing one day's journal back", () => {
  it("recomputes the date's captures, refunds, fees, payouts and net as the ledger view shows them", async () => {
    const m = await modules();
    const access = await accessFor("per", "302101");
    const range = await period(7);
    const plan = await m.planJournal(access, range);
    if (!plan.ok) throw new Error(plan.message);
    const view = await m.readLedgerRange(access, range);
    const a = m.defaultChartFor("NOK").accounts;
    const lines = parse(await csvText(m.journalCsvStream(access, plan)), { columns: true, bom: true }) as Line[];
    expect(Object.keys(lines[0]!)).toEqual(["date", "voucher", "account", "debit", "credit", "currency", "text", "reference", "status"]);
    let payoutsSeen = 0;
    for (const day of view.days) {
      const own = lines.filter((l) => l.date === day.date);
      expect(own.every((l) => l.status === "booked" && l.voucher === day.date.replaceAll("-", ""))).toBe(true);
      const amount = (l: Line) => m.decimalToMinor(l.debit || "0") - m.decimalToMinor(l.credit || "0");
      const sumOf = (pred: (l: Line) => boolean) => own.filter(pred).reduce((s, l) => s + amount(l), 0);
      const neg = (n: number) => (n === 0 ? 0 : -n);
      const funds = day.funds!;
      expect(neg(sumOf((l) => l.account === a.sales && l.text.startsWith("Captures"))), `captures ${day.date}`).toBe(funds.captures);
      expect(neg(sumOf((l) => l.account === a.refunds && l.text.startsWith("Refunds"))), `refunds ${day.date}`).toBe(funds.refunds);
      expect(neg(sumOf((l) => l.account === a.bank && l.text.startsWith("Payout"))), `payouts ${day.date}`).toBe(funds.payouts);
      expect(neg(sumOf((l) => l.account === a.feeLiability && l.text.startsWith("Fees retained"))), `fees retained ${day.date}`).toBe(funds.fees);
      expect(neg(sumOf((l) => l.account === a.fees)), `fees charged ${day.date}`).toBe(day.fees!.charged);
      expect(sumOf((l) => l.account === a.clearing), `net ${day.date}`).toBe(funds.net);
      // Each payout is its own line with the payout's reference.
      for (const l of own.filter((x) => x.account === a.bank)) {
        payoutsSeen++;
        expect(l.reference).toMatch(/^302101-/);
      }
    }
    expect(payoutsSeen).toBeGreaterThan(0);
  }, 120_000);
});

describe("a date whose checks fail", () => {
  it("is written as one flagged line with no postings, and the file name says so", async () => {
    const m = await modules();
    const access = await accessFor("per", "302101");
    const range = await period(3);
    // Fill the cache, then break one date's balance chain there.
    expect((await m.planJournal(access, range)).ok).toBe(true);
    const victim = range.to;
    const entry = await m.db.ledgerEntry.findFirstOrThrow({ where: { ledger: { externalId: "302101" }, ledgerDate: m.ledgerDateToDb(victim), topic: "funds" }, orderBy: { seq: "asc" } });
    await m.db.ledgerEntry.update({ where: { id: entry.id }, data: { amountMinor: entry.amountMinor + 1n } });
    // A closed date's figures and checks are stored once when it is cached: drop them, so they are worked out
    // again from the broken entries (as for a date cached before summaries existed).
    const dropSummary = () => m.db.ledgerDateSummary.deleteMany({ where: { ledger: { externalId: "302101" }, ledgerDate: m.ledgerDateToDb(victim) } });
    await dropSummary();
    try {
      const plan = await m.planJournal(access, range);
      if (!plan.ok) throw new Error(plan.message);
      expect(plan.flaggedDates).toEqual([victim]);
      expect(m.journalFilename("302101", range, true)).toMatch(/-FLAGGED\.csv$/);
      const lines = parse(await csvText(m.journalCsvStream(access, plan)), { columns: true, bom: true }) as Line[];
      const flagged = lines.filter((l) => l.date === victim);
      expect(flagged).toHaveLength(1);
      expect(flagged[0]).toMatchObject({ status: "flagged", account: "", debit: "", credit: "" });
      expect(flagged[0]!.text).toContain("check failed: balances-chain");
      expect(lines.filter((l) => l.date !== victim).every((l) => l.status === "booked")).toBe(true);
    } finally {
      await m.db.ledgerEntry.update({ where: { id: entry.id }, data: { amountMinor: entry.amountMinor } });
      await dropSummary();
    }
  }, 120_000);
});

describe("dates not cached yet", () => {
  it("are fetched once through the ledger service, then served from the cache", async () => {
    const m = await modules();
    const access = await accessFor("per", "302101");
    const today = m.todayPortalDate();
    const range = { from: m.shiftLedgerDate(today, -61), to: m.shiftLedgerDate(today, -60) };
    expect(dateReads(await sandboxStats(sandbox), "302101", "funds", range.from)).toBe(0);
    const first = await m.planJournal(access, range);
    expect(first.ok).toBe(true);
    expect(dateReads(await sandboxStats(sandbox), "302101", "funds", range.from)).toBe(1);
    expect(await m.db.ledgerDay.count({ where: { ledger: { externalId: "302101" }, ledgerDate: { in: [m.ledgerDateToDb(range.from), m.ledgerDateToDb(range.to)] } } })).toBe(4);
    await m.planJournal(access, range);
    const after = await sandboxStats(sandbox);
    expect(dateReads(after, "302101", "funds", range.from)).toBe(1);
    expect(dateReads(after, "302101", "fees", range.to)).toBe(1);
  }, 60_000);
});

describe("what is refused", () => {
  it("refuses open dates and dates outside the grant, naming them", async () => {
    const m = await modules();
    const access = await accessFor("per", "302201");
    const today = m.todayPortalDate();
    const open = await m.planJournal(access, { from: m.shiftLedgerDate(today, -2), to: today });
    expect(open).toMatchObject({ ok: false, status: 409 });
    if (!open.ok) expect(open.message).toContain(today);
    // Nordlys Sport granted 120 days back.
    const outside = await m.planJournal(access, { from: m.shiftLedgerDate(today, -130), to: m.shiftLedgerDate(today, -100) });
    expect(outside).toMatchObject({ ok: false, status: 400 });
  }, 60_000);
});

describe("the client's accounts", () => {
  it("starts from the currency's chart, saves an edit with an audit event, and the journal posts to it", async () => {
    const m = await modules();
    const ctx = await per();
    const fjord = await m.merchantIdBySlug("fjord-kaffe");
    const before = await m.getClientJournalAccounts(ctx, fjord);
    expect(before?.saved).toBe(false);
    expect(before?.accounts.clearing).toBe("1570");
    const edited = { ...before!.accounts, clearing: "1571", bank: "1921" };
    expect(await m.saveClientJournalAccounts(ctx, fjord, edited)).toEqual({ changed: true });
    expect(await m.saveClientJournalAccounts(ctx, fjord, edited)).toEqual({ changed: false });
    const events = await m.db.auditEvent.findMany({ where: { action: "journal.accounts.saved", merchantId: fjord } });
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toBeNull(); // the defaults applied until now
    expect(events[0]!.after).toMatchObject({ clearing: "1571", bank: "1921" });

    const access = await accessFor("per", "302101");
    const range = await period(2);
    const plan = await m.planJournal(access, range);
    if (!plan.ok) throw new Error(plan.message);
    let receiptId = "";
    const res = m.journalResponse(access, plan, range, "per@tallbalanse.example", { onReceipt: (id) => (receiptId = id) });
    const bytes = Buffer.from(await res.arrayBuffer());
    const lines = parse(bytes.toString("utf8"), { columns: true, bom: true }) as Line[];
    const accounts = new Set(lines.map((l) => l.account));
    expect(accounts.has("1571") && accounts.has("1921")).toBe(true);
    expect(accounts.has("1570")).toBe(false);
    // The download has a receipt like any export, in the same transaction as its access-log row (a CSV export).
    const receipt = await m.db.exportReceipt.findUniqueOrThrow({ where: { id: receiptId }, include: { accessEvent: true } });
    expect(receipt).toMatchObject({ kind: "journal", format: "csv", rowCount: lines.length, byteCount: BigInt(bytes.length), sha256: createHash("sha256").update(bytes).digest("hex") });
    expect(receipt.accessEvent).toMatchObject({ action: "export", format: "csv", rowCount: lines.length });
    const debit = lines.reduce((s, l) => s + m.decimalToMinor(l.debit || "0"), 0);
    expect((receipt.totals as Record<string, { journal: { debit: { sumMinor: string }; credit: { sumMinor: string } } }>).NOK!.journal).toMatchObject({ debit: { sumMinor: String(debit) }, credit: { sumMinor: String(debit) } });
    expect(await m.db.auditEvent.count({ where: { action: "ledger.journalExported", targetId: receiptId } })).toBe(1);
    // Download again: the same bytes, verified against the receipt; after the accounts change, refused.
    const { redownloadResponse } = await import("@/lib/server/exports/export-response");
    const again = await redownloadResponse(access, receiptId, "per@tallbalanse.example");
    expect(again.status).toBe(200);
    expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true);
    // The merchant downloads the partner's journal again through its own keys: the same bytes, posted to the
    // firm's accounts (not a default chart), and recorded as the merchant's own export in its access log.
    const kari = await m.getMerchantLedgerAccess(await m.merchantContextFor("kari@fjordkaffe.example", "fjord-kaffe"), "212001");
    if (kari?.kind !== "ok") throw new Error("Kari should read 302101 with 212001's keys");
    const merchantCopy = await redownloadResponse(kari.access, receiptId, "kari@fjordkaffe.example");
    expect(merchantCopy.status).toBe(200);
    expect(Buffer.from(await merchantCopy.arrayBuffer()).equals(bytes)).toBe(true);
    expect(await m.db.ledgerAccessEvent.findFirst({ where: { userId: kari.access.reader.userId, action: "export" }, orderBy: { id: "desc" } })).toMatchObject({ format: "csv", partnerId: null });
    expect(await m.saveClientJournalAccounts(await per(), fjord, { ...m.defaultChartFor("NOK").accounts, clearing: "1572" })).toEqual({ changed: true });
    const changed = await redownloadResponse(access, receiptId, "per@tallbalanse.example");
    expect(changed.status).toBe(409);
  }, 60_000);

  it("lets an accountant edit only assigned clients, and no firm another firm's client", async () => {
    const m = await modules();
    const fjord = await m.merchantIdBySlug("fjord-kaffe");
    const nordlys = await m.merchantIdBySlug("nordlys-sport");
    const a = m.defaultChartFor("NOK").accounts;
    expect(await m.saveClientJournalAccounts(await anne(), fjord, { ...a, sales: "3001" })).toEqual({ changed: true });
    await expect(m.saveClientJournalAccounts(await anne(), nordlys, a)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(m.saveClientJournalAccounts(await mads(), fjord, a)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await m.getClientJournalAccounts(await mads(), fjord)).toBeNull();
    expect(await m.getClientJournalAccounts(await per(), "not-a-uuid")).toBeNull();
    // Konto Partner's own settings for the Danish bakery start from the Danish chart.
    const hygge = await m.merchantIdBySlug("hygge-bageri");
    expect((await m.getClientJournalAccounts(await mads(), hygge))?.chart.id).toBe("DK-STANDARD");
  }, 60_000);
});

describe("each ledger's dates are in its own country's zone (decision 039)", () => {
  it("at an hour when Oslo and Helsinki disagree, the Finnish ledger's today is Helsinki's and the Norwegian one's Oslo's", async () => {
    const m = await modules();
    const fi = await accessFor("mads", "502401");
    const no = await accessFor("per", "302101");
    expect(fi.ledger.timeZone).toBe("Europe/Helsinki");
    expect(no.ledger.timeZone).toBe("Europe/Oslo");
    // Half past midnight in Helsinki, half past eleven in Oslo (21:30 UTC in summer, 22:30 UTC in winter), yesterday.
    const d = m.shiftLedgerDate(m.todayPortalDate(), -1);
    const at = ["21:30", "22:30"].map((h) => new Date(`${d}T${h}:00Z`)).find((t) => m.todayLedgerDate(t, "Europe/Helsinki") !== m.todayLedgerDate(t, "Europe/Oslo"))!;
    const helsinki = m.todayLedgerDate(at, "Europe/Helsinki");
    expect(helsinki).toBe(m.shiftLedgerDate(m.todayLedgerDate(at, "Europe/Oslo"), 1));
    const range = (today: string) => ({ from: m.shiftLedgerDate(today, -3), to: m.shiftLedgerDate(today, -2) });
    const fiView = await m.readLedgerRange(fi, range(helsinki), { now: at });
    expect(fiView).toMatchObject({ today: helsinki, timeZone: "Europe/Helsinki", bounds: { to: helsinki } });
    const noView = await m.readLedgerRange(no, range(d), { now: at });
    expect(noView).toMatchObject({ today: d, timeZone: "Europe/Oslo" });
    expect(noView.bounds.to <= d).toBe(true);
  }, 60_000);
});
