import { test, expect, signInAs, PERSONAS } from "./fixtures";

test("signing out ends the session", async ({ page, context, baseURL }) => {
  await signInAs(page, PERSONAS.vera);
  await expect(page).toHaveURL(/\/merchant\/partners$/);
  const session = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  expect(session, "demo sign-in sets the Auth.js session cookie").toBeTruthy();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("button", { name: new RegExp(`^Sign in as ${PERSONAS.vera} `) })).toBeVisible();

  await page.goto("/merchant/partners");
  await expect(page).toHaveURL(/\/sign-in$/);

  // Sessions live in the database: the old token is dead even if someone kept a copy of the cookie.
  await context.addCookies([{ name: session!.name, value: session!.value, url: baseURL! }]);
  await page.goto("/merchant/partners");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByTestId(/^sales-unit-/)).toHaveCount(0);
});
