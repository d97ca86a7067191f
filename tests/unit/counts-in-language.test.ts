import { describe, expect, it } from "vitest";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { StatCard } from "@/components/ui/stat-card";
import { TabNav } from "@/components/ui/tab-nav";

// Stat cards and tab counts write a count in the reader's language, as the pagers beside them do.
function inLocale(locale: string, el: ReactElement): string {
  const tree = createElement(NextIntlClientProvider as (props: { locale: string; messages: object; children?: ReactElement }) => ReactElement, { locale, messages: {} }, el);
  return renderToStaticMarkup(tree).replace(/\u00a0|\u202f/g, " ");
}

describe("counts in the reader's language", () => {
  it.each([
    ["en", "4,809"],
    ["nb", "4 809"],
    ["da", "4.809"],
  ])("%s: a stat card and a tab count", (locale, text) => {
    expect(inLocale(locale, createElement(StatCard, { label: "Clients", value: 4809 }))).toContain(`>${text}<`);
    expect(inLocale(locale, createElement(TabNav, { label: "Tabs", items: [{ href: "/x", label: "Requests", count: 4809 }] }))).toContain(`>${text}<`);
  });

  it("shows anything that is not a number as given", () => {
    expect(inLocale("en", createElement(StatCard, { label: "Captures", value: "NOK 1,234.50" }))).toContain(">NOK 1,234.50<");
  });
});
