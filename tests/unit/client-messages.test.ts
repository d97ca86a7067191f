import path from "node:path";
import { describe, expect, it } from "vitest";
import messages from "@/messages/en";
import { CLIENT_NAMESPACES, clientMessages } from "@/i18n/client-namespaces";
import { clientNamespacesOf, importsOf, namespacesUsedIn, routeFiles, sourceOf, type RouteFile } from "./client-namespaces-graph";

type Provider = keyof typeof CLIENT_NAMESPACES;

// Each page's client components get only their namespaces (i18n/client-namespaces.ts), from the nearest layout
// with a provider: a route's own layout, else the persona frame, else the root layout. A component that uses a
// namespace its provider does not send would show raw keys; one the map lists but nothing below uses is weight.
describe("client message namespaces per route", () => {
  const files = routeFiles();

  /** The map entry a layout's provider sends: a route layout's, the persona frame's, the root layout's. */
  const providerOfLayout = (layout: string): Provider | undefined => {
    const source = sourceOf(layout);
    const named = source.match(/\b(?:routeMessagesLayout|clientMessages)\(\s*["']([^"']+)["']/)?.[1];
    if (named) return named as Provider;
    return /from\s+["']@\/app\/_shared\/persona-shell["']/.test(source) ? "shell" : undefined;
  };
  /** The providers a route file renders under, nearest first (a layout is under its own). */
  const providersAbove = (file: string): Provider[] => {
    const out: Provider[] = [];
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      const layout = files.find((f) => f.kind === "layout" && path.dirname(f.file) === dir);
      const provider = layout && providerOfLayout(layout.file);
      if (provider) out.push(provider);
      if (dir === "app") return out;
    }
  };
  const withProvider = files.map((f) => ({ ...f, provider: providersAbove(f.file)[0]!, needs: clientNamespacesOf(f.file) }));
  const byFile = (file: string) => withProvider.find((f) => f.file === file)!;

  it("every route layout sends its own route's entry", () => {
    const routeLayouts = files.filter((f) => f.kind === "layout" && /\brouteMessagesLayout\(/.test(sourceOf(f.file)));
    expect(routeLayouts.filter((f) => providerOfLayout(f.file) !== f.route).map((f) => f.file), "routeMessagesLayout(route) names the layout's own folder").toEqual([]);
    const provided = new Set(files.filter((f) => f.kind === "layout").map((f) => providerOfLayout(f.file)));
    expect(Object.keys(CLIENT_NAMESPACES).filter((k) => !provided.has(k as Provider)), "entries no layout sends: remove them, or add the route's layout.tsx").toEqual([]);
  });

  for (const provider of Object.keys(CLIENT_NAMESPACES) as Provider[]) {
    it(`${provider}: sends every namespace its client components use, and no other`, () => {
      const listed = new Set<string>(CLIENT_NAMESPACES[provider]);
      const served = withProvider.filter((f) => f.provider === provider);
      const missing = served.flatMap((f) => Object.entries(f.needs).filter(([ns]) => !listed.has(ns)).map(([ns, users]) => `${ns} (used by ${users.join(", ")} in ${f.file})`));
      expect(missing, `add to CLIENT_NAMESPACES["${provider}"] (or give the route a layout with its own entry)`).toEqual([]);
      const unused = [...listed].filter((ns) => !served.some((f) => ns in f.needs));
      expect(unused, `no client component below ${provider}'s provider uses these: remove them from CLIENT_NAMESPACES["${provider}"]`).toEqual([]);
    });
  }

  it("finds the namespaces known client components use, under the provider meant for them (the walk is not vacuous)", () => {
    expect(withProvider.filter((f) => f.kind === "page").length).toBeGreaterThan(25);
    const partnerLedger = byFile("app/(partner)/partner/ledgers/[ledgerId]/page.tsx");
    expect(partnerLedger.needs.ledgerView).toContain("components/ledger/ledger-view.tsx");
    expect(partnerLedger.provider).toBe("/partner/ledgers/[ledgerId]");
    expect(byFile("app/(auth)/sign-in/page.tsx").needs.signIn).toContain("components/auth/demo-sign-in-list.tsx");
    // The persona frame's bell is under the frame's provider; a page without a layout of its own is too.
    const merchantFrame = byFile("app/(merchant)/merchant/layout.tsx");
    expect(merchantFrame.provider).toBe("shell");
    expect(merchantFrame.needs.notifications).toContain("components/notifications/notification-bell-button.tsx");
    expect(sourceOf("app/_shared/persona-shell.tsx")).toContain(`clientMessages("shell"`);
    expect(byFile("app/(merchant)/merchant/notifications/page.tsx").provider).toBe("shell");
    // A page below a route with a layout and none of its own is served by that layout.
    expect(byFile("app/(merchant)/merchant/requests/renewals/page.tsx").provider).toBe("/merchant/requests");
    // Server components' getTranslations sends nothing: the persona nav's namespace never reaches the browser.
    expect(merchantFrame.needs.nav).toBeUndefined();
  });

  it("sends the largest page well under half of what its persona's pages used to get together", () => {
    // Every provider above a page travels in it (a nested one replaces the messages, not the bytes).
    const bytes = (names: Iterable<string>) => JSON.stringify(Object.fromEntries([...new Set(names)].map((ns) => [ns, messages[ns as keyof typeof messages]]))).length;
    const payload = (f: RouteFile) => providersAbove(f.file).reduce((sum, p) => sum + JSON.stringify(clientMessages(p, "en")).length, 0);
    const pages = withProvider.filter((f) => f.kind === "page");
    const largest = pages.reduce((a, b) => (payload(b) > payload(a) ? b : a));
    // Before: one set per persona, everything any of its pages used (the merchant's was the largest).
    const merchantGroup = bytes(withProvider.filter((f) => f.file.startsWith("app/(merchant)/")).flatMap((f) => Object.keys(f.needs)));
    expect(payload(largest), `${largest.file}: ${payload(largest)} bytes of messages against ${merchantGroup}`).toBeLessThan(merchantGroup / 2);
  });

  it("picks exactly the listed namespaces from the catalogue", () => {
    const ledger = clientMessages("/partner/ledgers/[ledgerId]", "en");
    expect(Object.keys(ledger).sort()).toEqual([...CLIENT_NAMESPACES["/partner/ledgers/[ledgerId]"]].sort());
    expect(ledger.ledgerView).toBe(messages.ledgerView);
    expect(clientMessages("/", "en")).toEqual({});
  });

  it("reads imports and namespaces the way the code writes them", () => {
    expect(importsOf(`import { a } from "./a";\nimport type { B } from "./b";\nexport { c } from "@/c";\nconst d = import("./d");\nimport "./e.css";`)).toEqual(["./a", "@/c", "./e.css", "./d"]);
    expect(namespacesUsedIn(`useTranslations("ledgerView.chart"); useTranslations('grantForm'); useTranslations()`)).toEqual(["ledgerView", "grantForm", "*"]);
  });
});
