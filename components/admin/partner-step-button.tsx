"use client";

import { Ban, Check, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";

export type PartnerStatusStep = "approve" | "suspend" | "reactivate";

const STEP: Record<"pending" | "approved" | "suspended", { step: PartnerStatusStep; variant: "default" | "outline" | "destructive"; testId: string }> = {
  pending: { step: "approve", variant: "default", testId: "partner-approve" },
  suspended: { step: "reactivate", variant: "outline", testId: "partner-reactivate" },
  approved: { step: "suspend", variant: "destructive", testId: "partner-suspend" },
};

/**
 * The one step a partner's status allows, as a plain button: its click bubbles to the directory's
 * PartnerStatusDialog, which asks for confirmation (and a reason to suspend) and runs the action. Without state or
 * effects; rendered by the directory's client table (partner-table.tsx), whose rows travel as strings.
 */
export function PartnerStepButton({ partnerId, name, status, label }: { partnerId: string; name: string; status: "pending" | "approved" | "suspended"; label: string }) {
  const s = STEP[status];
  const Icon = s.step === "approve" ? Check : s.step === "reactivate" ? RotateCcw : Ban;
  return (
    <Button type="button" size="sm" variant={s.variant} data-testid={s.testId} data-partner-step={s.step} data-partner-id={partnerId} data-partner-name={name}>
      <Icon aria-hidden />
      {label}
    </Button>
  );
}
