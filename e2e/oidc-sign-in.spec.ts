import type { Page } from "@playwright/test";
import { test, expect, PERSONAS } from "./fixtures";

// "Continue with Company SSO" runs the real authorization-code flow against the local OpenID Provider
// (e2e/oidc-server.mjs): any password is accepted there; the portal admits invited e-mails only.

const oidcPort = Number(process.env.OIDC_PORT ?? 4499);

async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Company SSO" }).click();
  await page.waitForURL((url) => url.host === `127.0.0.1:${oidcPort}` && url.pathname.startsWith("/interaction/"));
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any password at all");
  await page.locator("button[type=submit]").click();
  // Consent (first use of this client for the account).
  await page.waitForURL((url) => url.host === `127.0.0.1:${oidcPort}` && url.pathname.startsWith("/interaction/"));
  await expect(page.locator("input[name=prompt][value=consent]")).toHaveCount(1);
  await page.locator("button[type=submit]").click();
  await page.waitForURL((url) => url.host !== `127.0.0.1:${oidcPort}` && !url.pathname.startsWith("/api/auth/"), { timeout: 30_000 });
}

test("an invited person signs in through the company SSO", async ({ page }) => {
  await signInAtProvider(page, "per@tallbalanse.example");
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/partner\/clients$/);
  await expect(page.getByRole("banner")).toContainText(PERSONAS.per);
  await expect(page.getByRole("banner")).toContainText("per@tallbalanse.example");
  await expect(page.getByTestId(/^client-/)).toHaveCount(2);
});

test("an e-mail nobody invited is turned away", async ({ page, context }) => {
  await signInAtProvider(page, "stranger@oidc.test");
  await expect(page).toHaveURL(/\/sign-in\?error=NotInvited$/);
  await expect(page.getByText("That account has not been invited to the portal.")).toBeVisible();
  // No session came of it.
  expect((await context.cookies()).map((c) => c.name)).not.toContain("authjs.session-token");
  await page.goto("/partner/clients");
  await expect(page).toHaveURL(/\/sign-in$/);
});

// Security finding 4: accounts were linked by e-mail without checking that the provider verified it, so anyone
// who could claim an invited address at the provider became that person, the platform admin included.
for (const [who, email] of [
  ["an invited accountant", "anne@tallbalanse.example"],
  ["the platform admin", "admin@portal.example"],
] as const) {
  test(`${who} whose e-mail the provider did not verify is turned away`, async ({ page, context }) => {
    await signInAtProvider(page, `unverified:${email}`);
    await expect(page).toHaveURL(/\/sign-in\?error=EmailNotVerified$/);
    await expect(page.getByRole("alert").filter({ hasText: "has not verified that account's e-mail address" })).toBeVisible();
    expect((await context.cookies()).map((c) => c.name)).not.toContain("authjs.session-token");
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });
}
