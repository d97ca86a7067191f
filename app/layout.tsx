import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { clientMessages } from "@/i18n/client-namespaces";
import type { AppLocale } from "@/lib/i18n/locales";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next.js can only put the CSP nonce (proxy.ts) on the scripts of a page
  // rendered for that request; a page prerendered at build time would carry none, and its scripts would be refused.
  await connection();
  const locale = (await getLocale()) as AppLocale;
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-background text-foreground antialiased">
        {/* Only the namespaces client components outside a persona and a route's layout use (i18n/client-namespaces.ts).
            No react-query here: only the pages that use it load it (decision 040, components/providers/query-provider.tsx). */}
        <NextIntlClientProvider messages={clientMessages("/", locale)}>
          {children}
          <Toaster />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
