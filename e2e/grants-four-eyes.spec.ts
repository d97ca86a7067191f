import { test, expect, signInAs, signedInContext, expectNoA11yViolations, saveScreenshot, PERSONAS, ORGS } from "./fixtures";

// M5 as people do it: Kari grants Tall & Balanse the Bryggen ledger with personal data; it waits for a second
// admin; Kari cannot approve her own; Ola approves; only then does Per (Tall & Balanse) see it.
test.describe.configure({ mode: "serial" });

const TB = { name: "Tall & Balanse Regnskap AS", orgNo: "987654321" };

test("a grant with personal data waits for a second admin; the admin who asked cannot approve it", async ({ page, browser, baseURL }, testInfo) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await page.goto("/merchant/partners/new");
  await page.getByRole("searchbox", { name: "Search partners" }).fill("Tall");
  await page.getByRole("radio", { name: /Tall & Balanse Regnskap AS/ }).check();
  // Tall & Balanse already reads 302101: that ledger cannot be ticked again.
  await expect(page.getByTestId("ledger-option-302101")).toContainText("Already has access");
  await expect(page.getByRole("checkbox", { name: /Ledger 302101/ })).toBeDisabled();
  await page.getByRole("checkbox", { name: /Ledger 302103/ }).check();
  await page.getByRole("switch", { name: /Include payer names/ }).click();

  // 302103 settles two sales units: merchant keys are denied there, and the preview says so plainly.
  const preview = page.getByTestId("grant-preview");
  await expect(preview).toHaveAttribute("data-kind", "shared-ledger", { timeout: 30_000 });
  await expect(preview).toContainText("This ledger settles 2 sales units, so the Report API denies the merchant keys");
  await expect(page.getByTestId("grant-preview-columns")).toContainText("Payer name");

  await expect(page.getByTestId("four-eyes-notice")).toContainText("A second admin must approve this");
  await expect(page.getByTestId("four-eyes-notice")).toContainText("includes payer names, phones and messages");
  await page.getByRole("checkbox", { name: "I give this access" }).check();
  await page.getByRole("button", { name: "Grant access" }).click();

  await expect(page).toHaveURL(/\/merchant\/approvals$/);
  const row = page.getByTestId(`approval-${TB.orgNo}-302103`);
  await expect(row).toContainText("Asked for by Kari Nordmann");
  await expect(row).toContainText("Personal data");
  await expect(row).toContainText("Your request: another admin approves it");
  await expect(row.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expectNoA11yViolations(page, testInfo, "approvals-own");

  await row.getByRole("link", { name: /^Open/ }).click();
  await expect(page.getByTestId("pending-approval")).toContainText("You asked for this access, so another merchant admin must approve it.");
  await expect(page.getByRole("button", { name: "Approve" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Withdraw request" })).toBeVisible();

  // Per sees nothing of it yet, and the ledger is a 404 for him.
  const per = await signedInContext(browser, baseURL, PERSONAS.per);
  await expect(per.page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`)).not.toContainText("302103");
  expect((await per.page.goto("/partner/ledgers/302103"))?.status()).toBe(404);
  await per.context.close();
});

test("Ola approves it; Per then reads the ledger with personal data", async ({ page, browser, baseURL }, testInfo) => {
  await signInAs(page, PERSONAS.ola);
  await page.getByRole("link", { name: "Approvals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Approvals" })).toBeVisible();
  const row = page.getByTestId(`approval-${TB.orgNo}-302103`);
  await expect(row).toContainText("Asked for by Kari Nordmann");
  await expectNoA11yViolations(page, testInfo, "approvals-ola");
  await saveScreenshot(page, "grants-approvals");

  await row.getByRole("button", { name: "Approve" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Approve access for ${TB.name}?` });
  await expect(dialog).toContainText("with payer names, masked phone numbers and messages");
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText(`Approved: ${TB.name} can read ledger 302103`)).toBeVisible();
  await expect(page.getByText("Nothing waits for approval")).toBeVisible();

  await page.goto("/merchant/partners");
  const bryggen = page.getByTestId("sales-unit-212003");
  await expect(bryggen).toContainText(TB.name);
  await expect(bryggen).toContainText("Active");
  await bryggen.getByRole("link", { name: `Open access of ${TB.name} to ledger 302103` }).click();
  await expect(page.getByRole("main")).toContainText("Approved by");
  await expect(page.getByRole("main")).toContainText("Ola Hansen");
  await expect(page.getByTestId("grant-history")).toContainText("Approved by Ola Hansen");

  const per = await signedInContext(browser, baseURL, PERSONAS.per);
  const fjord = per.page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`);
  await expect(fjord).toContainText("302103");
  expect((await per.page.goto("/partner/ledgers/302103"))?.status()).toBe(200);
  await per.context.close();
});
