import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, signInAs, ORGS, PERSONAS } from "./fixtures";

/**
 * Each persona's main pages in Norwegian Bokmål and in Danish (issue 13): chosen with the switch in the top bar,
 * kept on the user across sign-ins, with dates and amounts written the one formatter's way (lib/format) and axe
 * on every page visited. Screenshots go to docs/screenshots/ beside the English ones. Every persona is switched
 * back to English at the end: the other specs read English.
 */
test.use({ axeEveryPage: true });
test.describe.configure({ mode: "serial" });

const SHOTS = path.join("docs", "screenshots");

const TEXT = {
  nb: { partners: "Regnskapspartnere", addPartner: "Legg til en regnskapspartner", ledger: /^Oppgjørsoversikt \d+/, admin: "Tilgangsoversikt", clients: "Kunder", signOut: "Logg ut", language: "Språk" },
  da: { partners: "Regnskabspartnere", addPartner: "Tilføj en regnskabspartner", ledger: /^Afregningsoversigt \d+/, admin: "Adgangsoversigt", clients: "Kunder", signOut: "Log ud", language: "Sprog" },
} as const;

/**
 * Dates, times and amounts on the page that the formatter would not write in this language: English month names,
 * US or slash dates, 12-hour clocks, and (Norwegian) amounts with a dot for thousands or a currency code first.
 */
async function foreignFormats(page: Page, locale: "nb" | "da"): Promise<string[]> {
  const text = await page.locator("main").innerText();
  const bad = [
    /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/g,
    /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}\b/g,
    /\b\d{1,2}\/\d{1,2}\/\d{4}\b/g,
    /\b\d{1,2}:\d{2}\s?(AM|PM)\b/gi,
    /\b(NOK|DKK|EUR)\s?-?\d/g,
    ...(locale === "nb" ? [/\b\d{1,3}(,\d{3})+\.\d{2}\b/g] : []),
  ];
  return bad.flatMap((re) => text.match(re) ?? []);
}

async function chooseLanguage(page: Page, locale: "en" | "nb" | "da") {
  await page.getByTestId("language-switch").selectOption(locale);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function expectFormatted(page: Page, locale: "nb" | "da") {
  await page.waitForLoadState("networkidle");
  expect(await foreignFormats(page, locale), `dates or amounts not in ${locale} format on ${page.url()}`).toEqual([]);
}

for (const [locale, merchant, partner, ledgerPath, org] of [
  ["nb", PERSONAS.kari, PERSONAS.per, "/partner/ledgers/302101", ORGS.fjordKaffe.name],
  ["da", PERSONAS.freja, PERSONAS.mads, null, undefined],
] as const) {
  const words = TEXT[locale];

  test(`merchant journey in ${locale}: overview, add-partner flow, ledger; the choice persists across sign-ins`, async ({ page }) => {
    await signInAs(page, merchant, org);
    await chooseLanguage(page, locale);
    await expect(page.getByRole("heading", { level: 1, name: words.partners })).toBeVisible();
    await expectFormatted(page, locale);
    await shot(page, `merchant-overview-${locale}`);

    await page.goto("/merchant/partners/new");
    await expect(page.getByRole("heading", { level: 1, name: words.addPartner })).toBeVisible();
    await expectFormatted(page, locale);
    await shot(page, `grants-add-partner-${locale}`);

    await page.goto("/merchant/ledger");
    const open = page.locator('a[href^="/merchant/ledger/"]').first();
    if (await open.count()) {
      await open.click();
      await page.waitForURL(/\/merchant\/ledger\/[^/]+$/);
      await expectFormatted(page, locale);
      await shot(page, `ledger-merchant-${locale}`);
    }

    // Signing out and in again keeps the language: it is stored on the user, not in the browser.
    await page.getByRole("button", { name: words.signOut }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await signInAs(page, merchant, org);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1, name: words.partners })).toBeVisible();
    await chooseLanguage(page, "en");
  });

  test(`partner journey in ${locale}: clients and a granted ledger`, async ({ page }) => {
    await signInAs(page, partner);
    await chooseLanguage(page, locale);
    await expect(page.getByRole("heading", { level: 1, name: words.clients })).toBeVisible();
    await expectFormatted(page, locale);
    await shot(page, `partner-clients-${locale}`);
    const target = ledgerPath ?? (await page.locator('a[href^="/partner/clients/"]').first().getAttribute("href"));
    if (target) {
      await page.goto(target);
      if (ledgerPath) await expect(page.getByRole("heading", { level: 1, name: words.ledger })).toBeVisible();
      await expectFormatted(page, locale);
      await shot(page, `ledger-partner-${locale}`);
    }
    if (ledgerPath) {
      // A bad range in the address is explained in the reader's language, the reason included.
      await page.goto(`${ledgerPath}?from=2026-02-30&to=2026-03-01`);
      await expect(page.getByTestId("range-error")).toContainText("Skriv inn en gyldig dato som ÅÅÅÅ-MM-DD.");
      await expect(page.getByTestId("range-error")).not.toContainText("Enter");

      // A form's mistakes are said in the reader's language too (decision 042): the client's journal accounts.
      await page.goto("/partner/clients");
      await page.locator('a[href^="/partner/clients/"]').filter({ hasText: org ?? "" }).first().click();
      await page.waitForURL(/\/partner\/clients\/[^/]+$/);
      await page.goto(`${new URL(page.url()).pathname}/journal-accounts`);
      await page.getByLabel("Oppgjørskonto (Vipps MobilePay)").fill("=1+1");
      await page.getByRole("button", { name: "Lagre kontoer" }).click();
      await expect(page.getByText("Bruk bare bokstaver, sifre og punktum, og begynn med en bokstav eller et siffer.")).toBeVisible();
      await shot(page, `journal-accounts-error-${locale}`);
    }
    await chooseLanguage(page, "en");
  });

  test(`admin overview in ${locale}`, async ({ page }) => {
    await signInAs(page, PERSONAS.admin);
    await chooseLanguage(page, locale);
    await expect(page.getByRole("heading", { level: 1, name: words.admin })).toBeVisible();
    await expectFormatted(page, locale);
    await shot(page, `admin-overview-${locale}`);
    await page.goto("/admin/audit");
    await expectFormatted(page, locale);
    await chooseLanguage(page, "en");
  });
}

test("a browser asking for Danish gets the sign-in page in Danish before anyone signs in", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, locale: "da-DK" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await expect(page.getByRole("heading", { level: 1, name: "Log ind" })).toBeVisible();
  await context.close();
});
