import { createHash, randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import type { RunningSandbox } from "@/sandbox/server";
import { db } from "@/lib/server/db";
import { todayPortalDate } from "@/lib/dates";
import { addDays } from "@/lib/ledgers/range";
import { type LedgerAccess, getPartnerLedgerAccess, getMerchantLedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { readLedgerRange } from "@/lib/server/ledgers/read-ledger-range";
import { exportResponse, redownloadResponse } from "@/lib/server/exports/export-response";
import { exportOptionsSchema, type ExportOptions } from "@/lib/exports/schemas";
import { insertSyntheticLedger } from "@/bench/synthetic-ledger";
import { ensureDemoWorld, merchantContextFor, merchantIdBySlug, partnerContextFor } from "@/tests/support/test-db";
import { dateReads, forgetCachedDates, sandboxStats, startLedgerSandbox } from "../ledgers/sandbox-support";

// P4: streamed exports from the ledger cache, with receipts (decision 021).

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startLedgerSandbox();
  await ensureDemoWorld();
}, 60_000);
const scratchLedgers: string[] = [];
afterAll(async () => {
  // Other test files push every grant to their sandbox, which refuses these made-up ledgers: leave none behind
  // (deleting a ledger removes its grant, cached dates, entries, receipts and access-log rows with it).
  await db.ledger.deleteMany({ where: { id: { in: scratchLedgers } } });
  await sandbox?.stop();
});

const EMAIL = "per@tallbalanse.example";
const FIRST = "2025-03-01";
const FUNDS_PER_DAY = 8000;
const FEES_PER_DAY = 2000;

const options = (o: Partial<Record<keyof ExportOptions, unknown>>): ExportOptions => exportOptionsSchema.parse({ format: "csv", ...o });

async function perAccess(ledgerExternalId: string): Promise<LedgerAccess> {
  const per = await partnerContextFor(EMAIL, "tall-og-balanse");
  const access = await getPartnerLedgerAccess(per, ledgerExternalId);
  if (!access) throw new Error(`Per should read ${ledgerExternalId}`);
  return access;
}

/**
 * A scratch ledger of Fjord Kaffe granted to Tall og Balanse, with `days` cached dates of synthetic entries
 * inserted in bulk (8,000 funds and 2,000 fees a day; bench/synthetic-ledger.ts), payer details included, and a
 * formula in some messages.
 */
async function scratchLedger(days: number, personalData: boolean): Promise<{ externalId: string; id: string }> {
  const per = await partnerContextFor(EMAIL, "tall-og-balanse");
  const merchantId = await merchantIdBySlug("fjord-kaffe");
  const externalId = `exp${randomInt(1_000_000_000)}`;
  const ledger = await db.ledger.create({ data: { externalId, merchantId, currency: "NOK" }, select: { id: true } });
  scratchLedgers.push(ledger.id);
  await db.ledgerGrant.create({ data: { merchantId, partnerId: per.partnerId, ledgerId: ledger.id, status: "active", includesPersonalData: personalData }, select: { id: true } });
  await insertSyntheticLedger((sql, ...params) => db.$executeRawUnsafe(sql, ...params), { ledgerId: ledger.id, first: FIRST, days, fundsPerDay: FUNDS_PER_DAY, feesPerDay: FEES_PER_DAY, personalData: true });
  return { externalId, id: ledger.id };
}

async function bytesOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}
const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** "-12.34" → -1234n, exactly. */
function decimalToMinor(text: string): bigint {
  const negative = text.startsWith("-");
  const [whole, fraction = ""] = text.replace("-", "").split(".");
  const v = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, "0"));
  return negative ? -v : v;
}

async function receiptsOf(ledgerId: string) {
  return db.exportReceipt.findMany({ where: { ledgerId }, orderBy: { createdAt: "asc" }, include: { accessEvent: true } });
}

describe("an export of 200,000 cached entries", () => {
  let ledger: { externalId: string; id: string };
  let access: LedgerAccess;
  const range = { from: FIRST, to: addDays(FIRST, 19) };
  let csv: Buffer;

  beforeAll(async () => {
    ledger = await scratchLedger(20, true);
    access = await perAccess(ledger.externalId);
    let receiptId = "";
    const res = await exportResponse(access, options({ ...range, purpose: "reconciliation" }), EMAIL, { onReceipt: (id) => (receiptId = id) });
    expect(res.status).toBe(200);
    csv = await bytesOf(res);
    expect(receiptId).not.toBe("");
  }, 180_000);

  it("has the right rows, totals equal to the ledger view's, and the receipt's SHA-256", async () => {
    const [receipt] = await receiptsOf(ledger.id);
    expect(receipt).toBeDefined();
    const text = csv.toString("utf8");
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe('\uFEFF"Ledger date","Entry time","Topic","Entry type","PSP reference","Reference","Amount","Currency","Balance before","Balance after"');
    expect(lines.length - 1).toBe(200_000);
    expect(receipt!.rowCount).toBe(200_000);
    expect(receipt!.sha256).toBe(sha(csv));
    expect(Number(receipt!.byteCount)).toBe(csv.length);

    const view = await readLedgerRange(access, range);
    expect(view.totals.funds.entries + view.totals.fees.entries).toBe(200_000);
    expect(receipt!.capturesMinor).toBe(BigInt(view.totals.funds.captures));
    expect(receipt!.refundsMinor).toBe(BigInt(view.totals.funds.refunds));
    expect(receipt!.feesMinor).toBe(BigInt(view.totals.funds.fees));
    expect(receipt!.payoutsMinor).toBe(BigInt(view.totals.funds.payouts));
    expect(receipt!.netMinor).toBe(BigInt(view.totals.funds.net));
    const totals = receipt!.totals as Record<string, Record<string, Record<string, { count: number; sumMinor: string }>>>;
    expect(BigInt(totals.NOK!.fees!["capture-fee"]!.sumMinor)).toBe(BigInt(view.totals.fees.net));
    expect(totals.NOK!.funds!.capture!.count).toBe(20 * FUNDS_PER_DAY * 0.7);

    // The file's own amounts add up to the same figures (exact decimals, currency on every row).
    let funds = 0n;
    let fees = 0n;
    for (const line of lines.slice(1)) {
      const cells = line.split(",");
      expect(cells[7]).toBe('"NOK"');
      if (cells[2] === '"funds"') funds += decimalToMinor(cells[6]!);
      else fees += decimalToMinor(cells[6]!);
    }
    expect(funds).toBe(BigInt(view.totals.funds.net));
    expect(fees).toBe(BigInt(view.totals.fees.net));

    // Its access-log row, in the same transaction: an export, with the format and the rows.
    expect(receipt!.accessEvent).toMatchObject({ action: "export", format: "csv", rowCount: 200_000, partnerId: access.reader.kind === "partner" ? access.reader.partnerId : "" });
    const audit = await db.auditEvent.findFirst({ where: { targetType: "ExportReceipt", targetId: receipt!.id } });
    expect(audit?.action).toBe("ledger.exported");
  });

  it("downloads again byte for byte, verified against the receipt", async () => {
    const [receipt] = await receiptsOf(ledger.id);
    const again = await redownloadResponse(access, receipt!.id, EMAIL);
    expect(again.status).toBe(200);
    expect(sha(await bytesOf(again))).toBe(receipt!.sha256);
  }, 120_000);

  it("refuses to serve a rebuilt file whose bytes differ from the receipt", async () => {
    const [receipt] = await receiptsOf(ledger.id);
    await db.$executeRaw`UPDATE "LedgerEntry" SET "amountMinor" = "amountMinor" + 1 WHERE "ledgerId" = ${ledger.id}::uuid AND "seq" = 5 AND "ledgerDate" = ${FIRST}::date AND "topic" = 'funds'`;
    try {
      const again = await redownloadResponse(access, receipt!.id, EMAIL);
      expect(again.status).toBe(409);
      expect(await again.text()).toMatch(/does not match this receipt/);
    } finally {
      await db.$executeRaw`UPDATE "LedgerEntry" SET "amountMinor" = "amountMinor" - 1 WHERE "ledgerId" = ${ledger.id}::uuid AND "seq" = 5 AND "ledgerDate" = ${FIRST}::date AND "topic" = 'funds'`;
    }
  }, 120_000);

  it("writes no receipt for a stream that fails half-way", async () => {
    const before = (await receiptsOf(ledger.id)).length;
    const exportsBefore = await db.ledgerAccessEvent.count({ where: { ledgerId: ledger.id, action: "export" } });
    const res = await exportResponse(access, options({ ...range }), EMAIL, { failAfterRows: 100_000 });
    expect(res.status).toBe(200);
    await expect(res.arrayBuffer()).rejects.toThrow();
    expect((await receiptsOf(ledger.id)).length).toBe(before);
    expect(await db.ledgerAccessEvent.count({ where: { ledgerId: ledger.id, action: "export" } })).toBe(exportsBefore);
  }, 120_000);
});

describe("XLSX", () => {
  it("types numbers and dates, has a header, frozen panes and totals, and downloads again byte for byte", async () => {
    const ledger = await scratchLedger(3, true);
    const access = await perAccess(ledger.externalId);
    const res = await exportResponse(access, options({ from: FIRST, to: addDays(FIRST, 2), format: "xlsx", purpose: "reconciliation", tz: "UTC" }), EMAIL);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const bytes = await bytesOf(res);
    const [receipt] = await receiptsOf(ledger.id);
    expect(receipt!.sha256).toBe(sha(bytes));
    expect(receipt!.rowCount).toBe(30_000);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getRow(1).values).toEqual([undefined, "Ledger date", "Entry time", "Topic", "Entry type", "PSP reference", "Reference", "Amount", "Currency", "Balance before", "Balance after"]);
    const first = ws.getRow(2);
    expect(first.getCell(1).value).toEqual(new Date(Date.UTC(2025, 2, 1)));
    expect(first.getCell(2).value).toBeInstanceOf(Date);
    expect(typeof first.getCell(7).value).toBe("number");
    expect(ws.rowCount).toBe(1 + 30_000 + 2);
    const fundsTotal = ws.getRow(30_002);
    expect(fundsTotal.getCell(1).value).toBe("Total fees");
    expect(fundsTotal.getCell(7).value).toBe(Number(BigInt((receipt!.totals as Record<string, Record<string, Record<string, { sumMinor: string }>>>).NOK!.fees!["capture-fee"]!.sumMinor)) / 100);
    expect(ws.getRow(30_003).getCell(1).value).toBe("Total funds");
    expect(Math.round((ws.getRow(30_003).getCell(7).value as number) * 100)).toBe(Number(receipt!.netMinor));

    await new Promise((r) => setTimeout(r, 1100)); // a later clock must not change the bytes
    const again = await redownloadResponse(access, receipt!.id, EMAIL);
    expect(again.status).toBe(200);
    expect(sha(await bytesOf(again))).toBe(receipt!.sha256);
  }, 180_000);
});

describe("personal data", () => {
  it("a grant without personal data yields no personal-data columns or values, even when asked for", async () => {
    const ledger = await scratchLedger(1, false);
    const access = await perAccess(ledger.externalId);
    expect(access.personalData).toBe(false);
    const res = await exportResponse(access, options({ from: FIRST, to: FIRST, purpose: "full", columns: "ledgerDate,amount,payerName,maskedPhoneNo,message" }), EMAIL);
    const text = (await bytesOf(res)).toString("utf8");
    expect(text.split("\r\n")[0]).toBe('\uFEFF"Ledger date","Amount","Currency"');
    expect(text).not.toMatch(/Secretname|\+47|Thanks|HYPERLINK/);
    const [receipt] = await receiptsOf(ledger.id);
    expect(receipt!.columns).toEqual(["ledgerDate", "amount", "currency"]);
  }, 60_000);

  it("a grant with personal data has them, and a formula in a message is neutralised", async () => {
    const ledger = await scratchLedger(1, true);
    const access = await perAccess(ledger.externalId);
    const res = await exportResponse(access, options({ from: FIRST, to: FIRST, purpose: "full", topics: "funds" }), EMAIL);
    const rows = parse((await bytesOf(res)).toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(FUNDS_PER_DAY);
    expect(rows[1]).toMatchObject({ "Payer name": "Payer Secretname 1", Message: "Thanks", Currency: "NOK" });
    expect(rows[0]!.Message).toBe(`'=HYPERLINK("http://x")`);
  }, 60_000);
});

describe("dates not cached and dates still changing (demo ledger 302101, through the sandbox)", () => {
  it("fetches an uncached date once, then exports from the cache", async () => {
    const date = addDays(todayPortalDate(), -4);
    await forgetCachedDates("302101", [date]);
    const access = await perAccess("302101");
    const before = await sandboxStats(sandbox);
    const first = await exportResponse(access, options({ from: date, to: date }), EMAIL);
    expect(first.status).toBe(200);
    const firstBytes = await bytesOf(first);
    const afterFirst = await sandboxStats(sandbox);
    expect(dateReads(afterFirst, "302101", "funds", date) - dateReads(before, "302101", "funds", date)).toBe(1);
    expect(dateReads(afterFirst, "302101", "fees", date) - dateReads(before, "302101", "fees", date)).toBe(1);
    const second = await exportResponse(access, options({ from: date, to: date }), EMAIL);
    expect((await bytesOf(second)).equals(firstBytes)).toBe(true);
    const afterSecond = await sandboxStats(sandbox);
    expect(dateReads(afterSecond, "302101", "funds", date)).toBe(dateReads(afterFirst, "302101", "funds", date));
  }, 60_000);

  it("refuses a period with an open date unless asked, then labels its rows and says so on the receipt", async () => {
    const today = todayPortalDate();
    const access = await perAccess("302101");
    const period = { from: addDays(today, -1), to: today };
    const refused = await exportResponse(access, options(period), EMAIL);
    expect(refused.status).toBe(409);
    expect(await refused.text()).toMatch(/still changing/);

    let receiptId = "";
    const res = await exportResponse(access, options({ ...period, includeOpen: "1" }), EMAIL, { onReceipt: (id) => (receiptId = id) });
    expect(res.status).toBe(200);
    const rows = parse((await bytesOf(res)).toString("utf8"), { bom: true, columns: true }) as Record<string, string>[];
    const receipt = await db.exportReceipt.findUniqueOrThrow({ where: { id: receiptId } });
    expect(receipt.openDates).toContain(today);
    expect(receipt.columns).toContain("status");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.Status).toBe(receipt.openDates.includes(row["Ledger date"]!) ? "still changing" : "closed");
    expect(rows.some((r) => r.Status === "still changing")).toBe(true);
  }, 60_000);
});

describe("the merchant downloads a partner's export again (M7, decision 029)", () => {
  it("gets the same bytes through its own keys; another merchant gets 404; a file with payer details is refused", async () => {
    const date = addDays(todayPortalDate(), -5);
    const per = await perAccess("302101");
    let receiptId = "";
    const first = await exportResponse(per, options({ from: date, to: date, purpose: "reconciliation" }), EMAIL, { onReceipt: (id) => (receiptId = id) });
    const bytes = await bytesOf(first);
    expect(receiptId).not.toBe("");

    const kari = await getMerchantLedgerAccess(await merchantContextFor("kari@fjordkaffe.example", "fjord-kaffe"), "212001");
    if (kari?.kind !== "ok") throw new Error("Kari should read 302101 with 212001's keys");
    const again = await redownloadResponse(kari.access, receiptId, "kari@fjordkaffe.example");
    expect(again.status).toBe(200);
    expect((await bytesOf(again)).equals(bytes)).toBe(true);
    // Recorded as the merchant's own export in its access log, with the format.
    const event = await db.ledgerAccessEvent.findFirst({ where: { userId: kari.access.reader.userId, action: "export" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ format: "csv", partnerId: null });

    // Nordlys Sport's admin, with a receipt of Fjord Kaffe's ledger: not found (not even "forbidden").
    const nils = await getMerchantLedgerAccess(await merchantContextFor("nils@nordlys.example", "nordlys-sport"), "223001");
    if (nils?.kind !== "ok") throw new Error("Nils should read his own ledger");
    expect((await redownloadResponse(nils.access, receiptId, "nils@nordlys.example")).status).toBe(404);

    // A file that had payer details stays with the partner granted them.
    await db.exportReceipt.update({ where: { id: receiptId }, data: { columns: ["ledgerDate", "amount", "currency", "payerName"] } });
    const refused = await redownloadResponse(kari.access, receiptId, "kari@fjordkaffe.example");
    expect(refused.status).toBe(409);
    expect(await refused.text()).toMatch(/payer details/);
  }, 60_000);
});
