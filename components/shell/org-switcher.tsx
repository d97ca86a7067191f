"use client";

import { useOptimistic, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ChevronsUpDown } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Avatar } from "@/components/ui/avatar";
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

export type OrganisationKind = "merchant" | "partner" | "admin";

export interface SwitcherOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** The user's role there, e.g. "Admin", "Accountant". */
  roleLabel: string;
}

export interface OrgSwitcherProps {
  organisations: SwitcherOrganisation[];
  activeId: string;
  /** Server action that makes `id` the active organisation. Omit for a read-only display. */
  onSelectAction?: (id: string) => Promise<void>;
  /** Accessible prefix for the trigger and the menu heading. */
  label?: string;
  /** Group headings when organisations of several kinds are listed. */
  kindLabels?: Partial<Record<OrganisationKind, string>>;
  /** Announced while switching. */
  switchingLabel?: string;
  className?: string;
}

const defaultKindLabels: Record<OrganisationKind, string> = {
  merchant: "Merchants",
  partner: "Accounting partners",
  admin: "Platform",
};
const kindOrder: OrganisationKind[] = ["partner", "merchant", "admin"];

function OrgIdentity({ org, compact = false }: { org: SwitcherOrganisation; compact?: boolean }) {
  return (
    <span className="flex min-w-0 items-center gap-2.5">
      <Avatar name={org.name} shape="square" size={compact ? "sm" : "md"} />
      <span className="flex min-w-0 flex-col text-left leading-tight">
        <span className="truncate text-[0.8125rem] font-medium text-foreground">{org.name}</span>
        <span className="truncate text-xs text-muted-foreground">{org.roleLabel}</span>
      </span>
    </span>
  );
}

/**
 * Active-organisation picker for AppShell's `orgSwitcher` slot. Choosing another organisation calls
 * `onSelectAction(id)` in a transition, then `router.refresh()` (a redirect from the action also works).
 */
export function OrgSwitcher({
  organisations,
  activeId,
  onSelectAction,
  label = "Switch organisation",
  kindLabels,
  switchingLabel = "Switching organisation…",
  className,
}: OrgSwitcherProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [optimisticId, setOptimisticId] = useOptimistic(activeId);
  const active = organisations.find((org) => org.id === optimisticId) ?? organisations[0];
  if (!active) return null;

  const triggerClasses = cn(
    "flex h-10 min-w-0 max-w-full items-center gap-2 rounded-md px-1.5 sm:max-w-72 sm:pr-2",
    className,
  );

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
    <DropdownMenu modal={false}>
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
