import { getRequestConfig } from "next-intl/server";

// English first; every text lives in messages/<locale>.json so nb, da and fi can follow without code changes.
export const SUPPORTED_LOCALES = ["en"] as const;

export default getRequestConfig(async () => {
  const locale = "en";
  return {
    locale,
    timeZone: "Europe/Oslo",
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
