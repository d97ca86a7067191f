import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { MERCHANTS, PARTNERS } from "../lib/demo-world/world";
import { test, expect, signInAs, PERSONAS, ORGS } from "./fixtures";

/**
 * Secrets never reach a browser or a log. Every secret this run knows (the seeded demo keys of the world, the
 * generated AUTH_SECRET, CREDENTIALS_ENCRYPTION_KEY and SANDBOX_ADMIN_SECRET, the OIDC client secret) is searched
 * for in: the HTML and the RSC payload of every page each persona reaches by following links, the client bundles
 * of the build, and everything the portal printed during the whole browser-test run (this spec runs last).
 * A finding names the secret and where it was found, never its value.
 */
const DATA_DIR = path.resolve(".data/e2e");
const DIST_DIR = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
/** The OIDC client secret playwright.config.ts gives the portal and the test provider. */
const OIDC_CLIENT_SECRET = "portal-e2e-secret-0123456789abcdef";
const PAGES_PER_PERSONA = 40;

interface Secret {
  name: string;
  value: string;
}

function seededSecrets(): Secret[] {
  const generated = JSON.parse(readFileSync(path.join(DATA_DIR, "secrets.json"), "utf8")) as Record<string, string>;
  const key = Buffer.from(generated.CREDENTIALS_ENCRYPTION_KEY!, "base64");
  const secrets: Secret[] = [
    { name: "AUTH_SECRET", value: generated.AUTH_SECRET! },
    { name: "CREDENTIALS_ENCRYPTION_KEY", value: generated.CREDENTIALS_ENCRYPTION_KEY! },
    { name: "CREDENTIALS_ENCRYPTION_KEY (hex)", value: key.toString("hex") },
    { name: "CREDENTIALS_ENCRYPTION_KEY (base64url)", value: key.toString("base64url") },
    { name: "SANDBOX_ADMIN_SECRET", value: generated.SANDBOX_ADMIN_SECRET! },
    { name: "OIDC_CLIENT_SECRET", value: OIDC_CLIENT_SECRET },
  ];
  for (const m of MERCHANTS) {
    for (const su of m.salesUnits) {
      if (!su.keys) continue; // Vippsnummer / MobilePay-nummer units have no API keys
      secrets.push({ name: `client secret of sales unit ${su.msn}`, value: su.keys.clientSecret });
      secrets.push({ name: `subscription key of sales unit ${su.msn}`, value: su.keys.subscriptionKey });
    }
  }
  for (const p of PARTNERS) if (p.keys) secrets.push({ name: `client secret of partner ${p.slug}`, value: p.keys.clientSecret });
  for (const s of secrets) expect(s.value.length, `${s.name} is long enough to search for`).toBeGreaterThanOrEqual(16);
  return secrets;
}

function findSecrets(text: string, where: string, secrets: Secret[]): string[] {
  return secrets.filter((s) => text.includes(s.value)).map((s) => `${s.name} in ${where}`);
}

/** Same-origin page paths linked from a page (no API routes, assets or sign-out). */
function linkedPaths(html: string): string[] {
  const paths = new Set<string>();
  for (const match of html.matchAll(/href="(\/[^"#?]*)/g)) {
    const p = match[1]!;
    if (!/^\/(api|_next)\//.test(p) && !p.includes("sign-out") && !/\.[a-z0-9]+$/i.test(p)) paths.add(p);
  }
  return [...paths];
}

/** Follows links from `start` (breadth first) and returns every page's HTML and RSC payload with where it came from. */
async function crawl(request: APIRequestContext, start: string): Promise<{ where: string; body: string; isRsc: boolean }[]> {
  const seen = new Set<string>([start]);
  const queue = [start];
  const bodies: { where: string; body: string; isRsc: boolean }[] = [];
  while (queue.length > 0 && seen.size <= PAGES_PER_PERSONA) {
    const pathname = queue.shift()!;
    const html = await request.get(pathname, { headers: { accept: "text/html" } });
    const text = await html.text();
    bodies.push({ where: `HTML of ${pathname}`, body: text, isRsc: false });
    const rsc = await request.get(pathname, { headers: { RSC: "1" } });
    bodies.push({ where: `RSC payload of ${pathname}`, body: await rsc.text(), isRsc: (rsc.headers()["content-type"] ?? "").includes("text/x-component") });
    for (const next of linkedPaths(text)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return bodies;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const PEOPLE = [
  { label: "merchant admin", name: PERSONAS.kari, organisation: ORGS.fjordKaffe.name },
  { label: "merchant manager", name: PERSONAS.mona },
  { label: "partner owner", name: PERSONAS.per },
  { label: "partner accountant", name: PERSONAS.anne },
  { label: "platform admin", name: PERSONAS.admin },
] as const;

test.describe("no secret reaches a browser or a log", () => {
  for (const person of PEOPLE) {
    test(`pages of the ${person.label} (HTML and RSC payloads)`, async ({ page }) => {
      const secrets = seededSecrets();
      await signInAs(page, person.name, "organisation" in person ? person.organisation : undefined);
      const bodies = await crawl(page.context().request, new URL(page.url()).pathname);
      expect(bodies.filter((b) => !b.isRsc).length, "pages reached by following links").toBeGreaterThanOrEqual(3);
      expect(bodies.some((b) => b.isRsc), "the RSC payloads were served as such").toBe(true);
      const found = bodies.flatMap((b) => findSecrets(b.body, b.where, secrets));
      expect(found, `secrets found:\n${found.join("\n")}`).toEqual([]);
    });
  }

  test("the sign-in page, before anyone signs in", async ({ request }) => {
    const secrets = seededSecrets();
    const found = [
      ...findSecrets(await (await request.get("/sign-in")).text(), "HTML of /sign-in", secrets),
      ...findSecrets(await (await request.get("/sign-in", { headers: { RSC: "1" } })).text(), "RSC payload of /sign-in", secrets),
    ];
    expect(found, `secrets found:\n${found.join("\n")}`).toEqual([]);
  });

  test("the client bundles", () => {
    const secrets = seededSecrets();
    const files = filesUnder(path.join(DIST_DIR, "static"));
    expect(files.filter((f) => f.includes(`${path.sep}chunks${path.sep}`)).length, `client chunks under ${DIST_DIR}/static`).toBeGreaterThan(10);
    const found = files.flatMap((f) => findSecrets(readFileSync(f, "latin1"), path.relative(DIST_DIR, f), secrets));
    expect(found, `secrets found:\n${found.join("\n")}`).toEqual([]);
  });

  test("everything the portal printed during the run", () => {
    const secrets = seededSecrets();
    const logFile = path.join(DATA_DIR, "portal.log");
    expect(existsSync(logFile), `${logFile} (written by e2e/fresh-start.mjs)`).toBe(true);
    const log = readFileSync(logFile, "utf8");
    expect(log).toContain("[portal]");
    const found = findSecrets(log, "the portal's output", secrets);
    expect(found, `secrets found:\n${found.join("\n")}`).toEqual([]);
  });
});
