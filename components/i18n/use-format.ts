"use client";
import { useMemo } from "react";
import { useLocale } from "next-intl";
import { formatterFor, type Formatter } from "@/lib/format";

/** The one formatter (lib/format) in the page's language, for client components: the same text the server writes. */
export function useFormat(timeZone?: string): Formatter {
  const locale = useLocale();
  return useMemo(() => formatterFor(locale, timeZone), [locale, timeZone]);
}
