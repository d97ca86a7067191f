import type { Page } from "@playwright/test";
import { test, expect, signInAs, PERSONAS, ORGS, expectNoA11yViolations, saveScreenshot } from "./fixtures";

// P1/P2 in the browser: Per (owner, Tall & Balanse) reads Fjord Kaffe's granted ledger 302101. The figures add up
// to the entries, a pspReference can be found, and every ledger not granted to him (or his accountant) is a 404.

/** A ledger date in Oslo, `days` from today (the sandbox and the portal both count "today" in Oslo). */
function osloDate(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const minor = async (page: Page, testId: string) => Number(await page.getByTestId(testId).getAttribute("data-minor"));

async function showRange(page: Page, from: string, to: string) {
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Show", exact: true }).click();
  // A first view may fetch the dates upstream and cache them: allow for that on a busy machine.
  await expect(page.getByTestId(`day-${to}`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("ledger-stats")).toBeVisible();
}

/** Every entry amount of the open entries tab, following "Next" to the last page. */
async function allEntryAmounts(page: Page, topic: "funds" | "fees") {
  const amounts: { type: string; minor: number }[] = [];
  for (;;) {
    // The list keeps the previous range's page on screen (dimmed, aria-busy) until the new one arrives: read only
    // once nothing on the page is loading, or the rows may be the old range's or vanish while read.
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 30_000 });
    const rows = page.getByTestId(`entries-${topic}`).getByTestId("entry-row");
    await expect(rows.first()).toBeVisible();
    for (const row of await rows.all()) {
      amounts.push({ type: (await row.getAttribute("data-entry-type")) ?? "", minor: Number(await row.getByTestId("entry-amount").getAttribute("data-minor")) });
    }
    const next = page.getByRole("navigation", { name: "Entry pages" }).getByRole("button", { name: "Next" });
    if (await next.isDisabled()) return amounts;
    const summary = await page.getByTestId("entries-summary").textContent();
    await next.click();
    await expect(page.getByTestId("entries-summary")).not.toHaveText(summary ?? "");
  }
}

test("Per opens granted ledger 302101: totals equal the entries, a pspReference is found", async ({ page }, testInfo) => {
  await signInAs(page, PERSONAS.per);
  await page.getByTestId(`client-${ORGS.fjordKaffe.orgNo}`).getByRole("link", { name: ORGS.fjordKaffe.name, exact: true }).click();
  await page.getByRole("link", { name: "Ledger 302101" }).click();
  // The header paints at once; the figures stream in (the first view fetches a week from upstream and caches it).
  await expect(page.getByRole("heading", { level: 1, name: "Ledger 302101" })).toBeVisible();
  await expect(page.getByTestId("complete-through")).toBeVisible({ timeout: 30_000 });
  await expectNoA11yViolations(page, testInfo, "partner ledger");

  // One closed ledger date: its figures are final and must be the plain sums of its entries.
  const date = osloDate(-2);
  await showRange(page, date, date);
  await expect(page).toHaveURL(new RegExp(`from=${date}&to=${date}`));
  await expect(page.getByTestId("complete-through")).toContainText("Complete through");
  await saveScreenshot(page, "ledger-partner-one-date");

  await page.getByRole("tab", { name: "Funds entries" }).click();
  const funds = await allEntryAmounts(page, "funds");
  expect(funds.length).toBeGreaterThan(0);
  const sum = (list: { minor: number }[]) => list.reduce((s, e) => s + e.minor, 0);
  expect(sum(funds)).toBe(await minor(page, "stat-net"));
  expect(sum(funds.filter((e) => e.type === "capture"))).toBe(await minor(page, "stat-captures"));
  expect(sum(funds.filter((e) => e.type === "refund"))).toBe(await minor(page, "stat-refunds"));
  expect(sum(funds.filter((e) => e.type === "payout-scheduled" || e.type === "payout-aborted"))).toBe(await minor(page, "stat-payouts"));
  await page.getByRole("tab", { name: "Funds per date" }).click();
  expect(await minor(page, "total-net")).toBe(sum(funds));

  // Search one capture's pspReference: exactly that payment's entries remain.
  await page.getByRole("tab", { name: "Funds entries" }).click();
  const psp = (await page.getByTestId("entries-funds").locator('[data-entry-type="capture"]').first().getByTestId("entry-psp").textContent())!.trim();
  await page.getByLabel("Search by reference or pspReference").fill(psp);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const found = page.getByTestId("entries-funds").getByTestId("entry-psp");
  // The previous page stays on screen (dimmed) until the search answers: wait for the answer itself.
  await expect(async () => {
    const texts = (await found.allTextContents()).map((t) => t.trim());
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts)).toEqual(new Set([psp]));
  }).toPass();
  await expect(page.getByTestId("entries-summary")).toHaveText(/^Entries 1–\d of \d$/);
  await saveScreenshot(page, "ledger-partner-search");
});

test("a ledger of the same merchant that was not granted is a 404, for the owner and his accountant", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/the server responded with a status of 404/);
  await signInAs(page, PERSONAS.per);
  for (const path of ["/partner/ledgers/302102", "/partner/ledgers/402301", "/partner/ledgers/999999", "/partner/ledgers/302101%27%3B--"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
    expect(await page.content()).not.toContain("Grünerløkka Nettbutikk");
  }
  await page.context().clearCookies();
  // Anne is assigned Fjord Kaffe only: Nordlys Sport's ledger, granted to her firm, is not hers.
  await signInAs(page, PERSONAS.anne);
  expect((await page.goto("/partner/ledgers/302101"))?.status()).toBe(200);
  expect((await page.goto("/partner/ledgers/302201"))?.status()).toBe(404);
});

test("another persona opening a partner ledger gets a 404", async ({ page, consoleGuard }) => {
  consoleGuard.allow(/the server responded with a status of 404/);
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  expect((await page.goto("/partner/ledgers/302101"))?.status()).toBe(404);
  expect(await page.content()).not.toContain("Tall & Balanse");
});

test("bad dates are explained, never an error page", async ({ page }) => {
  await signInAs(page, PERSONAS.per);
  const response = await page.goto("/partner/ledgers/302101?from=2026-13-45&to=2026-01-01");
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId("range-error")).toContainText("Enter a real date as YYYY-MM-DD.");

  await showRange(page, osloDate(-3), osloDate(-1));
  await page.getByLabel("From", { exact: true }).fill(osloDate(-1));
  await page.getByLabel("To", { exact: true }).fill(osloDate(-3));
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByText("The start date must be on or before the end date.")).toBeVisible();

  await page.getByLabel("From", { exact: true }).fill(osloDate(-200));
  await page.getByLabel("To", { exact: true }).fill(osloDate(-1));
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page.getByText("Choose at most 92 days at a time.")).toBeVisible();
});

test("Per queues a sync and sees it finish", async ({ page }) => {
  await signInAs(page, PERSONAS.per);
  await page.goto("/partner/ledgers/302101");
  const panel = page.getByTestId("sync-panel");
  await expect(panel).toBeVisible({ timeout: 30_000 });
  await panel.getByRole("button", { name: "Sync now" }).click();
  await expect(panel.getByTestId("sync-state")).toHaveText(/Queued…|Syncing…|Sync finished/);
  await expect(panel.getByTestId("sync-state")).toHaveText("Sync finished", { timeout: 45_000 });
  await expect(panel.getByTestId("sync-last")).toContainText("Last synced");
});
