import "server-only";
import { getLocale } from "next-intl/server";
import { formatterFor, type Formatter } from "@/lib/format";

/** The one formatter (lib/format) in this request's language, for server components. */
export async function getFormat(timeZone?: string): Promise<Formatter> {
  return formatterFor(await getLocale(), timeZone);
}
