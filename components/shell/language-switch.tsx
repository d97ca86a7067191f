"use client";

import { useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { LOCALE_NAMES, SUPPORTED_LOCALES, type AppLocale } from "@/lib/i18n/locales";

export interface LanguageSwitchProps {
  current: AppLocale;
  /** Stores the choice on the user (lib/server/session/locale-actions.ts). */
  onSelectAction: (input: { locale: AppLocale }) => Promise<unknown>;
  /** "Language", in the current language; each option is named in its own language. */
  label: string;
  /** Rendered by the server, so no icon code is part of the frame's JavaScript (decision 049). */
  icon: ReactNode;
}

/** The top bar's language choice. A plain select: keyboard and screen readers know it, and it needs no menu code. */
export function LanguageSwitch({ current, onSelectAction, label, icon }: LanguageSwitchProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-1.5 text-sm text-muted-foreground">
      {icon}
      <span className="sr-only">{label}</span>
      <select
        data-testid="language-switch"
        className="h-8 rounded-md border border-input bg-background px-1.5 text-sm text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        value={current}
        disabled={pending}
        onChange={(event) => {
          const locale = event.target.value as AppLocale;
          startTransition(async () => {
            await onSelectAction({ locale });
            router.refresh();
          });
        }}
      >
        {SUPPORTED_LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>
    </label>
  );
}
