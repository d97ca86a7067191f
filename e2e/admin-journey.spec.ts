import { parse } from "csv-parse/sync";
import { readFileSync } from "node:fs";
import { test, expect, signInAs, signedInContext, PERSONAS, ORGS, expectNoA11yViolations, saveScreenshot } from "./fixtures";

// A1 + A4 in the browser, as Ingrid (platform admin). This journey suspends a partner and re-activates it, so it
// runs in its own project after the other journeys (playwright.config.ts).
// Several sign-ins and a download each: more than the default minute on a loaded two-core machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const KONTO = "Konto Partner ApS";

test("Ingrid filters the overview to one partner's grants with personal data, exports them and opens a grant's history", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.admin);
  await expect(page).toHaveURL(/\/admin\/access$/);
  await expect(page.getByRole("heading", { level: 1, name: "Access overview" })).toBeVisible();
  await expect(page.getByTestId("overview-row").first()).toBeVisible();
  await saveScreenshot(page, "admin-overview");

  const filters = page.getByTestId("overview-filters");
  // The partner filter searches on the server (no menu of every partner): type part of the name, choose the match.
  const partnerFilter = filters.getByRole("combobox", { name: "Partner" });
  await partnerFilter.fill("konto");
  await expect(page.getByRole("option", { name: new RegExp(KONTO) })).toBeVisible();
  await saveScreenshot(page, "admin-overview-partner-search");
  await page.getByRole("option", { name: new RegExp(KONTO) }).click();
  await expect(partnerFilter).toHaveValue(KONTO);
  await filters.getByTestId("filter-personal").check();
  await filters.getByRole("button", { name: "Apply" }).click();
  // The filters are the URL: a reload keeps them.
  await expect(page).toHaveURL(/partner=[0-9a-f-]{36}.*personal=1|personal=1.*partner=/);
  await page.reload();
  await expect(filters.getByTestId("filter-personal")).toBeChecked();
  await expect(partnerFilter).toHaveValue(KONTO);
  const rows = page.getByTestId("overview-row");
  await expect(rows.first()).toBeVisible();
  const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-grant-id")));
  expect(ids.length).toBeGreaterThan(0);
  for (const row of await rows.all()) {
    await expect(row).toContainText(KONTO);
    await expect(row).toContainText("with personal data");
  }
  // Counts follow the filters: together they are the rows listed (one page here).
  const total = await page.getByTestId("grants-by-status").locator("dd").evaluateAll((els) => els.reduce((n, el) => n + Number(el.textContent), 0));
  expect(total).toBe(ids.length);
  await expectNoA11yViolations(page, testInfo, "admin-overview-filtered");
  await saveScreenshot(page, "admin-overview-filtered");

  const download = page.waitForEvent("download");
  await page.getByTestId("overview-export").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^access-overview-\d{4}-\d{2}-\d{2}\.csv$/);
  const records = parse(readFileSync((await file.path())!, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
  expect(records.map((r) => r.grantId)).toEqual(ids);
  for (const r of records) expect(r).toMatchObject({ partner: KONTO, personalData: "true" });

  // A grant's page: its whole history from the audit trail.
  await rows.first().getByTestId("overview-grant-link").click();
  await expect(page).toHaveURL(/\/admin\/access\/grants\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 2, name: "History" }).or(page.getByText("History", { exact: true }))).toBeVisible();
  await expect(page.getByTestId("grant-history").locator("li").first()).toBeVisible();
  await expect(page.getByText(KONTO).first()).toBeVisible();
  await expectNoA11yViolations(page, testInfo, "admin-grant");
  await saveScreenshot(page, "admin-grant-history");
});

test("Ingrid suspends Tall & Balanse: its accountant gets 404 on a ledger read a minute before; re-activated, it reads again", async ({ page, browser, baseURL, consoleGuard }, testInfo) => {
  const anne = await signedInContext(browser, baseURL, PERSONAS.anne);
  consoleGuard.watch(anne.page);
  consoleGuard.allow(/the server responded with a status of 404/);
  try {
    expect((await anne.page.goto("/partner/ledgers/302101"))?.status()).toBe(200);

    await signInAs(page, PERSONAS.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
    const row = page.locator(`[data-testid=partner-row][data-org-no="${ORGS.tallBalanse.orgNo}"]`);
    await expect(row.getByTestId("partner-status")).toHaveText("Approved");
    await expectNoA11yViolations(page, testInfo, "admin-partners");
    await saveScreenshot(page, "admin-partners");

    await row.getByTestId("partner-suspend").click();
    const dialog = page.getByRole("alertdialog");
    // Too short a reason is refused with the reason why, and the dialog stays open to correct it.
    await dialog.getByTestId("suspend-reason").fill("x");
    await dialog.getByRole("button", { name: "Suspend" }).click();
    await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Say why the partner is suspended (it is shown" })).toBeVisible();
    await expect(dialog).toBeVisible();
    await expect(row.getByTestId("partner-status")).toHaveText("Approved");
    await dialog.getByTestId("suspend-reason").fill("Client money complaint under review");
    await saveScreenshot(page, "admin-partner-suspend-dialog");
    await dialog.getByRole("button", { name: "Suspend" }).click();
    await expect(page.getByText(`${ORGS.tallBalanse.name} is suspended`).first()).toBeVisible();
    await expect(row.getByTestId("partner-status")).toHaveText("Suspended");
    await expect(row).toContainText("Client money complaint under review");
    await saveScreenshot(page, "admin-partners-suspended");

    // The accountant's next look at the same ledger: not found.
    expect((await anne.page.goto("/partner/ledgers/302101"))?.status()).toBe(404);
    await saveScreenshot(anne.page, "anne-ledger-after-suspension");

    // Fjord Kaffe's admin sees it on her partners page, next to the grant.
    const kari = await signedInContext(browser, baseURL, PERSONAS.kari, ORGS.fjordKaffe.name);
    consoleGuard.watch(kari.page);
    await kari.page.goto("/merchant/partners");
    await expect(kari.page.getByTestId("sales-unit-212001").getByTestId(`grant-${ORGS.tallBalanse.orgNo}-302101`).getByTestId("partner-suspended")).toBeVisible();
    await saveScreenshot(kari.page, "kari-partner-suspended");
    await kari.context.close();

    // Its grants show "partner suspended" in the overview.
    await page.goto("/admin/access?q=987654321");
    await expect(page.getByTestId("overview-row").first()).toContainText("Partner suspended");

    await page.goto("/admin/partners?status=suspended");
    await row.getByTestId("partner-reactivate").click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Re-activate" }).click();
    await expect(page.getByText(`${ORGS.tallBalanse.name} is active again`).first()).toBeVisible();
    await page.goto("/admin/partners");
    await expect(row.getByTestId("partner-status")).toHaveText("Approved");
    expect((await anne.page.goto("/partner/ledgers/302101"))?.status()).toBe(200);
  } finally {
    await anne.context.close();
  }
});
