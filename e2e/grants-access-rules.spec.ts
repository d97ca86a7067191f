import type { Page, Response } from "@playwright/test";
import { test, expect, signInAs, signedInContext, expectNoA11yViolations, hrefOf, PERSONAS, ORGS } from "./fixtures";

// Who may do what on the grant pages: a viewer reads, a manager grants only her own ledgers, another tenant or
// persona gets the not-found page with nothing of the grant in it.

async function expectNotFound(page: Page, response: Response | null, secrets: string[]) {
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  const html = await page.content();
  for (const s of secrets) expect(html, `the 404 page leaks "${s}"`).not.toContain(s);
}

async function seededGrantPath(browser: Parameters<typeof signedInContext>[0], baseURL: string | undefined): Promise<string> {
  const kari = await signedInContext(browser, baseURL, PERSONAS.kari, ORGS.fjordKaffe.name);
  const path = await hrefOf(kari.page, kari.page.getByRole("link", { name: `Open access of ${ORGS.tallBalanse.name} to ledger 302101` }));
  await kari.context.close();
  expect(path).toMatch(/^\/merchant\/partners\/grants\/[0-9a-f-]{36}$/);
  return path;
}

test.beforeEach(({ consoleGuard }) => consoleGuard.allow(/the server responded with a status of 404/));

test("Vera (viewer) reads the grant but cannot add, change, revoke or approve", async ({ page, browser, baseURL }, testInfo) => {
  const grantPath = await seededGrantPath(browser, baseURL);
  await signInAs(page, PERSONAS.vera);
  await expect(page.getByRole("link", { name: "Add accounting partner" })).toHaveCount(0);
  await page.goto("/merchant/partners/new");
  await expect(page.getByText("Your role cannot add accounting partners")).toBeVisible();
  await expect(page.getByRole("button", { name: "Grant access" })).toHaveCount(0);

  await page.goto(grantPath);
  await expect(page.getByRole("heading", { level: 1, name: `${ORGS.tallBalanse.name} · ledger 302101` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Revoke access" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await expectNoA11yViolations(page, testInfo, "grant-page-viewer");

  await page.goto("/merchant/approvals");
  await expect(page.getByText("Only merchant admins approve.")).toBeVisible();
});

test("Mona (manager of 212001/212002) is offered only her own ledgers", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.mona);
  await page.getByRole("link", { name: "Add accounting partner" }).click();
  await expect(page.getByTestId(/^ledger-option-/)).toHaveCount(2);
  await expect(page.getByTestId("ledger-option-302101")).toBeVisible();
  await expect(page.getByTestId("ledger-option-302102")).toBeVisible();
  const html = await page.content();
  for (const hidden of ["302103", "Bryggen", "212003"]) expect(html, `page leaks ${hidden}`).not.toContain(hidden);
  await expectNoA11yViolations(page, testInfo, "add-partner-manager");
});

test("another merchant, a partner and the platform admin get 404 on a Fjord Kaffe grant; malformed ids too", async ({ page, context, browser, baseURL }) => {
  const grantPath = await seededGrantPath(browser, baseURL);
  const secrets = [ORGS.tallBalanse.name, "302101", "Grünerløkka", ORGS.tallBalanse.orgNo];

  await signInAs(page, PERSONAS.nils);
  await expectNotFound(page, await page.goto(grantPath), secrets);
  await expectNotFound(page, await page.goto("/merchant/partners/grants/not-a-uuid"), []);
  // The filters ignore ids that are not his.
  await page.goto(`/merchant/partners?partner=${grantPath.split("/").pop()}`);
  expect(await page.content()).not.toContain("Grünerløkka");

  for (const persona of [PERSONAS.per, PERSONAS.admin]) {
    await context.clearCookies();
    await signInAs(page, persona);
    await expectNotFound(page, await page.goto(grantPath), secrets);
    await expectNotFound(page, await page.goto("/merchant/partners/new"), ["Grünerløkka", "302101"]);
    await expectNotFound(page, await page.goto("/merchant/approvals"), []);
  }
});
