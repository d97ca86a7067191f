"use client";

import { useState, type MouseEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { withdrawAccessRequestAction } from "@/lib/server/access-requests/actions";

/**
 * P7: take back an open request (the merchant's admins see it was withdrawn). One confirmation for the whole list:
 * each open row's Withdraw is a plain button (partner-requests-table.tsx) whose click bubbles here with the
 * request and what it names in data attributes.
 */
export function WithdrawRequestDialog({ children }: { children: ReactNode }) {
  const t = useTranslations("partnerRequests");
  const router = useRouter();
  const [pending, setPending] = useState<{ requestId: string; target: string } | null>(null);
  // The dialog has no trigger of its own: on closing, focus goes back to the row's button (if still there).
  const close = (requestId: string) => {
    setPending(null);
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`button[data-withdraw="${CSS.escape(requestId)}"]`)?.focus());
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-withdraw]");
    if (!button?.dataset.withdraw) return;
    setPending({ requestId: button.dataset.withdraw, target: button.dataset.target ?? "" });
  };
  const p = pending;
  return (
    // Clicks on the rows' Withdraw buttons bubble here; the buttons themselves are keyboard-operable native buttons.
    <div onClick={onClick}>
      {children}
      {p ? (
        <ConfirmDialog
          open
          onOpenChange={(open) => !open && close(p.requestId)}
          title={t("withdrawTitle", { target: p.target })}
          description={t("withdrawDescription")}
          confirmLabel={t("withdraw")}
          cancelLabel={t("cancel")}
          destructive
          onConfirm={async () => {
            const result = await withdrawAccessRequestAction({ requestId: p.requestId });
            if (!result.ok) {
              toast.error(result.error.message);
              return;
            }
            toast.success(t("withdrawnToast"));
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
