import { Briefcase } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * An accountant's "Choose clients" as a plain button: its click bubbles to the staff table's one
 * AssignClientsDialog, which reads the accountant from the data attributes (the assigned clients' ids, space
 * separated). Without state or effects, so a page of accountants carries no client component per row.
 */
export function AssignClientsButton({ membershipId, name, assigned, label, ariaLabel }: { membershipId: string; name: string; assigned: string[]; label: string; ariaLabel: string }) {
  return (
    <Button type="button" variant="outline" size="sm" aria-label={ariaLabel} data-assign-membership={membershipId} data-assign-name={name} data-assign-clients={assigned.join(" ")}>
      <Briefcase aria-hidden />
      {label}
    </Button>
  );
}
