import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect, signInAs, saveScreenshot, PERSONAS, ORGS } from "./fixtures";

// Security finding 3: no CSP, frame-ancestors, nosniff, Referrer-Policy or HSTS, and another origin could frame
// a signed-in merchant page with its revoke and approve buttons. The browser tests run the embedded mode
// (http://localhost), so HSTS must be absent here; tests/unit/security-headers.test.ts covers production mode.
// Every spec's console guard (fixtures.ts) fails on a CSP violation, so the policy is checked on every page
// the specs open, not only here.

test("pages carry a nonce CSP and the static security headers, and their scripts run under it", async ({ page }) => {
  const first = await page.goto("/sign-in");
  const headers = first!.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  // The sign-in form's server action redirects to the OIDC provider: form-action must allow its origin.
  expect(csp).toMatch(/form-action 'self' http:\/\/127\.0\.0\.1:\d+/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"], "no HSTS on the embedded mode's http://localhost").toBeUndefined();

  // Next.js put this response's nonce on every script of the page it sent, so they ran: the inline flight data was
  // pushed. (Chunks loaded later on first use, such as the toasts, are added by those trusted scripts and carry no
  // nonce of their own: 'strict-dynamic' allows them, and the console guard fails on any CSP violation.)
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await first!.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => /\snonce="([^"]*)"/.exec(m[0])?.[1] ?? "");
  expect(scripts.length).toBeGreaterThan(0);
  expect(new Set(scripts)).toEqual(new Set([nonce]));
  expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f))).toBe(true);

  // A fresh nonce per response.
  const second = await page.goto("/sign-in");
  expect(/'nonce-([^']+)'/.exec(second!.headers()["content-security-policy"] ?? "")![1]).not.toBe(nonce);
});

test("another site cannot frame a signed-in merchant page", async ({ page, consoleGuard }) => {
  // The browser's own report of the refusal, on the attacker's page, is the expected outcome here.
  consoleGuard.allow(/frame-ancestors|X-Frame-Options|Refused to (display|frame)/);
  await signInAs(page, PERSONAS.kari, ORGS.fjordKaffe.name);
  await expect(page.getByRole("heading", { level: 1, name: "Accounting partners" })).toBeVisible();

  // The attacker's page is a real server on this machine, same-site with the portal (another port on
  // localhost), so the Lax session cookie goes along: the framed page would be Kari's own, buttons and all.
  const target = new URL("/merchant/partners", page.url()).toString();
  const attacker = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><title>attacker</title><iframe src="${target}" width="900" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  const attackerPort = (attacker.address() as AddressInfo).port;
  const framed = page.waitForResponse((r) => r.url() === target);
  await page.goto(`http://localhost:${attackerPort}/attack`);
  const response = await framed.finally(() => attacker.close());
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(response.headers()["x-frame-options"]).toBe("DENY");
  // The browser refused to show it.
  await page.waitForTimeout(500);
  await expect(page.frameLocator("iframe").getByRole("heading", { name: "Accounting partners" })).toHaveCount(0);
  expect(page.frames().some((f) => f.url() === target)).toBe(false);
});

test("styles render under the policy, inline style attributes included", async ({ page }) => {
  await signInAs(page, PERSONAS.admin);
  await expect(page).toHaveURL(/\/admin\/access$/);
  // The stylesheet applied (Tailwind): the status bars have their height and colour...
  const bars = page.locator("[data-testid=grants-by-status] [aria-hidden] > div");
  await expect(bars.first()).toBeVisible();
  const widths = await bars.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().width));
  // ...and the server-rendered style="width: …%" applied (style-src allows style attributes).
  expect(Math.max(...widths)).toBeGreaterThan(50);
  await saveScreenshot(page, "admin-access-under-csp");
});
