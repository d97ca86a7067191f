import { test, expect, signInAs, PERSONAS, ORGS, expectNoA11yViolations, saveScreenshot } from "./fixtures";

// M6 in the browser: a sales unit's own keys read its ledger, except where the ledger settles several sales units
// (Fjord Kaffe Bryggen 212003/212004 share 302103): there the page explains the rule instead of failing.

test("Kari sees the plain denial on the shared ledger of sales unit 212003", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await page.getByRole("link", { name: "Ledger", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ledger" })).toBeVisible();
  await expect(page.getByTestId("ledger-unit-212003")).toHaveAttribute("data-status", "shared");
  await page.getByRole("link", { name: "Open the ledger of Fjord Kaffe Bryggen", exact: true }).click();
  await expect(page).toHaveURL(/\/merchant\/ledger\/212003$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fjord Kaffe Bryggen" })).toBeVisible();
  const denial = page.getByTestId("ledger-denial");
  await expect(denial.getByRole("heading", { name: "This ledger cannot be read with Fjord Kaffe Bryggen's own keys" })).toBeVisible();
  await expect(denial).toContainText("Ledger 302103 settles 2 sales units");
  await expect(denial).toContainText("Vipps MobilePay only lets a sales unit's own API keys read its ledger when that ledger settles that one sales unit");
  await expect(denial.getByRole("link", { name: "Go to accounting partners" })).toHaveAttribute("href", "/merchant/partners");
  await expectNoA11yViolations(page, testInfo, "merchant ledger denial");
  await saveScreenshot(page, "ledger-merchant-denial");
});

test("Kari reads the single-sales-unit ledger of 212001 with its own keys", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  const response = await page.goto("/merchant/ledger/212001");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Fjord Kaffe Grünerløkka" })).toBeVisible();
  await expect(page.getByTestId("ledger-stats")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("complete-through")).toBeVisible();
  await expectNoA11yViolations(page, testInfo, "merchant ledger");
  await saveScreenshot(page, "ledger-merchant-view");
});

test("another merchant, a manager outside her scope and a malformed MSN get 404", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/the server responded with a status of 404/);
  await signInAs(page, PERSONAS.nils);
  expect((await page.goto("/merchant/ledger/212001"))?.status()).toBe(404);
  expect(await page.content()).not.toContain("Grünerløkka");
  await page.context().clearCookies();
  await signInAs(page, PERSONAS.mona);
  expect((await page.goto("/merchant/ledger/212003"))?.status()).toBe(404);
  expect((await page.goto("/merchant/ledger/212001"))?.status()).toBe(200);
  expect((await page.goto("/merchant/ledger/not-an-msn"))?.status()).toBe(404);
  await page.context().clearCookies();
  await signInAs(page, PERSONAS.per);
  expect((await page.goto("/merchant/ledger/212001"))?.status()).toBe(404);
  expect((await page.goto("/merchant/keys"))?.status()).toBe(404);
});
