"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Undo2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { withdrawAccessRequestAction } from "@/lib/server/access-requests/actions";

/** P7: take back an open request (the merchant's admins see it was withdrawn). */
export function WithdrawRequestButton({ requestId, target }: { requestId: string; target: string }) {
  const t = useTranslations("partnerRequests");
  const router = useRouter();
  return (
    <ConfirmDialog
      trigger={<Button variant="outline" size="sm" aria-label={t("withdrawFor", { target })}><Undo2 aria-hidden />{t("withdraw")}</Button>}
      title={t("withdrawTitle", { target })}
      description={t("withdrawDescription")}
      confirmLabel={t("withdraw")}
      cancelLabel={t("cancel")}
      destructive
      onConfirm={async () => {
        const result = await withdrawAccessRequestAction({ requestId });
        if (!result.ok) {
          toast.error(result.error.message);
          return;
        }
        toast.success(t("withdrawnToast"));
        router.refresh();
      }}
    />
  );
}
