import { getRequestConfig } from "next-intl/server";
import en from "@/messages/en";

// English first; every text lives in messages/<locale>/ so nb, da and fi can follow without code changes.
export const SUPPORTED_LOCALES = ["en"] as const;

export default getRequestConfig(async () => ({
  locale: "en",
  timeZone: "Europe/Oslo",
  messages: en,
}));
