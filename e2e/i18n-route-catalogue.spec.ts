import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, signInAs, ORGS, PERSONAS } from "./fixtures";

/**
 * Every route sends the browser only its own part of the catalogue (decision 044): each persona's pages and their
 * dialogs, in English and Norwegian, show no raw message key (what next-intl prints for a message the page's
 * provider did not send, beside a console error, which the fixture fails on). Its own project, after the language
 * journeys: it switches the same people's language and back.
 */
test.describe.configure({ mode: "serial" });

// "ledgerView.title": a namespace of the catalogue, a dot, a key; not a file's name in a path ("docs/journal.md").
const CATALOGUE = path.join("messages", "en");
const NAMESPACES = readdirSync(CATALOGUE)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => Object.keys(JSON.parse(readFileSync(path.join(CATALOGUE, f), "utf8")) as object));
const RAW_KEY = new RegExp(`(?<![\\w/.-])(?:${NAMESPACES.join("|")})\\.[A-Za-z]`);

async function expectNoRawKeys(page: Page, where: string) {
  const text = await page.locator("body").innerText();
  expect(text.match(RAW_KEY)?.[0], `a raw message key on ${where}`).toBeUndefined();
}

/** The page, then each of its first dialogs (and the bell's list) opened and closed again. */
async function checkPage(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await expectNoRawKeys(page, path);
  const triggers = page.locator('main button[aria-haspopup="dialog"]:visible');
  for (let i = 0; i < Math.min(await triggers.count(), 3); i++) {
    await triggers.nth(i).click();
    const dialog = page.locator('[role="dialog"], [role="alertdialog"]').last();
    await expect(dialog).toBeVisible();
    await expectNoRawKeys(page, `${path}, dialog ${i + 1}`);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  }
}

async function checkBell(page: Page) {
  await page.getByTestId("notification-bell").click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoRawKeys(page, "the notification bell");
  await page.keyboard.press("Escape");
}

/** The first link on a page whose address starts so (a grant, a ledger, a client): the demo world has one. */
async function firstHref(page: Page, path: string, prefix: string): Promise<string[]> {
  await page.goto(path);
  const link = page.locator(`main a[href^="${prefix}"]`).first();
  await expect(link, `a link to ${prefix}… on ${path}`).toBeAttached();
  return [(await link.getAttribute("href"))!];
}

const PEOPLE = {
  merchant: { name: PERSONAS.kari, org: ORGS.fjordKaffe.name },
  partner: { name: PERSONAS.per, org: undefined },
  admin: { name: PERSONAS.admin, org: undefined },
} as const;

const ROUTES: Record<keyof typeof PEOPLE, (page: Page) => Promise<string[]>> = {
  merchant: async (page) => [
    "/merchant/partners",
    ...(await firstHref(page, "/merchant/partners", "/merchant/partners/grants/")),
    "/merchant/partners/new",
    "/merchant/requests",
    "/merchant/requests/renewals",
    "/merchant/approvals",
    "/merchant/partner-staff",
    "/merchant/access-log",
    "/merchant/notifications",
    "/merchant/ledger",
    ...(await firstHref(page, "/merchant/ledger", "/merchant/ledger/")),
    ...(await firstHref(page, "/merchant/partners", "/merchant/sales-units/")),
    "/merchant/keys",
  ],
  partner: async (page) => {
    const client = await firstHref(page, "/partner/clients", "/partner/clients/");
    return ["/partner/clients", ...client, ...client.map((c) => `${c}/journal-accounts`), "/partner/ledgers/302101", "/partner/keys", "/partner/requests", "/partner/staff", "/partner/notifications"];
  },
  admin: async (page) => ["/admin/access", ...(await firstHref(page, "/admin/access", "/admin/access/grants/")), "/admin/partners", "/admin/audit", "/admin/reconciliation"],
};

for (const locale of ["en", "nb"] as const) {
  for (const persona of Object.keys(PEOPLE) as (keyof typeof PEOPLE)[]) {
    test(`${persona}'s pages and dialogs in ${locale} show no raw message key`, async ({ page }) => {
      test.setTimeout(300_000);
      await signInAs(page, PEOPLE[persona].name, PEOPLE[persona].org);
      await page.getByTestId("language-switch").selectOption(locale);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      for (const path of await ROUTES[persona](page)) await checkPage(page, path);
      if (persona !== "admin") await checkBell(page);
      await page.getByTestId("language-switch").selectOption("en");
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
    });
  }
}

test("the sign-in page in Norwegian shows no raw message key", async ({ browser, baseURL, consoleGuard }) => {
  const context = await browser.newContext({ baseURL, locale: "nb-NO" });
  const page = await context.newPage();
  consoleGuard.watch(page);
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "nb");
  await expectNoRawKeys(page, "/sign-in");
  await context.close();
});
