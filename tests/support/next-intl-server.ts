import { createFormatter, createTranslator } from "next-intl";
import messages from "@/messages/en";

/**
 * `next-intl/server` for server components rendered outside Next.js (database tests): the same English
 * catalogue and time zone as i18n/request.ts, without the request config plugin that `next build` wires in.
 *
 *   vi.mock("next-intl/server", async () => (await import("@/tests/support/next-intl-server")).mockNextIntlServer());
 */
export function mockNextIntlServer() {
  const config = { locale: "en", timeZone: "Europe/Oslo" } as const;
  return {
    getTranslations: async (arg?: string | { namespace?: string }) =>
      createTranslator({ ...config, messages, namespace: (typeof arg === "string" ? arg : arg?.namespace) as never }),
    getFormatter: async () => createFormatter({ ...config, now: new Date() }),
    getLocale: async () => config.locale,
    getTimeZone: async () => config.timeZone,
    getMessages: async () => messages,
    getNow: async () => new Date(),
    setRequestLocale: () => undefined,
    getRequestConfig: <T>(fn: T) => fn,
  };
}
