import { test, expect, signInAs, expectNoA11yViolations, saveScreenshot, PERSONAS, ORGS } from "./fixtures";

// Kari belongs to Fjord Kaffe (admin) and Nordlys Sport (viewer): she chooses at sign-in and switches later.

test("a person with several organisations chooses one after sign-in", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.kari);
  await expect(page).toHaveURL(/\/select-organisation$/);
  await expect(page.getByRole("heading", { level: 1, name: "Choose an organisation" })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`^${ORGS.fjordKaffe.name}.*Admin`) })).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`^${ORGS.nordlysSport.name}.*Viewer`) })).toBeVisible();
  await expectNoA11yViolations(page, testInfo, "select-organisation");
  await saveScreenshot(page, "kari-select-organisation");

  await page.getByRole("button", { name: ORGS.nordlysSport.name }).click();
  await expect(page).toHaveURL(/\/merchant\/partners$/);
  await expect(page.getByTestId("sales-unit-223001")).toBeVisible();
});

test("Kari switches from Fjord Kaffe to Nordlys Sport in the top bar", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await expect(page.getByTestId("sales-unit-212001")).toBeVisible();

  const switcher = page.getByRole("button", { name: /^Switch organisation:/ });
  await expect(switcher).toContainText(ORGS.fjordKaffe.name);
  await switcher.click();
  const menu = page.getByRole("menu");
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("menuitemradio", { name: new RegExp(ORGS.fjordKaffe.name) })).toHaveAttribute("aria-checked", "true");
  // The menu is non-modal (components/shell/org-switcher.tsx), so nothing behind it is hidden from screen
  // readers while still focusable: the open state passes axe without exceptions.
  await expectNoA11yViolations(page, testInfo, "org-switcher-open");
  await menu.getByRole("menuitemradio", { name: new RegExp(ORGS.nordlysSport.name) }).click();

  // Nordlys Sport's single sales unit, and nothing of Fjord Kaffe.
  await expect(page.getByTestId("sales-unit-223001")).toBeVisible();
  await expect(page.getByTestId(/^sales-unit-/)).toHaveCount(1);
  await expect(page.getByTestId("sales-unit-223001")).toContainText("302201");
  await expect(page.getByTestId("sales-unit-212001")).toHaveCount(0);
  // She is a viewer there.
  await expect(page.getByText("You have read-only access.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Switch organisation:/ })).toContainText(ORGS.nordlysSport.name);

  // The choice holds for the next request, too.
  await page.reload();
  await expect(page.getByTestId("sales-unit-223001")).toBeVisible();
  await expect(page.getByTestId("sales-unit-212001")).toHaveCount(0);
  await page.goto("/");
  await expect(page).toHaveURL(/\/merchant\/partners$/);
  await expect(page.getByTestId("sales-unit-223001")).toBeVisible();

  await expectNoA11yViolations(page, testInfo, "kari-nordlys-viewer");
  await saveScreenshot(page, "kari-nordlys-viewer");
});
