import { readFileSync } from "node:fs";
import path from "node:path";
import { test, expect, signInAs, PERSONAS, expectNoA11yViolations, saveScreenshot } from "./fixtures";

// A2 in the browser: Ingrid runs the reconciliation with the sandbox's drift switch on for Tall & Balanse (one
// ledger readable upstream that is not granted here, one granted ledger not readable), sees both findings, and
// Kari sees them as "out of sync"; with drift off the next run resolves them. Changes sandbox state: a journey.

const dataDir = path.resolve(".data/e2e");
const sandbox = `http://localhost:${process.env.E2E_SANDBOX_PORT ?? 4110}`;
const TALL = "987654321";
const FJORD_LEDGERS = ["302101", "302102", "302103"];

function secret(): string {
  return (JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as { SANDBOX_ADMIN_SECRET: string }).SANDBOX_ADMIN_SECRET;
}

async function sandboxAdmin(method: "GET" | "PUT", route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandbox}/sandbox/admin/${route}`, {
    method,
    headers: { "content-type": "application/json", "x-sandbox-admin-secret": secret() },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.ok, `sandbox ${route}: HTTP ${res.status}`).toBe(true);
  return res.json();
}

/** One of Fjord Kaffe's ledgers Tall & Balanse holds upstream, and one it does not. */
async function pickDrift(): Promise<{ extra: string; missing: string }> {
  const { partners } = (await sandboxAdmin("GET", "grants")) as { partners: { partnerOrgNo: string; ledgers: { ledgerId: string }[] }[] };
  const held = new Set(partners.find((p) => p.partnerOrgNo === TALL)?.ledgers.map((l) => l.ledgerId) ?? []);
  const missing = FJORD_LEDGERS.find((l) => held.has(l)) ?? [...held][0];
  const extra = FJORD_LEDGERS.find((l) => !held.has(l));
  if (!missing || !extra) throw new Error(`Tall & Balanse's upstream grants do not allow a drift on Fjord Kaffe: ${[...held].join(", ")}`);
  return { extra, missing };
}

async function checkNow(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Check now" }).click();
  // The run is queued; the page refreshes itself until it is done.
  await expect(page.getByRole("button", { name: "Check now" })).toBeEnabled({ timeout: 45_000 });
  await expect(page.getByTestId("reconciliation-run")).toContainText("Last checked", { timeout: 45_000 });
}

test.describe.serial("reconciliation with the sandbox's drift switch", () => {
  let drift: { extra: string; missing: string };

  test.afterAll(async () => {
    await sandboxAdmin("PUT", "drift", { partnerOrgNo: TALL, extraLedgerIds: [], missingLedgerIds: [] });
  });

  test("Ingrid runs the check with drift on and sees both kinds of finding", async ({ page }, testInfo) => {
    drift = await pickDrift();
    await sandboxAdmin("PUT", "drift", { partnerOrgNo: TALL, extraLedgerIds: [drift.extra], missingLedgerIds: [drift.missing] });
    await signInAs(page, PERSONAS.admin);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reconciliation" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Reconciliation" })).toBeVisible();
    await checkNow(page);
    const upstreamOnly = page.getByTestId("finding-row").and(page.locator('[data-kind="upstream_only"][data-state="open"]')).filter({ hasText: drift.extra });
    const portalOnly = page.getByTestId("finding-row").and(page.locator('[data-kind="portal_only"][data-state="open"]')).filter({ hasText: drift.missing });
    await expect(upstreamOnly).toBeVisible();
    await expect(upstreamOnly).toContainText("Not granted here");
    await expect(upstreamOnly).toContainText("Tall & Balanse");
    await expect(portalOnly).toBeVisible();
    await expect(portalOnly).toContainText("Not readable upstream");
    await expectNoA11yViolations(page, testInfo, "reconciliation findings");
    await saveScreenshot(page, "admin-reconciliation-open");

    // Filter to one kind: only that kind is listed, and the filter is in the URL.
    await page.getByLabel("Kind").selectOption("portal_only");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/kind=portal_only/);
    await expect(portalOnly).toBeVisible();
    await expect(page.locator('[data-testid="finding-row"][data-kind="upstream_only"]')).toHaveCount(0);
  });

  test("Kari sees the partner as out of sync on her partners page", async ({ page }) => {
    await signInAs(page, PERSONAS.kari, "Fjord Kaffe AS");
    await page.goto("/merchant/partners");
    const alert = page.getByTestId("out-of-sync-findings");
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(`can read ledger ${drift.extra} at the Report API, but no grant here allows it`);
    await expect(alert).toContainText(`cannot read ledger ${drift.missing} at the Report API although it is granted here`);
    await saveScreenshot(page, "merchant-partners-out-of-sync");
    // The grant that is not readable upstream says so on its own page too.
    await page.getByRole("link", { name: `Open access of Tall & Balanse Regnskap AS to ledger ${drift.missing}` }).click();
    await expect(page).toHaveURL(/\/merchant\/partners\/grants\//);
    await expect(page.getByTestId("out-of-sync-findings")).toContainText(`cannot read ledger ${drift.missing}`);
    await saveScreenshot(page, "merchant-grant-out-of-sync");
  });

  test("with drift off, the next check resolves both", async ({ page }) => {
    await sandboxAdmin("PUT", "drift", { partnerOrgNo: TALL, extraLedgerIds: [], missingLedgerIds: [] });
    await signInAs(page, PERSONAS.admin);
    await page.goto("/admin/reconciliation");
    await checkNow(page);
    await expect(page.getByTestId("finding-row").filter({ hasText: drift.extra })).toHaveCount(0);
    await page.getByLabel("State").selectOption("resolved");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/state=resolved/);
    for (const [kind, ledger] of [["upstream_only", drift.extra], ["portal_only", drift.missing]] as const) {
      const row = page.locator(`[data-testid="finding-row"][data-kind="${kind}"][data-state="resolved"]`).filter({ hasText: ledger });
      await expect(row).toBeVisible();
      await expect(row).toContainText("Resolved");
    }
    await saveScreenshot(page, "admin-reconciliation-resolved");
  });
});
