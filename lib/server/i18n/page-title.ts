import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Messages } from "@/messages";

/** A page's <title> from the catalogue (`pageTitles`), in the reader's language: `export const generateMetadata = pageTitle("ledger")`. */
export function pageTitle(key: Extract<keyof Messages["pageTitles"], string>) {
  return async (): Promise<Metadata> => ({ title: (await getTranslations("pageTitles"))(key) });
}
