import { describe, expect, it } from "vitest";
import messages from "@/messages/en";
import { CLIENT_NAMESPACES, clientMessages } from "@/i18n/client-namespaces";
import { clientNamespacesByGroup, importsOf, namespacesUsedIn } from "./client-namespaces-graph";

// Each route group sends its client components only their namespaces (i18n/client-namespaces.ts). A component
// that uses a namespace its group does not send would show raw keys; one the map lists but nothing uses is weight.
describe("client message namespaces per route group", () => {
  const used = clientNamespacesByGroup();
  // Pages outside a persona (sign-in, organisation choice, not found) are served by the root layout's provider.
  const needs: Record<keyof typeof CLIENT_NAMESPACES, Record<string, string[]>> = {
    root: { ...used.root, ...used.auth },
    merchant: used.merchant,
    partner: used.partner,
    admin: used.admin,
  };

  for (const group of Object.keys(CLIENT_NAMESPACES) as (keyof typeof CLIENT_NAMESPACES)[]) {
    it(`${group}: sends every namespace its client components use, and no other`, () => {
      const listed = new Set<string>(CLIENT_NAMESPACES[group]);
      const missing = Object.entries(needs[group]).filter(([ns]) => !listed.has(ns));
      expect(missing.map(([ns, files]) => `${ns} (used by ${files.join(", ")})`), `add to CLIENT_NAMESPACES.${group}`).toEqual([]);
      const unused = [...listed].filter((ns) => !(ns in needs[group]));
      expect(unused, `no client component of ${group} uses these: remove them from CLIENT_NAMESPACES.${group}`).toEqual([]);
    });
  }

  it("finds the namespaces a known client component uses (the walk is not vacuous)", () => {
    expect(used.partner.ledgerView).toContain("components/ledger/ledger-view.tsx");
    expect(used.auth.signIn).toContain("components/auth/demo-sign-in-list.tsx");
    // Server components' getTranslations sends nothing: the persona nav's namespace never reaches the browser.
    expect(used.merchant.nav).toBeUndefined();
  });

  it("picks exactly the listed namespaces from the catalogue", () => {
    const partner = clientMessages("partner", "en");
    expect(Object.keys(partner).sort()).toEqual([...CLIENT_NAMESPACES.partner].sort());
    expect(partner.ledgerView).toBe(messages.ledgerView);
    expect(JSON.stringify(partner).length).toBeLessThan(JSON.stringify(messages).length / 2);
  });

  it("reads imports and namespaces the way the code writes them", () => {
    expect(importsOf(`import { a } from "./a";\nimport type { B } from "./b";\nexport { c } from "@/c";\nconst d = import("./d");\nimport "./e.css";`)).toEqual(["./a", "@/c", "./e.css", "./d"]);
    expect(namespacesUsedIn(`useTranslations("ledgerView.chart"); useTranslations('grantForm'); useTranslations()`)).toEqual(["ledgerView", "grantForm", "*"]);
  });
});
