"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Briefcase } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toaster";
import { useLifecycleSchemas } from "@/components/requests/use-lifecycle-schemas";
import { cn } from "@/lib/utils/cn";
import type { SetClientAssignmentsInput } from "@/lib/lifecycle/schemas";
import { setClientAssignmentsAction } from "@/lib/server/partner-staff/actions";
import type { StaffClient } from "@/lib/partner-staff/types";

/** P6: the owner ticks the clients an accountant works on; the accountant then sees exactly those. */
export function AssignClientsDialog({ membershipId, name, clients, assigned }: { membershipId: string; name: string; clients: StaffClient[]; assigned: string[] }) {
  const t = useTranslations("partnerStaff");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { setClientAssignmentsSchema } = useLifecycleSchemas();
  const form = useForm<SetClientAssignmentsInput>({ resolver: zodResolver(setClientAssignmentsSchema), defaultValues: { membershipId, merchantIds: assigned } });

  async function onSubmit(input: SetClientAssignmentsInput) {
    setFailure(null);
    const result = await setClientAssignmentsAction(input);
    if (!result.ok) {
      if (result.error.fields?.merchantIds) form.setError("merchantIds", { message: result.error.fields.merchantIds });
      setFailure(result.error.message);
      return;
    }
    toast.success(t("savedToast", { name }));
    setOpen(false);
    router.refresh();
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (o) form.reset({ membershipId, merchantIds: assigned });
        setFailure(null);
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={t("chooseClientsFor", { name })}><Briefcase aria-hidden />{t("chooseClients")}</Button>
      </DialogTrigger>
      <DialogContent size="md" closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("dialogTitle", { name })}</DialogTitle>
          <DialogDescription>{t("dialogDescription", { name })}</DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => void form.handleSubmit(onSubmit)(e)} noValidate className="grid gap-4" aria-label={t("dialogTitle", { name })}>
          <FormField
            control={form.control}
            name="merchantIds"
            label={t("clientsLabel")}
            hideLabel
            render={({ field, controlProps }) => (
              <fieldset aria-describedby={controlProps["aria-describedby"]} className="grid max-h-[50dvh] gap-2 overflow-y-auto">
                <legend className="sr-only">{t("clientsLabel")}</legend>
                {clients.map((c) => {
                  const id = `assign-${membershipId}-${c.merchantId}`;
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
    </Dialog>
  );
}
