import type { Page, Response } from "@playwright/test";
import { test, expect, signInAs, signedInContext, hrefOf, PERSONAS, ORGS } from "./fixtures";

// Another persona's area, another tenant's resource or a malformed id is simply "not found": HTTP 404, the
// not-found page, and nothing of the victim anywhere in the document (including the RSC payload).

async function expectNotFound(page: Page, response: Response | null, victimData: string[]): Promise<void> {
  expect(response, "navigation response").not.toBeNull();
  expect(response!.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  const html = await page.content();
  for (const secret of victimData) expect(html, `the 404 page leaks "${secret}"`).not.toContain(secret);
}

test.beforeEach(({ consoleGuard }) => {
  // Chromium logs the 404 of the document itself; that is the expected answer here.
  consoleGuard.allow(/the server responded with a status of 404/);
});

test("a partner user opening the merchant area gets 404", async ({ page }) => {
  await signInAs(page, PERSONAS.per);
  const response = await page.goto("/merchant/partners");
  await expectNotFound(page, response, ["212001", "Grünerløkka", "302103"]);
  await expectNotFound(page, await page.goto("/admin/audit"), ["audit-row", "grant.created"]);
});

test("a merchant user opening the partner and admin areas gets 404", async ({ page }) => {
  await signInAs(page, PERSONAS.nils);
  await expectNotFound(page, await page.goto("/partner/clients"), [ORGS.tallBalanse.name, "302101", "302201"]);
  // The admin page renders tenant-wide figures; none of its markup may appear.
  await expectNotFound(page, await page.goto("/admin/access"), ["grants-by-status", "data-status="]);
  await expectNotFound(page, await page.goto("/admin/audit"), ["audit-row", "grant.created"]);
  expect((await page.request.get("/api/admin/audit/export")).status()).toBe(404);
  // And the merchant area itself still works for him.
  const own = await page.goto("/merchant/partners");
  expect(own!.status()).toBe(200);
  await expect(page.getByTestId("sales-unit-223001")).toBeVisible();
});

test("Nils (Nordlys Sport) cannot open a Fjord Kaffe sales unit", async ({ page, browser, baseURL }) => {
  const kari = await signedInContext(browser, baseURL, PERSONAS.kari, ORGS.fjordKaffe.name);
  const detailPath = await hrefOf(kari.page, kari.page.getByTestId("sales-unit-212001").getByRole("link", { name: /^Details: / }));
  expect(detailPath).toMatch(/^\/merchant\/sales-units\/[0-9a-f-]{36}$/);
  // The owner can open it: the URL itself is good.
  const ownerView = await kari.page.goto(detailPath);
  expect(ownerView!.status()).toBe(200);
  await expect(kari.page.getByRole("heading", { level: 1, name: "Fjord Kaffe Grünerløkka" })).toBeVisible();
  await kari.context.close();

  await signInAs(page, PERSONAS.nils);
  await expectNotFound(page, await page.goto(detailPath), ["Grünerløkka", "212001", "302101", ORGS.tallBalanse.name]);
});

test("Mona (manager of 212001/212002) cannot open a Fjord Kaffe sales unit outside her scope", async ({ page, browser, baseURL }) => {
  const kari = await signedInContext(browser, baseURL, PERSONAS.kari, ORGS.fjordKaffe.name);
  const detailPath = await hrefOf(kari.page, kari.page.getByTestId("sales-unit-212003").getByRole("link", { name: /^Details: / }));
  await kari.context.close();

  await signInAs(page, PERSONAS.mona);
  await expectNotFound(page, await page.goto(detailPath), ["Bryggen", "212003", "302103"]);
});

test("Per cannot open Hygge Bageri, a client of another partner", async ({ page, browser, baseURL }) => {
  const mads = await signedInContext(browser, baseURL, PERSONAS.mads);
  const clientPath = await hrefOf(mads.page, mads.page.getByTestId(`client-${ORGS.hyggeBageri.orgNo}`).getByRole("link", { name: ORGS.hyggeBageri.name, exact: true }));
  expect(clientPath).toMatch(/^\/partner\/clients\/[0-9a-f-]{36}$/);
  const ownerView = await mads.page.goto(clientPath);
  expect(ownerView!.status()).toBe(200);
  await expect(mads.page.getByRole("heading", { level: 1, name: ORGS.hyggeBageri.name })).toBeVisible();
  await mads.context.close();

  await signInAs(page, PERSONAS.per);
  await expectNotFound(page, await page.goto(clientPath), [ORGS.hyggeBageri.name, "402301", ORGS.hyggeBageri.orgNo, "Nørrebro"]);
});

test("Anne (assigned Fjord Kaffe only) cannot open Nordlys Sport, her firm's other client", async ({ page, browser, baseURL }) => {
  const per = await signedInContext(browser, baseURL, PERSONAS.per);
  const clientPath = await hrefOf(per.page, per.page.getByTestId(`client-${ORGS.nordlysSport.orgNo}`).getByRole("link", { name: ORGS.nordlysSport.name, exact: true }));
  const ownerView = await per.page.goto(clientPath);
  expect(ownerView!.status()).toBe(200);
  await expect(per.page.getByRole("heading", { level: 1, name: ORGS.nordlysSport.name })).toBeVisible();
  await per.context.close();

  await signInAs(page, PERSONAS.anne);
  await expectNotFound(page, await page.goto(clientPath), [ORGS.nordlysSport.name, "302201", ORGS.nordlysSport.orgNo, "Tromsø"]);
});

test("malformed ids are 404, not errors", async ({ page, context }) => {
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await expectNotFound(page, await page.goto("/merchant/sales-units/not-a-uuid"), []);
  await expectNotFound(page, await page.goto("/merchant/sales-units/00000000-0000-4000-8000-000000000000"), []);

  await context.clearCookies();
  await signInAs(page, PERSONAS.per);
  await expectNotFound(page, await page.goto("/partner/clients/not-a-uuid"), []);
});

test("a forged active-organisation cookie does not switch Per into a merchant", async ({ page, context, browser, baseURL }) => {
  // Kari's cookie after choosing Fjord Kaffe names its key, m:<merchant uuid> (URL-encoded by Next).
  const kari = await signedInContext(browser, baseURL, PERSONAS.kari, ORGS.fjordKaffe.name);
  const fjordCookie = (await kari.context.cookies()).find((c) => c.name === "portal-active-org")?.value ?? "";
  await kari.context.close();
  expect(decodeURIComponent(fjordCookie)).toMatch(/^m:[0-9a-f-]{36}$/);

  await signInAs(page, PERSONAS.per);
  await context.addCookies([{ name: "portal-active-org", value: fjordCookie, url: baseURL! }]);
  await expectNotFound(page, await page.goto("/merchant/partners"), ["212001", "Grünerløkka", "302103"]);

  // The home page ignores the foreign choice and sends him to his own firm.
  await page.goto("/");
  await expect(page).toHaveURL(/\/partner\/clients$/);
  await expect(page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`)).toBeVisible();
});
