import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Download, Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { test, expect, signInAs, signedInContext, PERSONAS, ORGS, expectNoA11yViolations, saveScreenshot } from "./fixtures";

// P4 in the browser: Per exports a month of Fjord Kaffe's ledger 302101 as CSV and XLSX, sees the receipts and
// downloads one again (the same bytes); Kari sees the exports in her access log; Anne exports only her assigned
// client's ledger; another tenant's ledger or receipt is a 404.

function osloToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
}
function lastMonth(): { from: string; to: string } {
  const today = osloToday();
  const end = new Date(Date.parse(`${today.slice(0, 8)}01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { from: `${end.slice(0, 8)}01`, to: end };
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");
const toMinor = (text: string) => {
  const negative = text.startsWith("-");
  const [w, f = ""] = text.replace("-", "").split(".");
  const v = Number(w) * 100 + Number(f.padEnd(2, "0"));
  return negative ? -v : v;
};

async function exportWith(page: Page, options: { format: "csv" | "xlsx"; topics: "both" | "funds"; purpose: "bookkeeping" | "reconciliation" }): Promise<Buffer> {
  const { from, to } = lastMonth();
  await page.getByTestId("export-open").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("From", { exact: true }).fill(from);
  await dialog.getByLabel("To", { exact: true }).fill(to);
  await dialog.getByLabel("Format").selectOption(options.format);
  await dialog.getByLabel("Entries").selectOption(options.topics);
  await dialog.getByLabel("Purpose").selectOption(options.purpose);
  const downloaded = page.waitForEvent("download", { timeout: 90_000 });
  await dialog.getByTestId("export-submit").click();
  const download: Download = await downloaded;
  await expect(dialog.getByTestId("export-done")).toBeVisible();
  expect(download.suggestedFilename()).toBe(`ledger-302101-${from}-to-${to}.${options.format}`);
  const bytes = readFileSync((await download.path())!);
  await page.keyboard.press("Escape");
  return bytes;
}

test("Per exports a month as CSV and XLSX, sees the receipts and downloads one again", async ({ page, consoleGuard }, testInfo) => {
  test.setTimeout(180_000);
  // The refusals below (a rebuilt file that no longer matches, a journal of dates still open) answer 409.
  consoleGuard.allow(/status of 409/);
  await signInAs(page, PERSONAS.per);
  const { from, to } = lastMonth();
  await page.goto(`/partner/ledgers/302101?from=${from}&to=${to}`);
  await expect(page.getByTestId("ledger-stats")).toBeVisible({ timeout: 60_000 });
  const viewNet = Number(await page.getByTestId("stat-net").getAttribute("data-minor"));
  // Receipts listed before (the journal journeys download this ledger's journal earlier in the run).
  const receipts = page.getByTestId("export-receipt");
  const before = await receipts.count();

  // CSV, funds only, bookkeeping columns: the file's amounts add up to the ledger view's net for the month.
  await page.getByTestId("export-open").click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoA11yViolations(page, testInfo, "export dialog");
  await saveScreenshot(page, "exports-dialog");
  await page.keyboard.press("Escape");
  const csv = (await exportWith(page, { format: "csv", topics: "funds", purpose: "bookkeeping" })).toString("utf8");
  const lines = csv.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean);
  expect(lines[0]).toBe('"Ledger date","Entry type","PSP reference","Reference","Amount","Currency"');
  const rows = lines.slice(1).map((l) => l.split(","));
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r[5]).toBe('"NOK"');
    expect(r[0]! >= `"${from}"` && r[0]! <= `"${to}"`).toBe(true);
  }
  expect(rows.reduce((s, r) => s + toMinor(r[4]!), 0)).toBe(viewNet);

  await expect(receipts).toHaveCount(before + 1);
  const csvReceipt = receipts.first();
  await expect(csvReceipt.getByTestId("receipt-format")).toHaveText("CSV");
  await expect(csvReceipt.getByTestId("receipt-rows")).toHaveText(rows.length.toLocaleString("en-GB"));
  expect(Number(await csvReceipt.getByTestId("receipt-net").getAttribute("data-minor"))).toBe(viewNet);
  expect(await csvReceipt.getByTestId("receipt-sha256").getAttribute("data-sha256")).toBe(sha256(Buffer.from(csv, "utf8")));

  // XLSX, funds and fees, reconciliation columns: typed cells, frozen header, totals rows.
  const xlsx = await exportWith(page, { format: "xlsx", topics: "both", purpose: "reconciliation" });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  expect(ws.getRow(1).values).toEqual([undefined, "Ledger date", "Entry time", "Topic", "Entry type", "PSP reference", "Reference", "Amount", "Currency", "Balance before", "Balance after"]);
  expect(ws.getRow(2).getCell(1).value).toBeInstanceOf(Date);
  expect(typeof ws.getRow(2).getCell(7).value).toBe("number");
  const last = ws.getRow(ws.rowCount);
  expect(last.getCell(1).value).toBe("Total funds");
  expect(Math.round((last.getCell(7).value as number) * 100)).toBe(viewNet);
  await expect(receipts).toHaveCount(before + 2);
  const xlsxReceipt = receipts.first();
  await expect(xlsxReceipt.getByTestId("receipt-format")).toHaveText("XLSX");
  await expect(xlsxReceipt.getByTestId("receipt-rows")).toHaveText((ws.rowCount - 3).toLocaleString("en-GB"));
  const xlsxHash = await xlsxReceipt.getByTestId("receipt-sha256").getAttribute("data-sha256");
  expect(xlsxHash).toBe(sha256(xlsx));
  await saveScreenshot(page, "exports-receipts");

  // Download again: rebuilt from the cache, the same bytes as the receipt says.
  const again = page.waitForEvent("download");
  await xlsxReceipt.getByTestId("receipt-download-again").click();
  const againBytes = readFileSync((await (await again).path())!);
  expect(sha256(againBytes)).toBe(xlsxHash);
  await expect(xlsxReceipt.getByTestId("receipt-download-again-done")).toBeVisible();

  // A refusal (here the server's answer when the rebuilt file no longer matches) is shown, never saved as a file.
  let saved = false;
  page.on("download", () => (saved = true));
  await page.route("**/partner/exports/*", (route) =>
    route.fulfill({ status: 409, contentType: "text/plain; charset=utf-8", body: "The rebuilt file does not match this receipt. Nothing was served; export the period again." }),
  );
  await csvReceipt.getByTestId("receipt-download-again").click();
  await expect(csvReceipt.getByTestId("receipt-download-again-error")).toContainText("does not match this receipt");
  await page.unroute("**/partner/exports/*");
  expect(saved).toBe(false);

  // The voucher journal of the same month from the dialog's "Other formats": saved, and its receipt listed too.
  await page.getByTestId("export-open").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("From", { exact: true }).fill(from);
  await dialog.getByLabel("To", { exact: true }).fill(to);
  const journal = page.waitForEvent("download", { timeout: 90_000 });
  await dialog.getByTestId("export-journal").click();
  const journalFile = await journal;
  expect(journalFile.suggestedFilename()).toBe(`journal-302101-${from}-${to}.csv`);
  const journalBytes = readFileSync((await journalFile.path())!);
  expect(journalBytes.toString("utf8").replace(/^\uFEFF/, "").split("\r\n")[0]).toBe('"date","voucher","account","debit","credit","currency","text","reference","status"');
  await expect(dialog.getByTestId("export-done")).toBeVisible();
  // A period that ends today is still changing: the journal is refused, and the dialog says so (nothing saved).
  saved = false;
  await dialog.getByLabel("To", { exact: true }).fill(osloToday());
  await dialog.getByTestId("export-journal").click();
  await expect(dialog.getByTestId("export-error")).toContainText("Only closed ledger dates are booked");
  expect(saved).toBe(false);
  await page.keyboard.press("Escape");
  await expect(receipts).toHaveCount(before + 3);
  const journalReceipt = receipts.first();
  await expect(journalReceipt.getByTestId("receipt-kind")).toHaveAttribute("data-kind", "journal");
  expect(await journalReceipt.getByTestId("receipt-sha256").getAttribute("data-sha256")).toBe(sha256(journalBytes));
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await saveScreenshot(page, "exports-receipts-journal");
});

test("Kari sees Per's exports in her access log, with their format", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await page.goto("/merchant/access-log?action=export");
  const events = page.getByTestId("access-event");
  await expect(events.filter({ hasText: "Export CSV" }).first()).toBeVisible();
  await expect(events.filter({ hasText: "Export XLSX" }).first()).toBeVisible();
  // Each export's row carries its receipt (a "download again" row is an export of the same receipt, without one).
  const perCsv = events.filter({ hasText: "Per Olsen" }).filter({ hasText: "Export CSV" }).filter({ has: page.locator("[data-kind=entries]") }).first();
  await expect(perCsv.getByTestId("access-event-receipt")).toBeVisible();
  await expect(events.filter({ hasText: "Per Olsen" }).locator("[data-testid=access-event-receipt][data-kind=journal]").first()).toBeVisible();
  await expectNoA11yViolations(page, testInfo, "access log with exports");
  await saveScreenshot(page, "exports-access-log");

  // Download again from the access log: the file Per took, rebuilt through Fjord Kaffe's own keys, the same bytes.
  const hash = await perCsv.getByTestId("access-event-receipt").getAttribute("data-sha256");
  const again = page.waitForEvent("download");
  await perCsv.getByTestId("receipt-download-again").click();
  expect(sha256(readFileSync((await (await again).path())!))).toBe(hash);
  await expect(perCsv.getByTestId("receipt-download-again-done")).toBeVisible();
  await saveScreenshot(page, "exports-access-log-download-again");
});

test("Anne exports only her assigned client's ledger; other tenants' ledgers and receipts are 404", async ({ page, browser, baseURL, consoleGuard }) => {
  consoleGuard.allow(/the server responded with a status of 404/);
  const { from, to } = lastMonth();
  const query = `from=${from}&to=${to}&format=csv&topics=funds`;
  await signInAs(page, PERSONAS.anne);
  const own = await page.request.get(`/partner/ledgers/302101/export?${query}`);
  expect(own.status()).toBe(200);
  expect((await own.text()).split("\r\n")[0]).toContain("Ledger date");
  // Nordlys Sport is a client of her firm, but not assigned to her.
  expect((await page.request.get(`/partner/ledgers/302201/export?${query}`)).status()).toBe(404);
  expect((await page.goto("/partner/ledgers/302201"))?.status()).toBe(404);

  // Per: Hygge Bageri's ledger is granted to another firm; a receipt id that is not his firm's is not found.
  const per = await signedInContext(browser, baseURL, PERSONAS.per);
  expect((await per.page.request.get(`/partner/ledgers/402301/export?${query}`)).status()).toBe(404);
  expect((await per.page.request.get(`/partner/exports/${randomUUID()}`)).status()).toBe(404);
  await per.context.close();

  // Kari, acting for Fjord Kaffe: Nordlys Sport's sales unit is another tenant's (even though she is a viewer there).
  const kari = await signedInContext(browser, baseURL, PERSONAS.kari, ORGS.fjordKaffe.name);
  expect((await kari.page.request.get(`/merchant/ledger/223001/export?${query}`)).status()).toBe(404);
  expect((await kari.page.request.get(`/merchant/ledger/212001/export?${query}`)).status()).toBe(200);
  expect((await kari.page.request.get(`/merchant/exports/${randomUUID()}`)).status()).toBe(404);
  // A receipt of Fjord Kaffe's ledger, asked for by Nordlys Sport's admin: not found.
  await kari.page.goto("/merchant/access-log?action=export");
  const receiptHref = await kari.page.getByTestId("receipt-download-again").first().getAttribute("data-href");
  expect(receiptHref).toMatch(/^\/merchant\/exports\/[0-9a-f-]{36}$/);
  await kari.context.close();
  const nils = await signedInContext(browser, baseURL, PERSONAS.nils, ORGS.nordlysSport.name);
  expect((await nils.page.request.get(receiptHref!)).status()).toBe(404);
  await nils.context.close();
});
