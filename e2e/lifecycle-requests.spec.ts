import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { test, expect, signInAs, signedInContext, expectNoA11yViolations, saveScreenshot, PERSONAS, ORGS } from "./fixtures";

// P7 + M4 as people do them: Per Olsen (owner, Tall & Balanse) asks Fjord Kaffe AS for its webshop (212002) and
// Bryggen (212003) sales units; Kari Nordmann (Fjord Kaffe admin) approves only the webshop's ledger, for a
// shorter period and with an end date; Per then sees exactly that. Afterwards the journey's requests and
// grants are removed again (and upstream told), so the other specs find the demo world as seeded.
test.describe.configure({ mode: "serial" });

const REF = `ref. LC-${Date.now().toString(36)}`;
const TB = ORGS.tallBalanse;

/** Today in Oslo, shifted by `days`, as "YYYY-MM-DD" (the portal counts ledger dates in Oslo). */
function osloDate(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
// The portal writes English dates the British way (lib/format: "en" is en-GB), e.g. "1 Jun 2025".
const shown = (date: string) => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));

test.afterAll(async () => {
  await removeJourneyData();
});

test("Per's request for two sales units is approved narrowed; Per sees exactly that scope", async ({ page, browser, baseURL }, testInfo) => {
  await signInAs(page, PERSONAS.per);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Access requests" })).toBeVisible();
  await expectNoA11yViolations(page, testInfo, "partner-requests");

  // Bad input is explained in plain words, and sends nothing.
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Add at least one sales unit number (MSN).")).toBeVisible();
  await expect(page.getByText("Say what you need the access for.")).toBeVisible();
  await page.getByRole("radio", { name: /By organisation number/ }).click();
  await page.getByRole("textbox", { name: "Organisation number" }).fill("999999999");
  await page.getByRole("textbox", { name: "Purpose" }).fill(`Annual accounts 2025 (${REF})`);
  await page.getByRole("button", { name: "Send request" }).click();
  // A number the portal does not know gets the same answer as one it knows (finding 7): nothing tells Per which
  // organisation numbers or MSNs exist. His list shows what he typed, waiting like any other request.
  await expect(page.getByText("Request sent", { exact: true })).toBeVisible();
  const unknown = page.getByTestId("request-999999999");
  await expect(unknown).toContainText("Organisation number 999999999");
  await expect(unknown).toContainText("Merchant shown once it accepts");
  await expect(unknown).toContainText("Waiting for answer");

  // The request: two MSNs, ledger dates from 1 January 2025, no personal data, a purpose.
  await page.getByRole("radio", { name: /By sales unit numbers/ }).click();
  const msns = page.getByRole("textbox", { name: "Sales unit numbers (MSN)" });
  await msns.fill("212002 212003");
  await msns.press("Enter");
  await expect(page.getByRole("list", { name: "Sales units in this request" }).getByRole("listitem")).toHaveText(["212002", "212003"]);
  await page.getByLabel("Ledger dates from").fill("2025-01-01");
  await page.getByRole("textbox", { name: "Purpose" }).fill(`Monthly bookkeeping and the annual accounts 2025 (${REF})`);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Request sent", { exact: true }).first()).toBeVisible();
  const mine = page.getByTestId("request-212002-212003");
  await expect(mine).toContainText("Waiting for answer");
  await expect(mine).toContainText("Expires in 14 days");
  await expect(mine).toContainText("Sales units 212002, 212003");
  await expect(mine).toContainText("Merchant shown once it accepts");
  await expect(mine).not.toContainText(ORGS.fjordKaffe.name);
  await saveScreenshot(page, "lifecycle-partner-request-sent");

  // Kari is told (bell), and answers: only the webshop's ledger, a shorter period, access for three months.
  const kari = await signedInContext(browser, baseURL, PERSONAS.kari, ORGS.fjordKaffe.name);
  await expect(kari.page.getByTestId("notification-bell")).toHaveAccessibleName(/Notifications, \d+ unread/);
  await kari.page.goto("/merchant/requests");
  const card = kari.page.getByTestId(`open-request-${TB.orgNo}`);
  await expect(card).toContainText(TB.name);
  await expect(card).toContainText("Asked by Per Olsen (per@tallbalanse.example)");
  await expect(card).toContainText(REF);
  await expect(card).toContainText("Ledger dates from 1 Jan 2025");
  await expectNoA11yViolations(kari.page, testInfo, "merchant-requests");
  await card.getByRole("button", { name: `Approve the request of ${TB.name}` }).click();
  const dialog = kari.page.getByRole("dialog", { name: `Approve the request of ${TB.name}` });
  await expect(dialog.getByTestId("approve-ledger-302103")).toContainText("Settles 2 sales units");
  const bryggen = dialog.getByRole("checkbox", { name: "Ledger 302103" });
  if (await bryggen.isChecked()) await bryggen.click();
  await expect(dialog.getByRole("checkbox", { name: "Ledger 302102" })).toBeChecked();
  // Personal data was not asked for: it cannot be given.
  await expect(dialog.getByRole("switch", { name: /Include payer names/ })).toBeDisabled();
  await dialog.getByLabel("Ledger dates from").fill("2025-06-01");
  await dialog.getByLabel("Ledger dates until").fill("2025-12-31");
  await dialog.getByRole("button", { name: "In 3 months" }).click();
  // The four-eyes rule (M5) applies exactly when the webshop would complete the set: when Tall & Balanse
  // already holds the Bryggen ledger (the grants journey may have given it), it would read every ledger.
  const bryggenHeld = ((await dialog.getByTestId("approve-ledger-302103").textContent()) ?? "").includes("Already has access");
  if (bryggenHeld) await expect(dialog.getByTestId("approve-four-eyes")).toContainText("access to every ledger");
  else await expect(dialog.getByTestId("approve-four-eyes")).toHaveCount(0);
  await expectNoA11yViolations(kari.page, testInfo, "approve-dialog");
  await saveScreenshot(kari.page, "lifecycle-approve-narrowed");
  await dialog.getByRole("button", { name: "Approve 1 ledger" }).click();
  if (bryggenHeld) {
    await expect(kari.page.getByText(`Approved; a second admin must confirm before ${TB.name} can read`)).toBeVisible();
    const ola = await signedInContext(browser, baseURL, PERSONAS.ola);
    await ola.page.goto("/merchant/approvals");
    await ola.page.getByTestId(`approval-${TB.orgNo}-302102`).getByRole("button", { name: "Approve" }).click();
    await ola.page.getByRole("alertdialog", { name: `Approve access for ${TB.name}?` }).getByRole("button", { name: "Approve" }).click();
    await expect(ola.page.getByText(`Approved: ${TB.name} can read ledger 302102`)).toBeVisible();
    await ola.context.close();
    await kari.page.reload();
  } else {
    await expect(kari.page.getByText(`${TB.name} can now read the approved ledgers`)).toBeVisible();
  }
  const answered = kari.page.getByTestId(`past-request-${TB.orgNo}`).filter({ hasText: "Approved" });
  await expect(answered).toContainText("By Kari Nordmann");
  await expect(answered.getByTestId("request-grant-302102")).toContainText("Active");
  await expect(answered.getByTestId("request-grant-302103")).toHaveCount(0);
  await kari.context.close();

  // Per sees exactly the scope Kari gave.
  const end = osloDate(91);
  await page.goto("/partner/clients");
  const fjord = page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`);
  const webshop = fjord.getByRole("listitem").filter({ hasText: "302102" });
  await expect(webshop).toContainText("Fjord Kaffe Grünerløkka Nettbutikk");
  await expect(webshop).toContainText("Active");
  await expect(webshop).toContainText(`${shown("2025-06-01")} – ${shown("2025-12-31")}`);
  await expect(webshop).toContainText("No personal data");
  await expect(webshop).toContainText(`Access ends ${shown(end)}`);
  await saveScreenshot(page, "lifecycle-per-clients-after-approval");

  await page.goto("/partner/requests");
  const approved = page.getByTestId("request-212002-212003");
  await expect(approved).toContainText("Approved");
  await expect(approved).toContainText(`Accepted by ${ORGS.fjordKaffe.name}`);
  await expect(approved.getByTestId("request-grant-302102")).toContainText(`Access ends ${shown(end)}`);
  await expect(approved.getByTestId("request-grant-302103")).toHaveCount(0);
  await page.getByTestId("notification-bell").click();
  await expect(page.getByRole("dialog").getByText("Fjord Kaffe AS approved part of your access request")).toBeVisible();
});

test("a request by organisation number is declined with a reason, and the partner reads it", async ({ page, browser, baseURL }) => {
  await signInAs(page, PERSONAS.per);
  await page.goto("/partner/requests");
  await page.getByRole("radio", { name: /By organisation number/ }).click();
  await page.getByRole("textbox", { name: "Organisation number" }).fill(ORGS.nordlysSport.orgNo.replace(/(\d{3})(\d{3})(\d{3})/, "$1 $2 $3"));
  await page.getByRole("textbox", { name: "Purpose" }).fill(`Quarterly VAT returns (${REF})`);
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("Request sent", { exact: true })).toBeVisible();

  const nils = await signedInContext(browser, baseURL, PERSONAS.nils);
  await nils.page.goto("/merchant/requests");
  const card = nils.page.getByTestId(`open-request-${TB.orgNo}`);
  await expect(card).toContainText("Any sales unit: the merchant chooses the ledgers");
  await card.getByRole("button", { name: `Decline the request of ${TB.name}` }).click();
  const dialog = nils.page.getByRole("dialog", { name: `Decline the request of ${TB.name}?` });
  await dialog.getByRole("textbox", { name: "Reason (optional)" }).fill("We keep the VAT returns in house.");
  await dialog.getByRole("button", { name: "Decline request" }).click();
  await expect(nils.page.getByText(`Request of ${TB.name} declined`)).toBeVisible();
  await expect(nils.page.getByTestId(`past-request-${TB.orgNo}`).first()).toContainText("Declined");
  await nils.context.close();

  await page.goto("/partner/notifications");
  const note = page.getByTestId("notification").filter({ hasText: "Your access request was declined" }).filter({ hasText: "We keep the VAT returns in house." });
  await expect(note).toContainText("We keep the VAT returns in house.");
  await page.goto("/partner/requests");
  await expect(page.getByTestId(`request-${ORGS.nordlysSport.orgNo}`).first()).toContainText("Declined");
});

test.describe("who may see and answer requests", () => {
  test.beforeEach(({ consoleGuard }) => consoleGuard.allow(/the server responded with a status of 404/));

  test("other personas get 404; a viewer reads without answering; an accountant is told to ask an owner", async ({ page, context }) => {
    await signInAs(page, PERSONAS.per);
    for (const p of ["/merchant/requests", "/merchant/requests/renewals"]) {
      const res = await page.goto(p);
      expect(res?.status(), p).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    }
    await context.clearCookies();
    await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
    expect((await page.goto("/partner/requests"))?.status()).toBe(404);
    expect(await page.content()).not.toContain(REF);

    await context.clearCookies();
    await signInAs(page, PERSONAS.vera);
    await page.goto("/merchant/requests");
    await expect(page.getByText("You can see the requests, but your role cannot answer them.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Approve the request of/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Decline the request of/ })).toHaveCount(0);

    await context.clearCookies();
    await signInAs(page, PERSONAS.anne);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" })).toHaveCount(0);
    const res = await page.goto("/partner/requests");
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("owners-only")).toContainText("Requests are sent by your firm's owners");
    // Nothing of the firm's requests in the page (the bell is her own notifications, outside <main>).
    const main = await page.locator("main").innerHTML();
    for (const secret of [REF, "Fjord Kaffe", "Nordlys Sport", "Send request"]) expect(main, `accountant page leaks ${secret}`).not.toContain(secret);

    await context.clearCookies();
    await signInAs(page, PERSONAS.admin);
    expect((await page.goto("/merchant/requests"))?.status()).toBe(404);
    expect((await page.goto("/partner/requests"))?.status()).toBe(404);
  });

  test("Nils sees the access that ends soon with one-click renewal; the bell and renewals pages pass axe", async ({ page }, testInfo) => {
    await signInAs(page, PERSONAS.nils);
    await page.goto("/merchant/requests/renewals");
    // The seeded grant of Tall & Balanse on 302201 ends within 14 days (looked at, not renewed: other specs count on it).
    const row = page.getByTestId("renewal-302201");
    await expect(row).toContainText(TB.name);
    await expect(row).toContainText(/\d+ days? left/);
    await expect(row.getByRole("button", { name: new RegExp(`^Renew \\d+ days: access of ${TB.name} to 302201$`) })).toBeEnabled();
    await expect(row.getByRole("button", { name: `Other lengths for ${TB.name}, 302201` })).toBeEnabled();
    await expectNoA11yViolations(page, testInfo, "renewals");
    await page.getByTestId("notification-bell").click();
    await expect(page.getByRole("dialog", { name: "Notifications" })).toBeVisible();
    await expectNoA11yViolations(page, testInfo, "notification-bell");
  });

  test("Nils (Nordlys Sport) sees nothing of Fjord Kaffe's requests", async ({ page }) => {
    await signInAs(page, PERSONAS.nils);
    await page.goto("/merchant/requests");
    const html = await page.content();
    // (His own request history holds the Nordlys request of this run; Fjord Kaffe's must not be there.)
    for (const secret of [`Monthly bookkeeping and the annual accounts 2025 (${REF})`, "MSN 212002", "MSN 212003", "ledger 302102"]) expect(html, `leaks ${secret}`).not.toContain(secret);
  });
});

/**
 * Teardown: the requests of this run (found by their reference) and the grants they created go; then the
 * sandbox is told Tall & Balanse's remaining grants, as the portal does after every change.
 */
async function removeJourneyData(): Promise<void> {
  const dataDir = path.resolve(process.env.PORTAL_DATA_DIR ?? ".data/e2e");
  const port = Number(readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n")[3]);
  const client = new pg.Client({ connectionString: `postgres://portal:portal@127.0.0.1:${port}/portal?sslmode=disable` });
  await client.connect();
  try {
    const ids = (await client.query<{ id: string }>(`SELECT "id" FROM "AccessRequest" WHERE "purpose" LIKE $1`, [`%${REF}%`])).rows.map((r) => r.id);
    if (ids.length > 0) {
      await client.query(`DELETE FROM "LedgerGrant" WHERE "requestId" = ANY($1::uuid[])`, [ids]);
      await client.query(`DELETE FROM "AccessRequest" WHERE "id" = ANY($1::uuid[])`, [ids]);
    }
    const live = await client.query<{ ledgerId: string; includesPersonalData: boolean; status: string }>(
      `SELECT l."externalId" AS "ledgerId", g."includesPersonalData", p."status" FROM "LedgerGrant" g
         JOIN "Ledger" l ON l."id" = g."ledgerId" JOIN "AccountingPartner" p ON p."id" = g."partnerId"
        WHERE p."orgNo" = $1 AND g."status" = 'active'`,
      [TB.orgNo],
    );
    const secret = (JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as { SANDBOX_ADMIN_SECRET: string }).SANDBOX_ADMIN_SECRET;
    const sandbox = `http://localhost:${process.env.E2E_SANDBOX_PORT ?? 4110}`;
    const res = await fetch(`${sandbox}/sandbox/admin/grants/${TB.orgNo}`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-sandbox-admin-secret": secret },
      body: JSON.stringify({ ledgers: live.rows.map((r) => ({ ledgerId: r.ledgerId, includesPersonalData: r.includesPersonalData })) }),
    });
    expect(res.ok, `sandbox grant push: HTTP ${res.status}`).toBe(true);
  } finally {
    await client.end();
  }
}
