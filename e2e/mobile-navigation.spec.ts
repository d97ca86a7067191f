import { test, expect, signInAs, saveScreenshot, PERSONAS, ORGS } from "./fixtures";

// Small screens: the sidebar is a drawer behind the top bar's button (AppShell's MobileNavButton loads it on first
// press, decision 031/049). The drawer shows the persona, the same links as the sidebar with the current one
// marked, and closes when a link is followed.
test.use({ viewport: { width: 390, height: 844 } });

test("Kari opens the navigation drawer on a phone, sees where she is, and follows a link", async ({ page }) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await expect(page).toHaveURL(/\/merchant\/partners$/);
  // The desktop sidebar is hidden at this width.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();

  await page.getByRole("button", { name: "Open navigation" }).click();
  const drawer = page.getByRole("dialog", { name: "Main" });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText("Merchant", { exact: true })).toBeVisible();
  await expect(drawer.getByRole("link", { name: "Accounting partners" })).toHaveAttribute("aria-current", "page");
  await saveScreenshot(page, "mobile-navigation-drawer");

  await drawer.getByRole("link", { name: "Access log" }).click();
  await expect(page).toHaveURL(/\/merchant\/access-log$/);
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Access log" })).toBeVisible();

  // Opened again, the drawer marks the new page.
  await page.getByRole("button", { name: "Open navigation" }).click();
  await expect(page.getByRole("dialog", { name: "Main" }).getByRole("link", { name: "Access log" })).toHaveAttribute("aria-current", "page");
});
