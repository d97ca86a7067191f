"use client";

import { useOptimistic, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ChevronsUpDown } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Spinner } from "@/components/ui/spinner";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

import { OrgIdentity, orgTriggerClasses, type OrganisationKind, type OrgSwitcherProps } from "./org-identity";

const defaultKindLabels: Record<OrganisationKind, string> = {
  merchant: "Merchants",
  partner: "Accounting partners",
  admin: "Platform",
};
const kindOrder: OrganisationKind[] = ["partner", "merchant", "admin"];

/**
 * The organisation menu itself (Radix dropdown), loaded by OrgSwitcher (org-switcher.tsx) when the trigger is
 * first pressed, so its primitives are not part of every page's JavaScript. Choosing another organisation calls
 * `onSelectAction(id)` in a transition, then `router.refresh()` (a redirect from the action also works).
 */
export function OrgSwitcherMenu({
  organisations,
  activeId,
  onSelectAction,
  label = "Switch organisation",
  kindLabels,
  switchingLabel = "Switching organisation…",
  className,
  defaultOpen = false,
}: OrgSwitcherProps & { defaultOpen?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [optimisticId, setOptimisticId] = useOptimistic(activeId);
  const active = organisations.find((org) => org.id === optimisticId) ?? organisations[0];
  if (!active) return null;

  const triggerClasses = orgTriggerClasses(className);

  if (!onSelectAction || organisations.length < 2) {
    return (
      <div className={triggerClasses}>
        <OrgIdentity org={active} compact />
      </div>
    );
  }
  const select = onSelectAction;

  function choose(id: string) {
    if (id === optimisticId) return;
    startTransition(async () => {
      setOptimisticId(id);
      await select(id);
      router.refresh();
    });
  }

  const labels = { ...defaultKindLabels, ...kindLabels };
  const kinds = kindOrder.filter((kind) => organisations.some((org) => org.kind === kind));

  return (
    <DropdownMenu modal={false} defaultOpen={defaultOpen}>
      <DropdownMenuTrigger
        disabled={pending}
        aria-busy={pending || undefined}
        className={cn(triggerClasses, "focus-ring border border-transparent transition-colors hover:bg-accent data-[state=open]:bg-accent")}
      >
        <span className="sr-only">{label}: </span>
        <OrgIdentity org={active} compact />
        {pending ? (
          <Spinner size="sm" className="ml-auto text-muted-foreground" />
        ) : (
          <ChevronsUpDown aria-hidden="true" className="ml-auto size-4 shrink-0 text-muted-foreground" />
        )}
      </DropdownMenuTrigger>
      <span aria-live="polite" className="sr-only">
        {pending ? switchingLabel : ""}
      </span>
      <DropdownMenuContent align="start" className="w-72">
        <DropdownMenuLabel>{label}</DropdownMenuLabel>
        <DropdownMenuRadioGroup value={optimisticId} onValueChange={choose}>
          {kinds.map((kind, index) => (
            <DropdownMenuGroup key={kind}>
              {kinds.length > 1 ? (
                <>
                  {index > 0 ? <DropdownMenuSeparator /> : null}
                  <DropdownMenuLabel className="pt-1 text-[0.6875rem] uppercase tracking-wider">{labels[kind]}</DropdownMenuLabel>
                </>
              ) : null}
              {organisations
                .filter((org) => org.kind === kind)
                .map((org) => (
                  <DropdownMenuRadioItem key={org.id} value={org.id} className="py-1.5">
                    <OrgIdentity org={org} />
                  </DropdownMenuRadioItem>
                ))}
            </DropdownMenuGroup>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
