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
  // The open menu is modal (Radix DropdownMenu): keyboard focus stays in it…
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("[role=menu]"))).toBe(true);
  await expectNoA11yViolations(page, testInfo, "org-switcher-open", {
    disableRules: [
      {
        id: "aria-hidden-focus",
        // …and Radix marks everything behind it aria-hidden (hideOthers) without making it inert, so axe
        // flags the still-focusable shell behind the menu. Focus cannot reach it while the menu is open
        // (checked above), and the closed page passes this rule below. Reported to the team: `modal={false}`
        // on the switcher's DropdownMenu (components/shell/org-switcher.tsx) would make it axe-clean.
        why: "Radix modal menu hides the page behind it with aria-hidden while trapping focus",
      },
    ],
  });
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
