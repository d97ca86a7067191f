"use client";

import { useId, useState, type MouseEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { approvePartnerAction, reactivatePartnerAction, suspendPartnerAction } from "@/lib/server/admin-partners/actions";
import { MAX_SUSPEND_REASON, suspendPartnerSchema } from "@/lib/admin-partners/schemas";
import { formErrorText } from "@/lib/validation/form-errors";
import type { PartnerStatusStep } from "@/components/admin/partner-step-button";

type Result = { ok: true } | { ok: false; error: { message: string; fields?: Record<string, string> } };

interface Pending {
  step: PartnerStatusStep;
  partnerId: string;
  name: string;
}

/**
 * A4: the confirmation for the one step a partner's status allows (approve, suspend with a reason, re-activate).
 * One dialog for the whole directory: each row has a plain server-rendered button (partner-step-button.tsx)
 * whose click bubbles to this wrapper, so a page of 50 partners carries no client component per row.
 */
export function PartnerStatusDialog({ children }: { children: ReactNode }) {
  const t = useTranslations("adminPartners");
  const tErrors = useTranslations("formErrors");
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState("");
  const reasonId = useId();
  // The dialog has no trigger of its own: on closing, focus goes back to the row's step button (after a step,
  // the row's new one), not to the top of the page.
  const close = (partnerId: string) => {
    setPending(null);
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`button[data-partner-id="${CSS.escape(partnerId)}"]`)?.focus());
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-partner-step]");
    if (!button?.dataset.partnerId || !button.dataset.partnerStep) return;
    setReason("");
    setPending({ step: button.dataset.partnerStep as PartnerStatusStep, partnerId: button.dataset.partnerId, name: button.dataset.partnerName ?? "" });
  };
  // A refusal keeps the dialog open (ConfirmDialog's `false`): the admin reads why and can correct the reason.
  const run = async (call: () => Promise<Result>, success: string): Promise<boolean> => {
    const result = await call();
    if (!result.ok) {
      toast.error(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
      return false;
    }
    toast.success(success);
    setReason("");
    if (pending) close(pending.partnerId);
    router.refresh();
    return true;
  };
  const p = pending;
  const dialog = !p ? null
    : p.step === "approve" ? (
      <ConfirmDialog
        open
        onOpenChange={(open) => !open && close(p.partnerId)}
        title={t("approveTitle", { partner: p.name })}
        description={t("approveDescription", { partner: p.name })}
        confirmLabel={t("approve")}
        cancelLabel={t("cancel")}
        onConfirm={() => run(() => approvePartnerAction({ partnerId: p.partnerId }), t("approvedToast", { partner: p.name }))}
      />
    ) : p.step === "reactivate" ? (
      <ConfirmDialog
        open
        onOpenChange={(open) => !open && close(p.partnerId)}
        title={t("reactivateTitle", { partner: p.name })}
        description={t("reactivateDescription", { partner: p.name })}
        confirmLabel={t("reactivate")}
        cancelLabel={t("cancel")}
        onConfirm={() => run(() => reactivatePartnerAction({ partnerId: p.partnerId }), t("reactivatedToast", { partner: p.name }))}
      />
    ) : (
      <ConfirmDialog
        open
        onOpenChange={(open) => !open && close(p.partnerId)}
        title={t("suspendTitle", { partner: p.name })}
        description={t("suspendDescription", { partner: p.name })}
        confirmLabel={t("suspend")}
        cancelLabel={t("cancel")}
        destructive
        onConfirm={() => {
          // The same schema as the action, checked here first so the admin reads why in their own language.
          const parsed = suspendPartnerSchema.safeParse({ partnerId: p.partnerId, reason });
          if (!parsed.success) {
            toast.error(formErrorText(parsed.error.issues[0]?.message ?? "", tErrors));
            return false;
          }
          return run(() => suspendPartnerAction(parsed.data), t("suspendedToast", { partner: p.name }));
        }}
      >
        <div className="grid gap-1.5">
          <Label htmlFor={reasonId} required>{t("suspendReason")}</Label>
          <Textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={MAX_SUSPEND_REASON} rows={3} data-testid="suspend-reason" />
        </div>
      </ConfirmDialog>
    );
  return (
    // Clicks on the rows' step buttons bubble here; the buttons themselves are keyboard-operable native buttons.
    <div onClick={onClick}>
      {children}
      {dialog}
    </div>
  );
}
