"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Ban, Check, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { approvePartnerAction, reactivatePartnerAction, suspendPartnerAction } from "@/lib/server/admin-partners/actions";
import { MAX_SUSPEND_REASON } from "@/lib/admin-partners/schemas";

type Result = { ok: true } | { ok: false; error: { message: string; fields?: Record<string, string> } };

/** A4: the one step a partner's status allows (approve, suspend with a reason, re-activate), behind a confirmation. */
export function PartnerStatusButtons({ partnerId, name, status }: { partnerId: string; name: string; status: "pending" | "approved" | "suspended" }) {
  const t = useTranslations("adminPartners");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const reasonId = useId();
  const run = async (call: () => Promise<Result>, success: string) => {
    const result = await call();
    if (!result.ok) {
      toast.error(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
      return;
    }
    toast.success(success);
    setReason("");
    router.refresh();
  };
  if (status === "pending") {
    return (
      <ConfirmDialog
        trigger={<Button size="sm" data-testid="partner-approve"><Check aria-hidden />{t("approve")}</Button>}
        title={t("approveTitle", { partner: name })}
        description={t("approveDescription", { partner: name })}
        confirmLabel={t("approve")}
        cancelLabel={t("cancel")}
        onConfirm={() => run(() => approvePartnerAction({ partnerId }), t("approvedToast", { partner: name }))}
      />
    );
  }
  if (status === "suspended") {
    return (
      <ConfirmDialog
        trigger={<Button size="sm" variant="outline" data-testid="partner-reactivate"><RotateCcw aria-hidden />{t("reactivate")}</Button>}
        title={t("reactivateTitle", { partner: name })}
        description={t("reactivateDescription", { partner: name })}
        confirmLabel={t("reactivate")}
        cancelLabel={t("cancel")}
        onConfirm={() => run(() => reactivatePartnerAction({ partnerId }), t("reactivatedToast", { partner: name }))}
      />
    );
  }
  return (
    <ConfirmDialog
      trigger={<Button size="sm" variant="destructive" data-testid="partner-suspend"><Ban aria-hidden />{t("suspend")}</Button>}
      title={t("suspendTitle", { partner: name })}
      description={t("suspendDescription", { partner: name })}
      confirmLabel={t("suspend")}
      cancelLabel={t("cancel")}
      destructive
      onConfirm={() => run(() => suspendPartnerAction({ partnerId, reason }), t("suspendedToast", { partner: name }))}
    >
      <div className="grid gap-1.5">
        <Label htmlFor={reasonId} required>{t("suspendReason")}</Label>
        <Textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={MAX_SUSPEND_REASON} rows={3} data-testid="suspend-reason" />
      </div>
    </ConfirmDialog>
  );
}
