import { test, expect, signInAs, PERSONAS, expectNoA11yViolations, saveScreenshot } from "./fixtures";

// A3 in the browser: the platform admin reads the audit trail, verifies the hash chain and downloads it.
test("the platform admin verifies the audit trail and exports it", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.admin);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit trail" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit trail" })).toBeVisible();
  // The seed's grants are the first events of the chain.
  await expect(page.getByTestId("audit-row").filter({ hasText: "Access granted" }).first()).toBeVisible();

  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText("The chain is intact")).toBeVisible();
  await expectNoA11yViolations(page, testInfo, "audit trail");
  await saveScreenshot(page, "admin-audit");

  // Filters live in the URL; event types have human labels.
  await page.getByLabel("Event type").selectOption({ label: "Access granted" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/type=grant\.created/);
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBe(await rows.filter({ hasText: "Access granted" }).count());
  await saveScreenshot(page, "admin-audit-filtered");

  // The merchant filter searches on the server (never a menu of every merchant) and is keyboard-operable:
  // type, arrow down to the match, Enter to choose; the choice lands in the URL and survives a reload.
  const merchant = page.getByRole("combobox", { name: "Merchant" });
  await merchant.fill("fjord");
  const listbox = page.getByRole("listbox", { name: "Merchant" });
  await expect(listbox.getByRole("option", { name: /Fjord Kaffe/ })).toBeVisible();
  await saveScreenshot(page, "admin-audit-merchant-search");
  await merchant.press("ArrowDown");
  await merchant.press("ArrowUp");
  await expect(merchant).toHaveAttribute("aria-activedescendant", /.+/);
  await merchant.press("Enter");
  await expect(listbox).toBeHidden();
  await expect(merchant).toHaveValue(/Fjord Kaffe/);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/merchant=[0-9a-f-]{36}/);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Merchant" })).toHaveValue(/Fjord Kaffe/);
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText("Fjord Kaffe");
  await expectNoA11yViolations(page, testInfo, "audit trail filtered by merchant");
  await saveScreenshot(page, "admin-audit-merchant-filtered");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
});
