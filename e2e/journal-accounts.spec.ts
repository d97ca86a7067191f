import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { test, expect, signInAs, PERSONAS, ORGS, expectNoA11yViolations, saveScreenshot } from "./fixtures";

// P4 voucher journal in the browser: Per (owner, Tall & Balanse) sets Fjord Kaffe's settlement account, then
// downloads last month's journal of ledger 302101. It changes the world (the client's accounts): a journey.

function lastMonth(): { from: string; to: string } {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
  const firstOfThis = new Date(`${today.slice(0, 8)}01T12:00:00Z`);
  const end = new Date(firstOfThis);
  end.setUTCDate(0);
  const to = end.toISOString().slice(0, 10);
  return { from: `${to.slice(0, 8)}01`, to };
}

test("Per sets a client's settlement account and downloads a month's balanced journal", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signInAs(page, PERSONAS.per);
  await page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`).getByRole("link", { name: ORGS.fjordKaffe.name, exact: true }).click();
  await page.getByRole("link", { name: "Journal accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Journal accounts" })).toBeVisible();
  await expect(page.getByTestId("journal-accounts-state")).toHaveText("Not saved yet: the defaults apply.");
  const clearing = page.getByLabel("Settlement account (Vipps MobilePay)");
  await expect(clearing).toHaveValue("1570");
  await expect(page.getByLabel("Bank")).toHaveValue("1920");

  // A formula is refused next to the field; a plain account number is saved.
  await clearing.fill("=1+1");
  await page.getByRole("button", { name: "Save accounts" }).click();
  await expect(page.getByText("Use letters, digits and dots only, starting with a letter or digit.")).toBeVisible();
  await clearing.fill("1571");
  await page.getByRole("button", { name: "Save accounts" }).click();
  await expect(page.getByText("Accounts saved.")).toBeVisible();
  await expect(page.getByTestId("journal-accounts-state")).toContainText("Last saved");
  await expectNoA11yViolations(page, testInfo, "journal accounts");
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, "journal-accounts");

  // Last month of the ledger, all closed: the view reads (and caches) it, the link downloads its journal.
  const month = lastMonth();
  await page.goto(`/partner/ledgers/302101?from=${month.from}&to=${month.to}`);
  await expect(page.getByTestId(`day-${month.to}`)).toBeVisible({ timeout: 60_000 });
  const link = page.getByTestId("journal-download");
  await expect(page.getByText("Balanced postings per ledger date, for closed dates only.")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, "journal-download");
  await expect(link).toHaveAttribute("data-href", `/partner/journal?ledger=302101&from=${month.from}&to=${month.to}`);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`journal-302101-${month.from}-${month.to}.csv`);
  const text = readFileSync((await download.path())!, "utf8");
  const rows = parse(text, { bom: true }) as string[][];
  expect(rows[0]).toEqual(["date", "voucher", "account", "debit", "credit", "currency", "text", "reference", "status"]);
  const lines = rows.slice(1);
  expect(lines.length).toBeGreaterThan(31);
  const cents = (s: string) => (s === "" ? 0 : Math.round(Number(s) * 100));
  const byVoucher = new Map<string, { debit: number; credit: number }>();
  for (const [, voucher, , debit, credit, currency, , , status] of lines) {
    expect(currency).toBe("NOK");
    expect(status).toBe("booked");
    const v = byVoucher.get(voucher!) ?? { debit: 0, credit: 0 };
    v.debit += cents(debit!);
    v.credit += cents(credit!);
    byVoucher.set(voucher!, v);
  }
  const days = Number(month.to.slice(8, 10));
  expect(byVoucher.size).toBe(days);
  for (const [voucher, v] of byVoucher) expect(v.debit, `voucher ${voucher}`).toBe(v.credit);
  // The saved settlement account is the one posted to.
  expect(lines.some((l) => l[2] === "1571")).toBe(true);
  expect(lines.some((l) => l[2] === "1570")).toBe(false);
});
