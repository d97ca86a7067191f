import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { twMerge } from "tailwind-merge";
import { Avatar } from "@/components/ui/avatar";
import { badgeVariants } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button-variants";
import { controlClasses, controlLook, labelClasses } from "@/components/ui/form-classes";
import { PersonaBadge, type PersonaKind } from "@/components/shell/persona-badge";
import { clientPackagesFrom } from "./client-namespaces-graph";

// Issue 14 / decision 040: each persona's main page carries at most 150 kB of gzipped JavaScript. What a page
// downloads first is its client components' static imports (a dynamic import() is loaded on first use). The
// measured bytes are in docs/performance.md (`npx tsx bench/js.ts`); this test keeps the libraries that pushed
// the pages over the budget off their first load, without a build.
const ROOT = path.resolve(__dirname, "../..");
const app = (p: string) => path.join(ROOT, "app", p);

const MAIN_PAGES: Record<string, string[]> = {
  "sign-in": [app("layout.tsx"), app("(auth)/sign-in/page.tsx")],
  "merchant /merchant/partners": [app("layout.tsx"), app("(merchant)/merchant/layout.tsx"), app("(merchant)/merchant/partners/page.tsx")],
  "partner /partner/clients": [app("layout.tsx"), app("(partner)/partner/layout.tsx"), app("(partner)/partner/clients/page.tsx")],
  "admin /admin/access": [app("layout.tsx"), app("(admin)/admin/layout.tsx"), app("(admin)/admin/access/page.tsx")],
};

/** Loaded on first use (menus, popover, toasts, forms) or by the pages that need them, never on a main page's first load. */
const NOT_ON_FIRST_LOAD = [
  "@tanstack/react-query", // ~8 kB: ledger view, add-partner form, the bell's popover bring their own provider
  "tailwind-merge", // ~8 kB: `cn`; the frame and the main pages join classes with `cx`
  "sonner", // the toaster loads with the first toast (decision 031)
  "radix-ui", // menus, popover, drawer load on first press (decision 031)
  "react-hook-form",
  "@hookform/resolvers",
  "zod",
  "recharts",
  "date-fns",
  // Icons: the frame's and main pages' client components get theirs rendered by the server, as elements (decision
  // 049). lucide's own renderer (Icon.mjs, marked "use client") still loads as the client reference those
  // elements name, once; what stays off is each client import's icon module and createLucideIcon.
  "lucide-react",
  "class-variance-authority", // the avatar in the top bar uses a plain map (decision 049)
];

describe("first-load JavaScript of each persona's main page", () => {
  for (const [page, entries] of Object.entries(MAIN_PAGES)) {
    it(`${page}: none of ${NOT_ON_FIRST_LOAD.join(", ")} among its client components' static imports`, () => {
      const reached = clientPackagesFrom(entries);
      const offending = [...reached].filter(([pkg]) => NOT_ON_FIRST_LOAD.some((p) => pkg === p || pkg.startsWith(`${p}/`) || (p === "radix-ui" && pkg.startsWith("@radix-ui/"))));
      expect(offending.map(([pkg, files]) => `${pkg} (imported by ${[...files].join(", ")})`)).toEqual([]);
      // The walk is not vacuous: the client runtime the page does need is found.
      expect(reached.has("react")).toBe(true);
    });
  }

  it("finds a library behind a client component's static import, and not behind import()", () => {
    const merchant = clientPackagesFrom(MAIN_PAGES["merchant /merchant/partners"]!);
    expect([...(merchant.get("next/link") ?? [])]).toContain("components/shell/sidebar-nav.tsx");
    // The bell's popover (react-query, Radix popover) is a dynamic import of notification-bell-button.tsx.
    const ledger = clientPackagesFrom([app("layout.tsx"), app("(partner)/partner/layout.tsx"), app("(partner)/partner/ledgers/[ledgerId]/page.tsx")]);
    expect(ledger.has("@tanstack/react-query")).toBe(true);
    expect(readFileSync(path.join(ROOT, "components/notifications/notification-bell-button.tsx"), "utf8")).toMatch(/import\("\.\/notification-bell-popover"\)/);
  });
});

// `cx` joins without tailwind-merge: the classes the frame and the main pages join must never set a thing twice,
// or the browser, not the author, would pick the winner. tailwind-merge returns a conflict-free list unchanged.
describe("classes joined without tailwind-merge set nothing twice", () => {
  const unchanged = (classes: string) => expect(twMerge(classes), classes).toBe(classes);

  it("form classes", () => {
    for (const c of [controlLook, controlClasses, labelClasses]) unchanged(c);
    // overview-filters.tsx and org-combobox.tsx add a size and padding to them.
    unchanged(`${controlLook} h-8 w-64 px-2.5 py-1`);
    unchanged(`${controlClasses} h-9 px-2.5 py-1.5 pr-8`);
  });

  it("every button variant and size but the link (whose compound variant Button merges with cn)", () => {
    for (const variant of ["default", "secondary", "outline", "ghost", "destructive"] as const) {
      for (const size of ["xs", "sm", "default", "lg", "icon", "icon-sm", "icon-xs"] as const) unchanged(buttonVariants({ variant, size }));
    }
  });

  it("badges, avatars and persona badges", () => {
    for (const variant of ["neutral", "success", "warning", "danger", "info", "primary", "outline"] as const) unchanged(badgeVariants({ variant }));
    const names = ["Kari Nordmann", "Per Olsen", "Tall & Balanse Regnskap AS", "Fjord Kaffe AS", "admin@portal.example", "Nordlys Sport", "Mona", "Ola", "Åse"];
    for (const size of ["xs", "sm", "md", "lg"] as const) {
      for (const shape of ["circle", "square"] as const) for (const name of names) unchanged(String((Avatar({ name, size, shape }).props as { className: string }).className));
    }
    for (const kind of ["merchant", "partner", "admin"] as PersonaKind[]) unchanged(String((PersonaBadge({ persona: { kind, label: kind } }).props as { className: string }).className));
  });
});

// Messages are compiled at build time (next.config.js, decision 040): next-intl's `t.raw` would hand out the
// compiled form instead of the text, so a raw message is never read on a page.
describe("messages are read through a translator", () => {
  it("no t.raw in app, components or lib", () => {
    const files = ["app", "components", "lib"].flatMap((d) => sourceFiles(path.join(ROOT, d)));
    const raw = files.filter((f) => /\bt[A-Za-z]*\.raw\(/.test(readFileSync(f, "utf8"))).map((f) => path.relative(ROOT, f));
    expect(raw).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}
