"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Ban, Check, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { approveGrantAction, declineGrantAction, revokeGrantAction } from "@/lib/server/grants/actions";

type Result = { ok: true } | { ok: false; error: { message: string } };

/** Runs a grant action: its error as a toast, or the success toast and a refresh of the page's data. */
export function useRun() {
  const router = useRouter();
  return async (run: () => Promise<Result>, success: string) => {
    const result = await run();
    if (!result.ok) {
      toast.error(result.error.message);
      return;
    }
    toast.success(success);
    router.refresh();
  };
}

/** M3: revoke in one step, behind a clear warning (also withdraws access still waiting for approval). */
export function RevokeGrantButton({ grantId, partner, ledger, pending }: { grantId: string; partner: string; ledger: string; pending: boolean }) {
  const t = useTranslations("grantDetail");
  const run = useRun();
  return (
    <ConfirmDialog
      trigger={<Button variant={pending ? "outline" : "destructive"}><Ban aria-hidden />{pending ? t("withdraw") : t("revoke")}</Button>}
      title={pending ? t("withdrawTitle") : t("revokeTitle", { partner, ledger })}
      description={pending ? t("withdrawDescription") : t("revokeDescription", { partner })}
      confirmLabel={pending ? t("withdraw") : t("revoke")}
      cancelLabel={t("cancel")}
      destructive
      onConfirm={() => run(() => revokeGrantAction({ grantId }), t("revokedToast"))}
    />
  );
}

/** M5: a second admin approves or declines (with an optional reason the asking admin is told). */
export function GrantDecisionButtons({ grantId, partner, ledger, scope }: { grantId: string; partner: string; ledger: string; scope: string }) {
  const t = useTranslations("grantDetail");
  const run = useRun();
  const [reason, setReason] = useState("");
  const reasonId = useId();
  return (
    <div className="flex flex-wrap gap-2">
      <ConfirmDialog
        trigger={<Button><Check aria-hidden />{t("approve")}</Button>}
        title={t("approveTitle", { partner })}
        description={t("approveDescription", { partner, ledger, scope })}
        confirmLabel={t("approve")}
        cancelLabel={t("cancel")}
        onConfirm={() => run(() => approveGrantAction({ grantId }), t("approvedToast", { partner, ledger }))}
      />
      <ConfirmDialog
        trigger={<Button variant="outline"><X aria-hidden />{t("decline")}</Button>}
        title={t("declineTitle", { partner })}
        description={t("declineDescription", { partner })}
        confirmLabel={t("decline")}
        cancelLabel={t("cancel")}
        destructive
        onConfirm={() => run(() => declineGrantAction({ grantId, reason: reason.trim() || undefined }), t("declinedToast"))}
      >
        <div className="grid gap-1.5">
          <Label htmlFor={reasonId}>{t("declineReason")}</Label>
          <Textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
        </div>
      </ConfirmDialog>
    </div>
  );
}
