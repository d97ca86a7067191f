/**
 * JavaScript a page makes the browser download: the page loaded in headless Chromium (signed in by cookie), every
 * script response summed by its transfer size (gzip, as `next start` sends it) once the network is idle, so chunks
 * loaded after hydration (next/dynamic) count too. The first-paint scripts (<script src> in the HTML) are summed
 * separately.
 */
import { chromium, type Browser } from "@playwright/test";

export interface JsSize {
  /** Scripts named in the HTML (needed before the page is interactive), gzipped bytes. */
  initialGzip: number;
  /** Every script the page loaded, including lazy chunks, gzipped bytes. */
  totalGzip: number;
  scripts: number;
  /** HTML document bytes as transferred (gzip) and decoded. */
  htmlGzip: number;
  htmlBytes: number;
  /** Every script by path with its gzipped size and whether the HTML names it (what is shipped, for the record). */
  files?: { path: string; gzip: number; initial: boolean }[];
}

export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

export async function measureJs(browser: Browser, baseUrl: string, pathName: string, cookie: string | undefined): Promise<JsSize> {
  const context = await browser.newContext();
  try {
    const host = new URL(baseUrl).hostname;
    if (cookie) {
      await context.addCookies(
        cookie.split("; ").map((pair) => {
          const i = pair.indexOf("=");
          return { name: pair.slice(0, i), value: pair.slice(i + 1), domain: host, path: "/" };
        }),
      );
    }
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() !== "script") return;
      pending.push(
        res
          .request()
          .sizes()
          .then((s) => void scripts.set(res.url(), s.responseBodySize))
          .catch(() => {}),
      );
    });
    const doc = await page.goto(`${baseUrl}${pathName}`, { waitUntil: "networkidle" });
    await page.waitForTimeout(500);
    await Promise.all(pending);
    const docSizes = doc ? await doc.request().sizes() : { responseBodySize: 0 };
    const html = doc ? await doc.text() : "";
    const initial = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => new URL(m[1]!.replaceAll("&amp;", "&"), baseUrl).toString()));
    let initialGzip = 0;
    let totalGzip = 0;
    for (const [url, size] of scripts) {
      totalGzip += size;
      if (initial.has(url)) initialGzip += size;
    }
    const files = [...scripts].map(([url, gzip]) => ({ path: new URL(url).pathname, gzip, initial: initial.has(url) })).sort((a, b) => b.gzip - a.gzip);
    return { initialGzip, totalGzip, scripts: scripts.size, htmlGzip: docSizes.responseBodySize, htmlBytes: Buffer.byteLength(html), files };
  } finally {
    await context.close();
  }
}
