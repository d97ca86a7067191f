import { test, expect, signInAs, signedInContext, expectNoA11yViolations, saveScreenshot, PERSONAS, ORGS } from "./fixtures";

// Issue 14: the lists are keyset pages with a server-side search. The demo world is small, so one page shows
// every row; `?size=1` makes the pager show its work on it. Read-only: runs in the first-start project.

test("partner clients: search on the server, pager with cursors, counts from SQL", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.per);
  await page.goto("/partner/clients");
  await expect(page.getByTestId(/^client-/)).toHaveCount(2);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("2 shown of 2");
  await page.getByRole("searchbox", { name: "Search clients" }).fill("Nordlys");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\?q=Nordlys/);
  await expect(page.getByTestId(/^client-/)).toHaveCount(1);
  await expect(page.getByTestId(`client-${ORGS.nordlysSport.orgNo}`)).toBeVisible();
  await expectNoA11yViolations(page, testInfo, "clients-search");
  await saveScreenshot(page, "lists-clients-search");

  await page.goto("/partner/clients?size=1");
  await expect(page.getByTestId(/^client-/)).toHaveCount(1);
  const first = await page.getByTestId(/^client-/).getAttribute("data-testid");
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/after=/);
  await expect(page.getByTestId(/^client-/)).toHaveCount(1);
  expect(await page.getByTestId(/^client-/).getAttribute("data-testid")).not.toBe(first);
  await saveScreenshot(page, "lists-clients-page-2");
  await page.getByRole("link", { name: "Previous" }).click();
  await expect(page.getByTestId(first!)).toBeVisible();

  await page.goto("/partner/clients?q=zzz-nothing");
  await expect(page.getByText("Nothing matches “zzz-nothing”")).toBeVisible();
});

test("merchant partners overview and partner staff are paged and searchable", async ({ page, browser, baseURL }) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await page.goto("/merchant/partners?size=2");
  await expect(page.getByTestId(/^sales-unit-/)).toHaveCount(2);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("2 shown of 4");
  await saveScreenshot(page, "lists-merchant-partners");
  await page.goto("/merchant/partners?q=Kiosk");
  await expect(page.getByTestId(/^sales-unit-/)).toHaveCount(1);
  await expect(page.getByTestId("sales-unit-212004")).toBeVisible();

  const per = await signedInContext(browser, baseURL, PERSONAS.per);
  await per.page.goto("/partner/staff?q=anne");
  await expect(per.page.getByTestId(/^staff-/)).toHaveCount(1);
  await expect(per.page.getByTestId("staff-anne@tallbalanse.example")).toContainText(ORGS.fjordKaffe.name);
  await saveScreenshot(per.page, "lists-partner-staff");
  await per.context.close();
});
