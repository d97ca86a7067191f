"use client";
import { useTransition, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Avatar } from "@/components/ui/avatar";
import { Spinner } from "@/components/ui/spinner";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/errors/app-error";

export interface DemoPersonaItem {
  email: string;
  name: string;
  persona: string;
}

/**
 * One button per seeded persona; the action signs in and redirects, or returns an error to show. `chevron` is
 * rendered by the server, so no icon code is part of the sign-in page's JavaScript (decision 049).
 */
export function DemoSignInList({ personas, signInAction, chevron }: { personas: DemoPersonaItem[]; signInAction: (input: { email: string }) => Promise<ActionResult<unknown>>; chevron: ReactNode }) {
  const t = useTranslations("signIn");
  const [pending, startTransition] = useTransition();
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-card">
      {personas.map((p) => (
        <li key={p.email}>
          <button
            type="button"
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await signInAction({ email: p.email });
                if (result && !result.ok) toast.error(result.error.message);
              })
            }
            className="focus-ring flex w-full items-center gap-3 px-4 py-3 text-left transition-colors hover:bg-accent disabled:opacity-60"
          >
            <Avatar name={p.name} size="sm" />
            <span className="min-w-0 flex-1">
              {/* The accessible name starts with the visible text's words, not a different label (WCAG 2.5.3). */}
              <span className="sr-only">{t("demoSignInPrefix")} </span>
              <span className="block truncate text-sm font-medium text-foreground">{p.name}</span>
              <span className="block truncate text-xs text-muted-foreground">{p.persona}</span>
            </span>
            <span className="hidden text-xs text-muted-foreground sm:block">{p.email}</span>
            {pending ? <Spinner /> : chevron}
          </button>
        </li>
      ))}
    </ul>
  );
}
