"use client";

import { useId, useState, type MouseEvent, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useRun } from "@/components/grants/grant-decision-buttons";
import { approveGrantAction, declineGrantAction } from "@/lib/server/grants/actions";

interface Pending {
  decide: "approve" | "decline";
  grantId: string;
  partner: string;
  ledger: string;
  scope: string;
}

/**
 * M5: the confirmation to approve or decline (with an optional reason the asking admin is told) a grant waiting
 * for a second admin. One dialog for the whole approvals table: each row's buttons are plain ones
 * (approvals-table.tsx) whose clicks bubble here, with the row's grant, partner, ledger and scope in data
 * attributes on their group; a page of 25 grants carries no client component per row.
 */
export function GrantDecisionDialog({ children }: { children: ReactNode }) {
  const t = useTranslations("grantDetail");
  const run = useRun();
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState("");
  const reasonId = useId();
  // The dialog has no trigger of its own: on closing, focus goes back to the button that opened it (if the row
  // is still there), not to the top of the page.
  const close = (p: Pending) => {
    setPending(null);
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`[data-grant-id="${CSS.escape(p.grantId)}"] button[data-decide="${p.decide}"]`)?.focus());
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-decide]");
    const row = button?.closest<HTMLElement>("[data-grant-id]");
    if (!button || !row?.dataset.grantId) return;
    setReason("");
    const { grantId, partner = "", ledger = "", scope = "" } = row.dataset;
    setPending({ decide: button.dataset.decide === "decline" ? "decline" : "approve", grantId, partner, ledger, scope });
  };
  const p = pending;
  const dialog = !p ? null
    : p.decide === "approve" ? (
      <ConfirmDialog
        open
        onOpenChange={(open) => !open && close(p)}
        title={t("approveTitle", { partner: p.partner })}
        description={t("approveDescription", { partner: p.partner, ledger: p.ledger, scope: p.scope })}
        confirmLabel={t("approve")}
        cancelLabel={t("cancel")}
        onConfirm={() => run(() => approveGrantAction({ grantId: p.grantId }), t("approvedToast", { partner: p.partner, ledger: p.ledger }))}
      />
    ) : (
      <ConfirmDialog
        open
        onOpenChange={(open) => !open && close(p)}
        title={t("declineTitle", { partner: p.partner })}
        description={t("declineDescription", { partner: p.partner })}
        confirmLabel={t("decline")}
        cancelLabel={t("cancel")}
        destructive
        onConfirm={() => run(() => declineGrantAction({ grantId: p.grantId, reason: reason.trim() || undefined }), t("declinedToast"))}
      >
        <div className="grid gap-1.5">
          <Label htmlFor={reasonId}>{t("declineReason")}</Label>
          <Textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} />
        </div>
      </ConfirmDialog>
    );
  return (
    // Clicks on the rows' decision buttons bubble here; the buttons themselves are keyboard-operable native buttons.
    <div onClick={onClick}>
      {children}
      {dialog}
    </div>
  );
}
