"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { useLifecycleSchemas } from "@/components/requests/use-lifecycle-schemas";
import { DECLINE_REASON_MAX, type DeclineAccessRequestInput } from "@/lib/lifecycle/schemas";
import { declineAccessRequestAction } from "@/lib/server/access-requests/actions";

/** M4: decline a request, with an optional reason the partner is told. Shown open by the list's one OpenRequestDecisions. */
export function DeclineRequestDialog({ requestId, partner, onClose }: { requestId: string; partner: string; onClose: () => void }) {
  const t = useTranslations("merchantRequests");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const { declineAccessRequestSchema } = useLifecycleSchemas();
  const form = useForm<DeclineAccessRequestInput>({ resolver: zodResolver(declineAccessRequestSchema), defaultValues: { requestId, reason: "" } });
  const reason = useWatch({ control: form.control, name: "reason" }) ?? "";

  async function onSubmit(input: DeclineAccessRequestInput) {
    setFailure(null);
    const result = await declineAccessRequestAction(input);
    if (!result.ok) {
      if (result.error.fields?.reason) form.setError("reason", { message: result.error.fields.reason });
      setFailure(result.error.message);
      return;
    }
    toast.success(t("declinedToast", { partner }));
    onClose();
    router.refresh();
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent size="md" closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("declineTitle", { partner })}</DialogTitle>
          <DialogDescription>{t("declineDescription")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => void form.handleSubmit(onSubmit)(e)} noValidate className="grid gap-4" aria-label={t("declineTitle", { partner })}>
          <FormField
            control={form.control}
            name="reason"
            label={t("declineReason")}
            description={t("declineReasonHint", { used: reason.length, max: DECLINE_REASON_MAX })}
            render={({ field }) => <Textarea {...field} rows={3} maxLength={DECLINE_REASON_MAX + 50} />}
          />
          {failure ? <Alert variant="danger" role="alert" title={t("declineFailed")} description={failure} /> : null}
          <DialogFooter>
            <DialogClose asChild><Button type="button" variant="outline">{t("cancel")}</Button></DialogClose>
            <Button type="submit" variant="destructive" loading={form.formState.isSubmitting}>{t("declineConfirm")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
