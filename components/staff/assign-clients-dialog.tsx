"use client";

import { useMemo, useState, type MouseEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { useLifecycleSchemas } from "@/components/requests/use-lifecycle-schemas";
import { cn } from "@/lib/utils/cn";
import type { SetClientAssignmentsInput } from "@/lib/lifecycle/schemas";
import { setClientAssignmentsAction } from "@/lib/server/partner-staff/actions";
import type { StaffClient } from "@/lib/partner-staff/types";

interface Member {
  membershipId: string;
  name: string;
  assigned: string[];
}

const buttonOf = (membershipId: string) => document.querySelector<HTMLButtonElement>(`button[data-assign-membership="${CSS.escape(membershipId)}"]`);

/**
 * P6: the owner ticks the clients an accountant works on; the accountant then sees exactly those. One dialog for
 * the whole staff table: each accountant's row has a plain AssignClientsButton whose click bubbles to this
 * wrapper, and the page's clients travel once (`clients`: the firm's first clients and the assigned ones of the
 * accountants shown), not once per row. The accountant's assigned clients come first in the dialog.
 */
export function AssignClientsDialog({ clients, children }: { clients: StaffClient[]; children: ReactNode }) {
  const t = useTranslations("partnerStaff");
  const router = useRouter();
  const [member, setMember] = useState<Member | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { setClientAssignmentsSchema } = useLifecycleSchemas();
  const form = useForm<SetClientAssignmentsInput>({ resolver: zodResolver(setClientAssignmentsSchema), defaultValues: { membershipId: "", merchantIds: [] } });
  const byId = useMemo(() => new Map(clients.map((c) => [c.merchantId, c])), [clients]);
  const choices = useMemo(() => {
    if (!member) return [];
    const mine = new Set(member.assigned);
    return [...member.assigned.flatMap((id) => byId.get(id) ?? []), ...clients.filter((c) => !mine.has(c.merchantId))];
  }, [member, byId, clients]);

  // The dialog has no trigger of its own: on closing, focus goes back to the row's button, not to the page's top.
  const close = (membershipId: string) => {
    setMember(null);
    requestAnimationFrame(() => buttonOf(membershipId)?.focus());
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-assign-membership]");
    const membershipId = button?.dataset.assignMembership;
    if (!button || !membershipId) return;
    const assigned = (button.dataset.assignClients ?? "").split(" ").filter(Boolean);
    setFailure(null);
    form.reset({ membershipId, merchantIds: assigned });
    setMember({ membershipId, name: button.dataset.assignName ?? "", assigned });
  };

  async function onSubmit(input: SetClientAssignmentsInput) {
    setFailure(null);
    const result = await setClientAssignmentsAction(input);
    if (!result.ok) {
      if (result.error.fields?.merchantIds) form.setError("merchantIds", { message: result.error.fields.merchantIds });
      setFailure(result.error.message);
      return;
    }
    toast.success(t("savedToast", { name: member?.name ?? "" }));
    if (member) close(member.membershipId);
    router.refresh();
  }

  const m = member;
  return (
    // Clicks on the rows' buttons bubble here; the buttons themselves are keyboard-operable native buttons.
    <div onClick={onClick}>
      {children}
      <Dialog open={m !== null} onOpenChange={(open) => !open && m && close(m.membershipId)}>
        {m ? (
          <DialogContent size="md" closeLabel={t("close")}>
            <DialogHeader>
              <DialogTitle>{t("dialogTitle", { name: m.name })}</DialogTitle>
              <DialogDescription>{t("dialogDescription", { name: m.name })}</DialogDescription>
            </DialogHeader>
            <form onSubmit={(e) => void form.handleSubmit(onSubmit)(e)} noValidate className="grid gap-4" aria-label={t("dialogTitle", { name: m.name })}>
              <FormField
                control={form.control}
                name="merchantIds"
                label={t("clientsLabel")}
                hideLabel
                render={({ field, controlProps }) => (
                  <fieldset aria-describedby={controlProps["aria-describedby"]} className="grid max-h-[50dvh] gap-2 overflow-y-auto">
                    <legend className="sr-only">{t("clientsLabel")}</legend>
                    {choices.map((c) => {
                      const id = `assign-${m.membershipId}-${c.merchantId}`;
                      const checked = field.value.includes(c.merchantId);
                      return (
                        <div key={c.merchantId} className={cn("flex items-start gap-3 rounded-lg border bg-card px-3.5 py-3", checked ? "border-primary ring-1 ring-primary" : "border-border")}>
                          <Checkbox id={id} checked={checked} onCheckedChange={(on) => field.onChange(on === true ? [...field.value, c.merchantId] : field.value.filter((x) => x !== c.merchantId))} className="mt-0.5" />
                          <div className="grid gap-0.5">
                            <Label htmlFor={id}>{c.name}</Label>
                            <span className="text-xs text-muted-foreground tabular-nums">{t("clientFacts", { orgNo: c.orgNo, count: c.ledgerCount })}</span>
                          </div>
                        </div>
                      );
                    })}
                  </fieldset>
                )}
              />
              {failure ? <Alert variant="danger" role="alert" title={t("failed")} description={failure} /> : null}
              <DialogFooter>
                <DialogClose asChild><Button type="button" variant="outline">{t("cancel")}</Button></DialogClose>
                <Button type="submit" loading={form.formState.isSubmitting}>{t("save")}</Button>
              </DialogFooter>
            </form>
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}
