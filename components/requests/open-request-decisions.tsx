"use client";

import { useState, type MouseEvent, type ReactNode } from "react";
import { ApproveRequestDialog, type ApproveRequestProps } from "@/components/requests/approve-request-dialog";
import { DeclineRequestDialog } from "@/components/requests/decline-request-dialog";

type Open = { decision: "approve"; request: ApproveRequestProps } | { decision: "decline"; requestId: string; partner: string };

/**
 * M4: the approve and decline dialogs for the whole list of open requests. Each card's buttons are plain ones
 * (open-requests-list.tsx) whose clicks bubble here; the approval form's data (the ledgers to choose from) comes
 * once, only for the requests this user can approve.
 */
export function OpenRequestDecisions({ approvable, children }: { approvable: Record<string, ApproveRequestProps>; children: ReactNode }) {
  const [open, setOpen] = useState<Open | null>(null);
  // The dialogs have no trigger of their own: on closing, focus goes back to the card's button (if still there).
  const close = () => {
    if (!open) return;
    const id = open.decision === "approve" ? open.request.id : open.requestId;
    setOpen(null);
    requestAnimationFrame(() => document.querySelector<HTMLButtonElement>(`button[data-request-id="${CSS.escape(id)}"][data-decision="${open.decision}"]`)?.focus());
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-decision]");
    const id = button?.dataset.requestId;
    if (!id) return;
    const request = approvable[id];
    if (button.dataset.decision === "approve" && request) setOpen({ decision: "approve", request });
    else if (button.dataset.decision === "decline") setOpen({ decision: "decline", requestId: id, partner: button.dataset.partner ?? "" });
  };
  return (
    // Clicks on the cards' buttons bubble here; the buttons themselves are keyboard-operable native buttons.
    <div onClick={onClick}>
      {children}
      {open?.decision === "approve" ? <ApproveRequestDialog request={open.request} onClose={close} /> : null}
      {open?.decision === "decline" ? <DeclineRequestDialog requestId={open.requestId} partner={open.partner} onClose={close} /> : null}
    </div>
  );
}
