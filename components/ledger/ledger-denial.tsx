import Link from "next/link";
import type { ReactNode } from "react";
import type { LucideIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

/**
 * Why a ledger cannot be read here, in plain words, with the next step: not an error page. Server-safe. The
 * heading is the page's second level (the page header has the h1).
 */
export function LedgerDenial({ icon: Icon, title, children, action }: { icon: LucideIcon; title: string; children: ReactNode; action?: { href: string; label: string } }) {
  return (
    <Card data-testid="ledger-denial">
      <CardContent className="flex flex-col gap-4 py-8 sm:flex-row sm:items-start">
        <span aria-hidden className="flex size-10 shrink-0 items-center justify-center rounded-lg border border-warning-border bg-warning-subtle text-warning">
          <Icon className="size-5" />
        </span>
        <div className="max-w-2xl space-y-2">
          <h2 className="text-base font-semibold text-foreground">{title}</h2>
          <div className="space-y-2 text-sm text-muted-foreground">{children}</div>
          {action ? (
            <Button asChild variant="outline" size="sm" className="mt-2">
              <Link href={action.href}>{action.label}</Link>
            </Button>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
