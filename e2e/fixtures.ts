import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";

/**
 * Shared helpers for the browser specs:
 * - `test`: Playwright's test whose `page` (and any page watched with `consoleGuard.watch`) fails the test on
 *   an unexpected `console.error` from the portal, Content-Security-Policy violations included.
 * - `signInAs`: the one-click demo sign-in, choosing the organisation when the chooser appears.
 * - `expectNoA11yViolations`: axe (WCAG 2 A/AA) with no serious or critical violation.
 */

export const PERSONAS = {
  kari: "Kari Nordmann",
  ola: "Ola Hansen",
  mona: "Mona Berg",
  vera: "Vera Lie",
  nils: "Nils Pedersen",
  freja: "Freja Jensen",
  per: "Per Olsen",
  anne: "Anne Dahl",
  mads: "Mads Nielsen",
  admin: "Ingrid Admin",
} as const;

/** The organisations of the demo world (lib/demo-world/world.ts) the specs refer to. */
export const ORGS = {
  fjordKaffe: { name: "Fjord Kaffe AS", orgNo: "912345678" },
  nordlysSport: { name: "Nordlys Sport AS", orgNo: "923456789" },
  hyggeBageri: { name: "Hygge Bageri ApS", orgNo: "34567890" },
  tallBalanse: { name: "Tall & Balanse Regnskap AS", orgNo: "987654321" },
} as const;

const ORIGIN_PATTERN = /^http:\/\/localhost:\d+\//;

interface CollectedError {
  text: string;
  url: string;
}

export interface ConsoleGuard {
  /** Also watch this page (one from another context) for console errors. */
  watch(page: Page): void;
  /** Tolerate console errors matching this pattern for the rest of the test, e.g. the 404 of a document. */
  allow(pattern: RegExp): void;
}

/** Browsers log these themselves; they are no sign of a broken page. */
const ALWAYS_ALLOWED: RegExp[] = [/favicon\.ico/i];

const guardedTest = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ page }, use) => {
      const errors: CollectedError[] = [];
      const allowed = [...ALWAYS_ALLOWED];
      const watched = new Set<Page>();
      const pending: Promise<unknown>[] = [];
      const watch = (p: Page) => {
        if (watched.has(p)) return;
        watched.add(p);
        // Every Content-Security-Policy refusal on a portal page (a script, style or frame the policy blocks)
        // is reported as a console error, so a CSP that breaks a page fails whichever spec opened it.
        pending.push(p.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (e) => {
            console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile || "?"}:${e.lineNumber})`);
          });
        }));
        p.on("console", (msg) => {
          if (msg.type() !== "error") return;
          const url = p.url();
          // Only the portal's pages count: the OIDC provider's dev pages are test scaffolding (and try to
          // load a web font without network).
          if (!ORIGIN_PATTERN.test(url)) return;
          const location = msg.location().url;
          errors.push({ text: msg.text(), url: location ? `${url} (from ${location})` : url });
        });
        p.on("pageerror", (err) => errors.push({ text: `Uncaught: ${err.message}`, url: p.url() }));
      };
      watch(page);
      await Promise.all(pending);
      await use({ watch, allow: (re) => allowed.push(re) });
      const unexpected = errors.filter((e) => !allowed.some((re) => re.test(e.text) || re.test(e.url)));
      expect(unexpected, `unexpected console errors:\n${unexpected.map((e) => `  ${e.text}  @ ${e.url}`).join("\n")}`).toEqual([]);
    },
    { auto: true },
  ],
});

/**
 * The test every spec uses: the console guard, and axe on every page a test loads (each document load of a portal
 * URL, once per path), not only where a spec calls `expectNoA11yViolations`: serious or critical findings fail the
 * test at its end, naming page and rule. On by default for every spec; E2E_AXE_EVERY_PAGE=0 turns it off for a
 * quicker local run (decision 038).
 */
export const test = guardedTest.extend<{ axeEveryPage: boolean; axeWatcher: void }>({
  axeEveryPage: [process.env.E2E_AXE_EVERY_PAGE !== "0", { option: true }],
  axeWatcher: [
    async ({ page, axeEveryPage, baseURL }, use, testInfo) => {
      if (!axeEveryPage) return use();
      // Only the portal's own pages: a spec's scaffolding (the attacker's page of the framing test, on another
      // localhost port) is not the product.
      const portalOrigin = new URL(baseURL ?? "http://localhost").origin;
      const seen = new Set<string>();
      const findings: string[] = [];
      const runs: Promise<void>[] = [];
      page.on("load", () => {
        const url = page.url();
        if (!url.startsWith("http") || new URL(url).origin !== portalOrigin) return;
        const key = new URL(url).pathname;
        if (seen.has(key)) return;
        seen.add(key);
        runs.push(
          new AxeBuilder({ page })
            .withTags(["wcag2a", "wcag2aa"])
            .analyze()
            .then((r) => {
              for (const v of r.violations) if (v.impact === "serious" || v.impact === "critical") findings.push(`${key}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
            })
            // The page navigated on while axe ran: that document is gone, and the next load is checked instead.
            .catch(() => {
              seen.delete(key);
            }),
        );
      });
      await use();
      await Promise.all(runs);
      await testInfo.attach("axe-every-page.txt", { body: [...seen].join("\n"), contentType: "text/plain" });
      expect(findings, `axe found serious/critical violations on pages this test visited:\n${findings.join("\n")}`).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Signs in with the demo persona button on /sign-in. When the person belongs to several organisations
 * the chooser appears; with `organisation` given it is chosen there. Resolves once the URL has settled.
 */
export async function signInAs(page: Page, name: string, organisation?: string): Promise<void> {
  await page.goto("/sign-in");
  // The button's name is its visible text after "Sign in as": the person, their role and e-mail.
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${name} `) }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in" && url.pathname !== "/", { timeout: 30_000 });
  if (new URL(page.url()).pathname === "/select-organisation" && organisation) {
    await page.getByRole("button", { name: organisation }).click();
    await page.waitForURL((url) => url.pathname !== "/select-organisation", { timeout: 30_000 });
  }
}

/** A second, independent browser session signed in as someone else (to learn ids the victim can see). */
export async function signedInContext(
  browser: Browser,
  baseURL: string | undefined,
  name: string,
  organisation?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page, name, organisation);
  return { context, page };
}

export interface A11yOptions {
  /**
   * Rules not to run, each with the reason. Only for a state where a rule is known not to apply; every
   * use is a finding reported to the team, not a way to make a page pass.
   */
  disableRules?: { id: string; why: string }[];
}

/**
 * Axe with the WCAG 2.0/2.1 A and AA rules. Fails on any serious or critical violation, naming the rule,
 * its help text and the offending elements; the full result is attached to the test report.
 */
export async function expectNoA11yViolations(page: Page, testInfo: TestInfo, label = "page", options: A11yOptions = {}): Promise<void> {
  // Axe measures colours as painted: a toast still fading in blends its text with the page and reads as low
  // contrast. Wait for finite animations and transitions to end (spinners run forever and are left alone).
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getComputedTiming().endTime === Infinity), null, { timeout: 5_000 })
    .catch(() => undefined);
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]);
  if (options.disableRules?.length) {
    builder = builder.disableRules(options.disableRules.map((r) => r.id));
    testInfo.annotations.push(...options.disableRules.map((r) => ({ type: "axe rule disabled", description: `${label}: ${r.id}: ${r.why}` })));
  }
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (serious.length > 0) {
    await testInfo.attach(`axe-${label}.json`, { body: JSON.stringify(serious, null, 2), contentType: "application/json" });
  }
  const summary = serious
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.slice(0, 5).map((n) => `      ${n.target.join(" ")}  ${n.failureSummary?.split("\n").slice(1).join(" ") ?? ""}`).join("\n")}`)
    .join("\n");
  expect(serious, `axe found serious/critical WCAG A/AA violations on ${label} (${page.url()}):\n${summary}`).toEqual([]);
}

/** A full-page screenshot kept at test-results/screenshots/<name>.png (outside Playwright's wiped output dir). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = path.join("test-results", "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** The path part of a link's href on the page, e.g. "/merchant/sales-units/<uuid>". */
export async function hrefOf(page: Page, locator: ReturnType<Page["locator"]>): Promise<string> {
  const href = await locator.getAttribute("href");
  expect(href, "link has an href").toBeTruthy();
  return new URL(href!, page.url()).pathname;
}
