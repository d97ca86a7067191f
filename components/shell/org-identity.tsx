import { cx } from "@/lib/utils/cx";
import { Avatar } from "@/components/ui/avatar";

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

export function orgTriggerClasses(className?: string): string {
  return cx("flex h-10 min-w-0 max-w-full items-center gap-2 rounded-md px-1.5 sm:max-w-72 sm:pr-2", className);
}

/** An organisation's avatar, name and the user's role there (the switcher's trigger and its menu items). Server-safe. */
export function OrgIdentity({ org, compact = false }: { org: SwitcherOrganisation; compact?: boolean }) {
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
