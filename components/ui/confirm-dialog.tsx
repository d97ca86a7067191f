"use client";

import { useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { TriangleAlert, CircleHelp } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Button } from "./button";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "./alert-dialog";

export interface ConfirmDialogProps {
  /** The element that opens the dialog, usually a <Button> (rendered asChild). Omit when controlling `open`. */
  trigger?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Extra content between the description and the buttons (consequences, affected ledgers…). */
  children?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Red confirm button and warning icon. */
  destructive?: boolean;
  /**
   * Server action (or any form action) run on confirm. It receives a FormData containing `fields`.
   * Can be passed directly from a Server Component.
   */
  action?: (formData: FormData) => void | Promise<void>;
  /** Hidden inputs submitted with `action`, e.g. { grantId }. */
  fields?: Record<string, string>;
  /**
   * Client callback run on confirm (when no `action`). Returning `false` keeps the dialog open: the input was
   * refused, and the person should be able to correct it without starting over.
   */
  onConfirm?: () => void | boolean | Promise<void | boolean>;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}

function ConfirmButton({ label, destructive }: { label: string; destructive: boolean }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={destructive ? "destructive" : "default"} loading={pending}>
      {label}
    </Button>
  );
}

/**
 * Confirmation modal (role="alertdialog"). Focus starts on Cancel; confirm submits a form so it works with
 * server actions and shows a pending spinner. Closes when the action resolves (unless `onConfirm` says `false`);
 * errors propagate to the nearest error boundary (handle expected failures inside the action, e.g. with a toast).
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  children,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  destructive = false,
  action,
  fields,
  onConfirm,
  open: openProp,
  onOpenChange,
}: ConfirmDialogProps) {
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    if (openProp === undefined) setOpenState(next);
    onOpenChange?.(next);
  };

  async function submit(formData: FormData) {
    if (action) await action(formData);
    else if (onConfirm && (await onConfirm()) === false) return;
    setOpen(false);
  }

  const Icon = destructive ? TriangleAlert : CircleHelp;
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      {trigger ? <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger> : null}
      <AlertDialogContent {...(description ? {} : { "aria-describedby": undefined })}>
        <form action={submit} className="flex flex-col gap-4">
          {fields
            ? Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)
            : null}
          <AlertDialogHeader>
            <span
              aria-hidden="true"
              className={cn(
                "flex size-9 shrink-0 items-center justify-center rounded-full",
                destructive ? "bg-danger-subtle text-danger" : "bg-primary-subtle text-primary",
              )}
            >
              <Icon className="size-4.5" />
            </span>
            <div className="flex min-w-0 flex-col gap-1.5 pt-1">
              <AlertDialogTitle>{title}</AlertDialogTitle>
              {description ? <AlertDialogDescription>{description}</AlertDialogDescription> : null}
            </div>
          </AlertDialogHeader>
          {children ? <div className="text-sm sm:pl-13">{children}</div> : null}
          <AlertDialogFooter>
            <AlertDialogCancel>{cancelLabel}</AlertDialogCancel>
            <ConfirmButton label={confirmLabel} destructive={destructive} />
          </AlertDialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
