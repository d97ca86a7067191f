import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests against the real portal (`npm start`'s script) on its own port, data dir and sandbox port,
 * plus a local OpenID Provider, so they never touch a developer's `npm start` on 3000/4010 with `.data/`.
 * Debian's Chromium is used (CHROMIUM_PATH); nothing is downloaded.
 *
 * Ports: E2E_PORT (portal, 3100), E2E_SANDBOX_PORT (Report API sandbox, 4110), OIDC_PORT (provider, 4499).
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
const oidcPort = Number(process.env.OIDC_PORT ?? 4499);
const oidcClientId = "portal-e2e";
const oidcClientSecret = "portal-e2e-secret-0123456789abcdef";
// Always localhost, never 127.0.0.1: Auth.js' CSRF and state cookies are bound to the host name.
const baseURL = `http://localhost:${port}`;
const browser = { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } };
const JOURNEYS = /(i18n-.*|grants-.*|lifecycle-.*|ledgers-keys|journal-.*|admin-journey|admin-reconciliation|ledgers-exports|ledgers-faults|secrets-scan)\.spec\.ts$/;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // Two cores: the portal, PostgreSQL and the browser share them.
  workers: 2,
  reporter: "list",
  // Axe runs on every page a test loads (e2e/fixtures.ts): a long journey needs more than a minute on a busy machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results/artifacts",
  use: {
    baseURL,
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    navigationTimeout: 30_000,
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    },
  },
  // Specs that read the first-start demo world run first; journeys that change it (grants, requests, staff,
  // stored keys) run after, one feature at a time, so no spec sees another's half-made changes.
  projects: [
    { name: "first-start", testIgnore: JOURNEYS, use: browser },
    // Norwegian and Danish journeys switch personas' language (and back): alone, before anything signs in as them again.
    { name: "language-journeys", testMatch: /i18n-.*\.spec\.ts$/, testIgnore: /i18n-route-catalogue\.spec\.ts$/, dependencies: ["first-start"], retries: 0, use: browser },
    // Every page and dialog in English and Norwegian (decision 044): switches the same people's language, so after.
    { name: "catalogue-journeys", testMatch: /i18n-route-catalogue\.spec\.ts$/, dependencies: ["language-journeys"], retries: 0, use: browser },
    // A journey's retry would start from the world its first attempt changed: no retries there.
    { name: "grant-journeys", testMatch: /grants-.*\.spec\.ts$/, dependencies: ["catalogue-journeys"], retries: 0, use: browser },
    { name: "lifecycle-journeys", testMatch: /lifecycle-.*\.spec\.ts$/, dependencies: ["grant-journeys"], retries: 0, use: browser },
    { name: "key-journeys", testMatch: /ledgers-keys\.spec\.ts$/, dependencies: ["lifecycle-journeys"], retries: 0, use: browser },
    // P4: a client's journal accounts are saved (changes the world), then a month's journal is downloaded.
    { name: "journal-journeys", testMatch: /journal-.*\.spec\.ts$/, dependencies: ["key-journeys"], retries: 0, use: browser },
    // A4 suspends a partner (and re-activates it): after the other journeys, before the faults.
    { name: "admin-journeys", testMatch: /admin-journey\.spec\.ts$/, dependencies: ["journal-journeys"], retries: 0, use: browser },
    // The sandbox's drift switch (A2 reconciliation): after the admin journeys, before the faults.
    { name: "reconciliation-journeys", testMatch: /admin-reconciliation\.spec\.ts$/, dependencies: ["admin-journeys"], retries: 0, use: browser },
    // Exports write receipts and access-log rows (P4): before the faults are switched on.
    { name: "export-journeys", testMatch: /ledgers-exports\.spec\.ts$/, dependencies: ["reconciliation-journeys"], retries: 0, use: browser },
    // Upstream faults are switched on for the whole sandbox: this spec runs alone, after everything else.
    { name: "fault-journeys", testMatch: /ledgers-faults\.spec\.ts$/, dependencies: ["export-journeys"], retries: 0, use: browser },
    // Last: searches everything the whole run made the portal render and print for secrets.
    { name: "secrets-scan", testMatch: /secrets-scan\.spec\.ts$/, dependencies: ["fault-journeys"], use: browser },
  ],
  webServer: [
    {
      command: "node e2e/oidc-server.mjs",
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      env: { OIDC_PORT: String(oidcPort), E2E_PORT: String(port), OIDC_CLIENT_ID: oidcClientId, OIDC_CLIENT_SECRET: oidcClientSecret },
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      // Wipes .data/e2e, then runs scripts/start.ts (migrate, seed, build when sources changed, next start).
      command: "node e2e/fresh-start.mjs",
      url: `${baseURL}/api/health`,
      env: {
        PORTAL_DATA_DIR: ".data/e2e",
        PORT: String(port),
        SANDBOX_PORT: String(sandboxPort),
        DEMO_SIGN_IN: "on",
        OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
        OIDC_CLIENT_ID: oidcClientId,
        OIDC_CLIENT_SECRET: oidcClientSecret,
        OIDC_NAME: "Company SSO",
        LOG_LEVEL: "warn",
        // A sync caches the last month only: the fault journeys read older dates that must still be uncached.
        SYNC_HISTORY: "off",
        // The whole run signs Per and Kari in some thirty times each from one address within ten minutes.
        SIGN_IN_ATTEMPTS_PER_10_MIN: "1000",
        // npm test builds into .next-test; a plain `npx playwright test` uses the default folder.
        ...(process.env.NEXT_DIST_DIR ? { NEXT_DIST_DIR: process.env.NEXT_DIST_DIR } : {}),
      },
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: "pipe",
      stderr: "pipe",
      // The start script stops next, the sandbox and PostgreSQL in order on SIGTERM.
      gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    },
  ],
});
