import { readFileSync } from "node:fs";
import path from "node:path";
import { test, expect, signInAs, PERSONAS, expectNoA11yViolations, saveScreenshot } from "./fixtures";

// Upstream down in the browser: with the sandbox answering 500 to every Report API read, Per's ledger page says
// which dates could not be read and why (no error page, no endless spinner); once upstream is back, "Try again"
// shows the figures. Runs alone, last (its own project): the fault switch is global to the sandbox.

const dataDir = path.resolve(".data/e2e");
const sandbox = `http://localhost:${process.env.E2E_SANDBOX_PORT ?? 4110}`;

async function setFaults(rules: unknown[] | null): Promise<void> {
  const secret = (JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8")) as { SANDBOX_ADMIN_SECRET: string }).SANDBOX_ADMIN_SECRET;
  const res = await fetch(`${sandbox}/sandbox/admin/faults`, {
    method: rules ? "PUT" : "DELETE",
    headers: { "content-type": "application/json", "x-sandbox-admin-secret": secret },
    ...(rules ? { body: JSON.stringify({ rules }) } : {}),
  });
  expect(res.ok, `sandbox faults: HTTP ${res.status}`).toBe(true);
}

/** A ledger date in Oslo, `days` from today, outside what the first view and the sync have cached. */
function osloDate(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

test("a ledger page under upstream 500s shows a clear state, and reads again once upstream is back", async ({ page }, testInfo) => {
  const date = osloDate(-75);
  await signInAs(page, PERSONAS.per);
  await setFaults([{ kind: "500", probability: 1, routes: "report" }]);
  try {
    const response = await page.goto(`/partner/ledgers/302101?from=${date}&to=${date}`);
    expect(response?.status()).toBe(200);
    const problem = page.getByTestId("ledger-problem");
    await expect(problem).toBeVisible({ timeout: 30_000 });
    await expect(problem).toHaveAttribute("data-problem", "UPSTREAM_UNAVAILABLE");
    await expect(problem).toContainText("Vipps MobilePay is not answering");
    await expect(problem).toContainText("The ledger date could not be read");
    await expectNoA11yViolations(page, testInfo, "ledger under upstream 500");
    await saveScreenshot(page, "ledger-partner-upstream-500");

    await setFaults(null);
    await problem.getByRole("button", { name: "Try again" }).click();
    await expect(problem).toBeHidden({ timeout: 30_000 });
    await expect(page.getByTestId(`day-${date}`)).toBeVisible();
    await expect(page.getByTestId("ledger-stats")).toBeVisible();
  } finally {
    await setFaults(null);
  }
});
