import { test, expect, signInAs, expectNoA11yViolations, saveScreenshot, PERSONAS, ORGS } from "./fixtures";

// Each persona's first page after sign-in shows exactly what the demo world grants them at the first start.

test("Kari (Fjord Kaffe admin) sees all four sales units, the shared ledger and the partner", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await expect(page).toHaveURL(/\/merchant\/partners$/);
  await expect(page.getByRole("heading", { level: 1, name: "Accounting partners" })).toBeVisible();

  const rows = page.getByTestId(/^sales-unit-/);
  await expect(rows).toHaveCount(4);
  for (const msn of ["212001", "212002", "212003", "212004"]) await expect(page.getByTestId(`sales-unit-${msn}`)).toBeVisible();

  // 302103 settles the two Bryggen units: both rows carry it and say so.
  for (const msn of ["212003", "212004"]) {
    const row = page.getByTestId(`sales-unit-${msn}`);
    await expect(row).toContainText("302103");
    await expect(row).toContainText("Settles 2 sales units");
  }
  await expect(page.getByTestId("sales-unit-212001")).not.toContainText("Settles");

  const grunerlokka = page.getByTestId("sales-unit-212001");
  await expect(grunerlokka).toContainText("302101");
  await expect(grunerlokka).toContainText(ORGS.tallBalanse.name);
  await expect(grunerlokka).toContainText("Active");
  // The webshop's ledger 302102 was never granted.
  await expect(page.getByTestId("sales-unit-212002")).toContainText("No accounting partner");
  await expect(page.getByTestId("sales-unit-212002")).not.toContainText(ORGS.tallBalanse.name);
  // An admin can change access: no read-only notice.
  await expect(page.getByText("You have read-only access")).toHaveCount(0);

  await expectNoA11yViolations(page, testInfo, "kari-merchant-partners");
  await saveScreenshot(page, "kari");
});

test("Kari can open a sales unit's detail page from the list", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await page.getByRole("link", { name: "Details: Fjord Kaffe Grünerløkka", exact: true }).click();
  await expect(page).toHaveURL(/\/merchant\/sales-units\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Fjord Kaffe Grünerløkka" })).toBeVisible();
  await expect(page.getByText("MSN 212001")).toBeVisible();
  await expect(page.getByRole("cell", { name: /Tall & Balanse Regnskap AS/ })).toBeVisible();
  await expectNoA11yViolations(page, testInfo, "kari-sales-unit");
});

test("Mona (manager of 212001/212002) sees exactly her two sales units", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.mona);
  await expect(page).toHaveURL(/\/merchant\/partners$/);
  const rows = page.getByTestId(/^sales-unit-/);
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("sales-unit-212001")).toBeVisible();
  await expect(page.getByTestId("sales-unit-212002")).toBeVisible();
  await expect(page.getByText("You manage 2 sales units of Fjord Kaffe AS.")).toBeVisible();
  // Nothing of the units outside her scope, not even in the RSC payload.
  const html = await page.content();
  for (const hidden of ["212003", "212004", "302103", "Bryggen"]) expect(html, `page leaks ${hidden}`).not.toContain(hidden);

  await expectNoA11yViolations(page, testInfo, "mona-merchant-partners");
  await saveScreenshot(page, "mona");
});

test("Per (partner owner) sees Fjord Kaffe (302101 only) and Nordlys Sport", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.per);
  await expect(page).toHaveURL(/\/partner\/clients$/);
  await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
  await expect(page.getByTestId(/^client-/)).toHaveCount(2);

  const fjord = page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`);
  await expect(fjord).toContainText(ORGS.fjordKaffe.name);
  await expect(fjord).toContainText("302101");
  await expect(fjord).not.toContainText("302102");
  await expect(fjord).not.toContainText("302103");

  const nordlys = page.getByTestId(`client-${ORGS.nordlysSport.orgNo}`);
  await expect(nordlys).toContainText(ORGS.nordlysSport.name);
  await expect(nordlys).toContainText("302201");
  // Granted for 10 days at the first start.
  await expect(nordlys).toContainText("Expiring soon");

  expect(await page.content(), "ungranted ledger in the page").not.toContain("302102");
  await expectNoA11yViolations(page, testInfo, "per-partner-clients");
  await saveScreenshot(page, "per");
});

test("Anne (accountant assigned Fjord Kaffe) sees only Fjord Kaffe", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.anne);
  await expect(page).toHaveURL(/\/partner\/clients$/);
  await expect(page.getByTestId(/^client-/)).toHaveCount(1);
  await expect(page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`)).toContainText("302101");
  await expect(page.getByText("You see the clients your firm assigned to you.")).toBeVisible();
  const html = await page.content();
  for (const hidden of [ORGS.nordlysSport.name, "302201", ORGS.nordlysSport.orgNo]) expect(html, `page leaks ${hidden}`).not.toContain(hidden);

  await expectNoA11yViolations(page, testInfo, "anne-partner-clients");
  await saveScreenshot(page, "anne");
});

test("Mads (Konto Partner) sees Hygge Bageri's DKK ledger with personal data", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.mads);
  await expect(page).toHaveURL(/\/partner\/clients$/);
  await expect(page.getByTestId(/^client-/)).toHaveCount(1);
  const hygge = page.getByTestId(`client-${ORGS.hyggeBageri.orgNo}`);
  await expect(hygge).toContainText(ORGS.hyggeBageri.name);
  await expect(hygge).toContainText("402301");
  await expect(hygge).toContainText("DKK");
  await expect(hygge).toContainText("Payer names, phones and messages");
  await expect(page.getByText("Konto Partner ApS").first()).toBeVisible();

  await expectNoA11yViolations(page, testInfo, "mads-partner-clients");
  await saveScreenshot(page, "mads");
});

test("the platform admin sees grants counted by status", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.admin);
  await expect(page).toHaveURL(/\/admin\/access$/);
  await expect(page.getByRole("heading", { level: 1, name: "Access overview" })).toBeVisible();
  const byStatus = page.getByTestId("grants-by-status");
  await expect(byStatus).toBeVisible();
  const count = async (status: string) => Number((await byStatus.locator(`dd[data-status=${status}]`).innerText()).replace(/\D/g, ""));
  // First start: 302101 and 402301 active, 302201 ends within 14 days.
  expect(await count("active")).toBe(2);
  expect(await count("expiring_soon")).toBe(1);
  expect((await count("active")) + (await count("expiring_soon"))).toBe(3);
  for (const status of ["pending_approval", "expired", "revoked", "declined"]) expect(await count(status)).toBe(0);

  await expectNoA11yViolations(page, testInfo, "admin-access");
  await saveScreenshot(page, "admin");
});
