import { useLocale } from "next-intl";
import { formatterFor, type Formatter } from "@/lib/format";

/**
 * The one formatter (lib/format) in the page's language, for components that are not async: client components
 * and plain server components alike (next-intl's useLocale works in both), so both write the same text.
 */
export function useFormat(timeZone?: string): Formatter {
  return formatterFor(useLocale(), timeZone);
}
