import { readFileSync } from "node:fs";
import { test, expect, signInAs, signedInContext, expectNoA11yViolations, saveScreenshot, PERSONAS, ORGS } from "./fixtures";

// P6, M7 and the notifications bell as people use them. The staff journey puts the demo world back as it found
// it (Per takes Nordlys Sport off Anne's list again), so the other specs still see Anne with Fjord Kaffe only.
test.describe.configure({ mode: "serial" });

const TB = ORGS.tallBalanse;

test("Per assigns Anne Dahl to Nordlys Sport AS; Anne then sees it; Nordlys sees her name", async ({ page, browser, baseURL }, testInfo) => {
  const anne = await signedInContext(browser, baseURL, PERSONAS.anne);
  await expect(anne.page.getByTestId(/^client-/)).toHaveCount(1);
  await expect(anne.page.getByTestId(`client-${ORGS.nordlysSport.orgNo}`)).toHaveCount(0);

  await signInAs(page, PERSONAS.per);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staff" })).toBeVisible();
  const row = page.getByTestId("staff-anne@tallbalanse.example");
  await expect(row).toContainText("Accountant");
  await expect(row).toContainText(ORGS.fjordKaffe.name);
  await expect(page.getByTestId("staff-per@tallbalanse.example")).toContainText("Every client");
  await expectNoA11yViolations(page, testInfo, "partner-staff");

  await row.getByRole("button", { name: "Choose clients for Anne Dahl" }).click();
  const dialog = page.getByRole("dialog", { name: "Clients of Anne Dahl" });
  await expect(dialog.getByRole("checkbox", { name: ORGS.fjordKaffe.name })).toBeChecked();
  await dialog.getByRole("checkbox", { name: ORGS.nordlysSport.name }).check();
  await expectNoA11yViolations(page, testInfo, "assign-clients-dialog");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Clients of Anne Dahl saved")).toBeVisible();
  await expect(row).toContainText(ORGS.nordlysSport.name);
  await saveScreenshot(page, "lifecycle-staff-assigned");

  // Anne sees Nordlys Sport now, and is told.
  await anne.page.reload();
  await expect(anne.page.getByTestId(/^client-/)).toHaveCount(2);
  await expect(anne.page.getByTestId(`client-${ORGS.nordlysSport.orgNo}`)).toContainText("302201");
  await anne.page.getByTestId("notification-bell").click();
  await expect(anne.page.getByRole("dialog").getByText(`You now work on ${ORGS.nordlysSport.name}.`)).toBeVisible();

  // Nordlys Sport's admin sees who at Tall & Balanse can read its ledger: Per (owner) and now Anne.
  const nils = await signedInContext(browser, baseURL, PERSONAS.nils);
  await nils.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Who can see" }).click();
  const people = nils.page.getByTestId(`partner-people-${TB.orgNo}`);
  await expect(people.getByTestId("person-per@tallbalanse.example")).toContainText("Owner");
  await expect(people.getByTestId("person-anne@tallbalanse.example")).toContainText("Assigned to your company");
  await expectNoA11yViolations(nils.page, testInfo, "merchant-who-can-see");
  await saveScreenshot(nils.page, "lifecycle-who-can-see");

  // Back as it was: Anne works on Fjord Kaffe only.
  await row.getByRole("button", { name: "Choose clients for Anne Dahl" }).click();
  await dialog.getByRole("checkbox", { name: ORGS.nordlysSport.name }).uncheck();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(row).not.toContainText(ORGS.nordlysSport.name);
  await anne.page.reload();
  await expect(anne.page.getByTestId(/^client-/)).toHaveCount(1);
  await nils.page.reload();
  await expect(nils.page.getByTestId(`partner-people-${TB.orgNo}`).getByTestId("person-anne@tallbalanse.example")).toHaveCount(0);
  await anne.context.close();
  await nils.context.close();
});

test("a partner's read shows in the merchant's access log, with filters and a CSV export", async ({ page, browser, baseURL }, testInfo) => {
  // Per reads Fjord Kaffe's ledger 302101 (the ledger view records the read).
  const per = await signedInContext(browser, baseURL, PERSONAS.per);
  await per.page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`).getByRole("link", { name: ORGS.fjordKaffe.name, exact: true }).click();
  await per.page.getByRole("link", { name: "Ledger 302101" }).click();
  await expect(per.page.getByRole("heading", { level: 1, name: "Ledger 302101" })).toBeVisible();
  await expect(per.page.getByTestId("ledger-stats")).toBeVisible({ timeout: 30_000 });
  await per.context.close();

  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Access log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Access log" })).toBeVisible();
  // Earlier journeys may have let Per read other Fjord Kaffe ledgers too: look for this ledger's read.
  const read = page.getByTestId("access-event").filter({ hasText: "Per Olsen" }).filter({ hasText: "302101" }).first();
  await expect(read).toContainText(`at ${TB.name}`);
  await expect(read).toContainText("Read");
  await expectNoA11yViolations(page, testInfo, "access-log");
  await saveScreenshot(page, "lifecycle-access-log");

  // Filter to exports only: Per exported nothing here.
  await page.getByRole("combobox", { name: "Action" }).click();
  await page.getByRole("option", { name: "Export", exact: true }).click();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=export/);
  await expect(page.getByTestId("access-event").filter({ hasText: "Per Olsen" }).filter({ hasText: "Read" })).toHaveCount(0);
  // A filter the page does not understand is named, not guessed.
  await page.goto("/merchant/access-log?from=2026-02-30");
  await expect(page.getByText("Some filters were not understood and are not applied: from date.")).toBeVisible();

  await page.goto("/merchant/access-log");
  const download = page.waitForEvent("download");
  await page.getByTestId("access-log-export").click();
  const file = await download;
  const text = readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, "");
  expect(text.split("\r\n")[0]).toBe('"Time (UTC)","Person","E-mail","Partner","Partner org. no.","Ledger","Currency","Sales units","Action","From ledger date","To ledger date","Format","Rows"');
  expect(text).toContain(`"Per Olsen","per@tallbalanse.example","${TB.name}","${TB.orgNo}","302101","NOK"`);
});

test.describe("who may see staff, people and the access log", () => {
  test.beforeEach(({ consoleGuard }) => consoleGuard.allow(/the server responded with a status of 404/));

  test("other personas and tenants get 404 or nothing; an accountant is told to ask an owner", async ({ page, context, request }) => {
    await signInAs(page, PERSONAS.per);
    for (const p of ["/merchant/access-log", "/merchant/partner-staff", "/merchant/notifications"]) {
      expect((await page.goto(p))?.status(), p).toBe(404);
    }
    const exported = await page.request.get("/merchant/access-log/export");
    expect(exported.status()).toBe(404);

    await context.clearCookies();
    await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
    for (const p of ["/partner/staff", "/partner/notifications"]) expect((await page.goto(p))?.status(), p).toBe(404);

    await context.clearCookies();
    await signInAs(page, PERSONAS.anne);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staff" })).toHaveCount(0);
    await page.goto("/partner/staff");
    await expect(page.getByTestId("owners-only")).toContainText("Staff are managed by your firm's owners");
    expect(await page.locator("main").innerHTML()).not.toContain(ORGS.nordlysSport.name);

    // Nils (Nordlys Sport) sees none of Fjord Kaffe's reads, not even through the export.
    await context.clearCookies();
    await signInAs(page, PERSONAS.nils);
    await page.goto("/merchant/access-log");
    expect(await page.content()).not.toContain("302101");
    const csv = await page.request.get("/merchant/access-log/export");
    expect(csv.status()).toBe(200);
    expect(await csv.text()).not.toContain("302101");

    // Mona (manager of 212001/212002) sees the partners of her own ledgers only.
    await context.clearCookies();
    await signInAs(page, PERSONAS.mona);
    await page.goto("/merchant/partner-staff");
    await expect(page.getByTestId(`partner-people-${TB.orgNo}`)).toContainText("302101");
    expect(await page.content()).not.toContain("302103");

    // Signed out: no CSV.
    expect((await request.get("/merchant/access-log/export", { maxRedirects: 0 })).status()).toBeGreaterThanOrEqual(300);
  });

  test("the notifications page lists the person's own notifications and marks them read", async ({ page }, testInfo) => {
    await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
    await page.goto("/merchant/notifications");
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    await expectNoA11yViolations(page, testInfo, "notifications");
    const markAll = page.getByRole("button", { name: "Mark all as read" });
    if (await markAll.isEnabled()) {
      await markAll.click();
      await expect(page.getByText("Nothing unread")).toBeVisible();
    }
    await expect(page.getByTestId("notification-bell")).toHaveAccessibleName("Notifications");
  });
});
