import type { Page } from "@playwright/test";
import { test, expect, signInAs, signedInContext, expectNoA11yViolations, saveScreenshot, hrefOf, PERSONAS, ORGS } from "./fixtures";

// M2 + M3 as people do them: Kari (Fjord Kaffe admin) adds Konto Partner ApS for two of her three ledgers,
// Mads (Konto Partner) sees exactly those two; Kari revokes one and Mads gets a 404 on it at once.
test.describe.configure({ mode: "serial" });

const KONTO = { name: "Konto Partner ApS", orgNo: "41234567" };

async function openAddPartner(page: Page) {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await page.getByRole("link", { name: "Add accounting partner" }).click();
  await expect(page).toHaveURL(/\/merchant\/partners\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "Add an accounting partner" })).toBeVisible();
}

test("the form refuses bad input with plain words and grants nothing", async ({ page }) => {
  await openAddPartner(page);
  await page.getByRole("button", { name: "Grant access" }).click();
  await expect(page.getByText("Choose an accounting partner.")).toBeVisible();
  await expect(page.getByText("Choose at least one ledger.")).toBeVisible();

  await page.getByRole("radio", { name: new RegExp(KONTO.name) }).check();
  await page.getByRole("checkbox", { name: /Ledger 302102/ }).check();
  await page.getByLabel("From ledger date").fill("2026-03-10");
  await page.getByLabel("To ledger date").fill("2026-03-01");
  await page.getByRole("button", { name: "Grant access" }).click();
  await expect(page.getByText("The end of the period must be on or after its start.")).toBeVisible();
  await expect(page.getByText("Confirm the consent text to grant access.")).toBeVisible();
  await expect(page).toHaveURL(/\/merchant\/partners\/new$/);

  await page.goto("/merchant/partners");
  await expect(page.getByTestId("sales-unit-212002")).toContainText("No accounting partner");
});

test("Kari adds Konto Partner ApS for 302101 and 302102; Mads sees exactly those two", async ({ page, browser, baseURL }, testInfo) => {
  await openAddPartner(page);
  // Search the directory by organisation number, then choose.
  await page.getByRole("searchbox", { name: "Search partners" }).fill(KONTO.orgNo);
  await expect(page.getByRole("radio")).toHaveCount(1);
  await page.getByRole("radio", { name: new RegExp(KONTO.name) }).check();

  // The picker tells similar units apart and says which ledger settles several sales units.
  await expect(page.getByTestId("ledger-option-302101")).toContainText("Fjord Kaffe Grünerløkka · MSN 212001");
  await expect(page.getByTestId("ledger-option-302102")).toContainText("Fjord Kaffe Grünerløkka Nettbutikk · MSN 212002");
  await expect(page.getByTestId("ledger-option-302103")).toContainText("Settles 2 sales units");
  await page.getByRole("checkbox", { name: /Ledger 302101/ }).check();
  await page.getByRole("checkbox", { name: /Ledger 302102/ }).check();

  // The preview shows real rows with the columns the partner gets: no personal data chosen, none shown.
  const preview = page.getByRole("table", { name: "Preview of ledger 302101" });
  await expect(preview).toBeVisible({ timeout: 30_000 });
  await expect(preview.getByRole("columnheader", { name: "PSP reference" })).toBeVisible();
  await expect(preview.getByRole("columnheader", { name: /Payer name/ })).toHaveCount(0);
  expect(await preview.getByRole("row").count()).toBeGreaterThan(1);
  await expect(page.getByTestId("four-eyes-notice")).toHaveCount(0);

  await expect(page.getByTestId("consent-text")).toContainText("Fjord Kaffe AS gives Konto Partner ApS read access to the settlement ledgers 302101, 302102");
  await page.getByRole("checkbox", { name: "I give this access" }).check();
  await expectNoA11yViolations(page, testInfo, "add-partner-filled");
  await saveScreenshot(page, "grants-add-partner");
  // A double click must not grant twice.
  await page.getByRole("button", { name: "Grant access" }).dblclick();

  await expect(page).toHaveURL(/\/merchant\/partners\?partner=[0-9a-f-]{36}$/);
  await expect(page.getByText("Konto Partner ApS can now read 2 ledgers")).toBeVisible();
  for (const msn of ["212001", "212002"]) {
    const row = page.getByTestId(`sales-unit-${msn}`);
    await expect(row.getByRole("link", { name: new RegExp(`^Open access of ${KONTO.name}`) })).toHaveCount(1);
    await expect(row).toContainText("Active");
  }
  await expect(page.getByTestId("sales-unit-212003")).toHaveCount(0);
  await saveScreenshot(page, "grants-overview-filtered");

  const mads = await signedInContext(browser, baseURL, PERSONAS.mads);
  const fjord = mads.page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`);
  await expect(fjord).toContainText("302101");
  await expect(fjord).toContainText("302102");
  await expect(fjord).not.toContainText("302103");
  await mads.context.close();
});

test("Kari revokes 302102 with one confirmation; Mads gets a 404 on it at once and keeps 302101", async ({ page, browser, baseURL }, testInfo) => {
  const mads = await signedInContext(browser, baseURL, PERSONAS.mads);
  const clientPath = await hrefOf(mads.page, mads.page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`).getByRole("link", { name: ORGS.fjordKaffe.name, exact: true }));
  expect((await mads.page.goto("/partner/ledgers/302102"))?.status()).toBe(200);

  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await page.getByRole("link", { name: `Open access of ${KONTO.name} to ledger 302102` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${KONTO.name} · ledger 302102` })).toBeVisible();
  await expect(page.getByTestId("grant-consent")).toContainText("302101, 302102");
  await expectNoA11yViolations(page, testInfo, "grant-page");
  await saveScreenshot(page, "grants-grant-page");

  await page.getByRole("button", { name: "Revoke access" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Revoke ${KONTO.name}'s access to ledger 302102?` });
  await expect(dialog).toContainText("can no longer read this ledger from its next request");
  await dialog.getByRole("button", { name: "Revoke access" }).click();
  await expect(page.getByText("Access revoked", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).locator("..").getByText("Revoked")).toBeVisible();
  await expect(page.getByTestId("grant-history")).toContainText("Access revoked by Kari Nordmann");

  // The firm read it before: instead of a bare 404 it is told its access ended, and when (decision 038).
  await mads.page.goto("/partner/ledgers/302102");
  await expect(mads.page.getByTestId("access-ended")).toBeVisible();
  await mads.page.goto(clientPath);
  await expect(mads.page.getByRole("heading", { level: 1, name: ORGS.fjordKaffe.name })).toBeVisible();
  await expect(mads.page.getByRole("main")).toContainText("302101");
  await expect(mads.page.getByRole("main")).not.toContainText("302102");
  expect((await mads.page.goto("/partner/ledgers/302101"))?.status()).toBe(200);
  await mads.context.close();

  // The overview keeps the ended grant out of the live list.
  await page.goto("/merchant/partners");
  await expect(page.getByTestId("sales-unit-212002")).toContainText("No accounting partner");
  await expect(page.getByTestId("sales-unit-212001")).toContainText(KONTO.name);
  // It is counted there instead, with a link to the sales unit's page, which lists it as revoked.
  const ended = page.getByTestId("sales-unit-212002").getByTestId("ended-partners");
  await expect(ended).toHaveText(/^Ended recently \(\d+\) on the sales unit's page$/);
  await ended.click();
  await page.waitForURL(/\/merchant\/sales-units\//);
  await expect(page.getByRole("row").filter({ hasText: KONTO.name }).filter({ hasText: "Revoked" })).toHaveCount(1);
});
