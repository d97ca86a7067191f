import { test, expect, expectNoA11yViolations } from "./fixtures";

// Without a session every signed-in area sends the visitor to the sign-in page (the proxy's first gate and
// the pages' own checks), never rendering anything of a tenant.
for (const path of ["/", "/merchant/partners", "/partner/clients", "/admin/access", "/select-organisation"]) {
  test(`${path} redirects to /sign-in without a session`, async ({ page }) => {
    await page.goto(path);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  });
}

test("a made-up session cookie is not a session", async ({ page, context, baseURL }) => {
  // The proxy only looks for the cookie; the pages must still refuse an unknown token.
  await context.addCookies([{ name: "authjs.session-token", value: "0".repeat(64), url: baseURL! }]);
  await page.goto("/merchant/partners");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByTestId(/^sales-unit-/)).toHaveCount(0);
});

test("the sign-in page offers SSO and every demo persona, and passes axe", async ({ page }, testInfo) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Continue with Company SSO" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Sign in as / })).toHaveCount(10);
  await expectNoA11yViolations(page, testInfo, "sign-in");
});

test("the static files of public/ are served to anyone, with the security headers: robots.txt keeps crawlers out", async ({ request }) => {
  const robots = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toMatch(/^text\/plain/);
  expect((await robots.text()).split("\n")).toEqual(expect.arrayContaining(["User-agent: *", "Disallow: /"]));
  expect(robots.headers()["x-content-type-options"]).toBe("nosniff");
  const icon = await request.get("/favicon.ico", { maxRedirects: 0 });
  expect(icon.status()).toBe(200);
  expect([...(await icon.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]); // an ICO file's header
});
