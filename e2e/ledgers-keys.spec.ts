import { test, expect, signInAs, PERSONAS, ORGS, expectNoA11yViolations, saveScreenshot } from "./fixtures";

// M6/P5 in the browser: keys are stored and tested on the server, shown masked, and only the roles that may
// change them see the controls (the actions refuse everyone else; see tests/integration/ledgers/credentials).

test("Kari replaces a sales unit's keys and tests the connection; secrets never reach the page", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await page.getByRole("link", { name: "API keys", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  const card = page.getByTestId("keys-212002");
  await expect(card.getByTestId("stored-keys")).toContainText("••••2002");
  await expectNoA11yViolations(page, testInfo, "merchant keys");

  await card.getByRole("button", { name: "Replace keys for Fjord Kaffe Grünerløkka Nettbutikk" }).click();
  const dialog = page.getByRole("dialog", { name: "API keys for Fjord Kaffe Grünerløkka Nettbutikk" });
  await dialog.getByRole("button", { name: "Save keys" }).click();
  await expect(dialog.getByText("Client ID is required.")).toBeVisible();
  await dialog.getByLabel("Client ID").fill("demo-msn-212002");
  await dialog.getByLabel("Client secret").fill("sandbox-secret-212002");
  await dialog.getByLabel("Subscription key").fill("sandbox-sub-212002");
  await dialog.getByRole("button", { name: "Save keys" }).click();
  await expect(page.getByText("Keys saved. Test the connection to check them.")).toBeVisible();
  await expect(card).toContainText("Not tested since stored");

  await card.getByRole("button", { name: "Test connection for Fjord Kaffe Grünerløkka Nettbutikk" }).click();
  await expect(card.getByTestId("connection-result")).toContainText("The keys work");
  await expect(card.getByTestId("connection-result")).toContainText("302102");
  const html = await page.content();
  expect(html).not.toContain("sandbox-secret-212002");
  expect(html).not.toContain("sandbox-sub-212002");

  // The shared ledger's sales unit: the keys work, but upstream lists no ledger for them, and the page says why.
  await page.getByTestId("keys-212003").getByRole("button", { name: "Test connection for Fjord Kaffe Bryggen" }).click();
  await expect(page.getByTestId("keys-212003").getByTestId("connection-result")).toContainText("settles several sales units");
  await saveScreenshot(page, "keys-merchant");
});

test("Vera (viewer) sees which keys exist but gets no controls", async ({ page }) => {
  await signInAs(page, PERSONAS.vera);
  await page.goto("/merchant/keys");
  await expect(page.getByTestId("keys-read-only")).toContainText("Only a merchant admin can add, replace or test them.");
  await expect(page.getByTestId("keys-212001").getByTestId("stored-keys")).toContainText("••••2001");
  await expect(page.getByRole("button", { name: /Replace keys|Add keys|Test/ })).toHaveCount(0);
});

test("Per tests the firm's accounting keys: they read exactly the granted ledgers", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.per);
  await page.getByRole("link", { name: "API keys", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Accounting keys" })).toBeVisible();
  await expect(page.getByTestId("stored-keys")).toContainText("••••4321");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-result")).toContainText("The keys work");
  await expect(page.getByTestId("connection-result")).toContainText("302101");
  await expectNoA11yViolations(page, testInfo, "partner keys");
  await saveScreenshot(page, "keys-partner");
});

test("Anne (accountant) sees the keys status read-only", async ({ page }) => {
  await signInAs(page, PERSONAS.anne);
  await page.goto("/partner/keys");
  await expect(page.getByTestId("keys-read-only")).toBeVisible();
  await expect(page.getByRole("button", { name: /Replace keys|Add keys|Test connection/ })).toHaveCount(0);
});
