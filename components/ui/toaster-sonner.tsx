"use client";

import { useEffect, type CSSProperties } from "react";
import { Toaster as Sonner, toast, type ToasterProps } from "sonner";
import { CircleCheck, Info, OctagonAlert, TriangleAlert } from "lucide-react";
import { Spinner } from "./spinner";


const tokens = {
  "--normal-bg": "var(--color-popover)",
  "--normal-text": "var(--color-popover-foreground)",
  "--normal-border": "var(--color-border)",
  "--success-bg": "var(--color-success-subtle)",
  "--success-text": "var(--color-success)",
  "--success-border": "var(--color-success-border)",
  "--info-bg": "var(--color-info-subtle)",
  "--info-text": "var(--color-info)",
  "--info-border": "var(--color-info-border)",
  "--warning-bg": "var(--color-warning-subtle)",
  "--warning-text": "var(--color-warning)",
  "--warning-border": "var(--color-warning-border)",
  "--error-bg": "var(--color-danger-subtle)",
  "--error-text": "var(--color-danger)",
  "--error-border": "var(--color-danger-border)",
  "--border-radius": "var(--radius-lg)",
} as CSSProperties;

/**
 * Sonner's toaster with the portal's look, loaded by components/ui/toaster.tsx when the first toast is asked for.
 * `onReady` gets sonner's `toast` once the toaster listens (its subscription is a child effect, so it runs first).
 */
export function SonnerToaster({ label, style, onReady, ...props }: ToasterProps & { label?: string; onReady: (t: typeof toast) => void }) {
  useEffect(() => onReady(toast), [onReady]);
  return (
    <Sonner
      theme="light"
      position="bottom-right"
      richColors
      closeButton
      containerAriaLabel={label}
      style={{ ...tokens, ...style }}
      icons={{
        success: <CircleCheck className="size-4" aria-hidden="true" />,
        info: <Info className="size-4" aria-hidden="true" />,
        warning: <TriangleAlert className="size-4" aria-hidden="true" />,
        error: <OctagonAlert className="size-4" aria-hidden="true" />,
        loading: <Spinner size="sm" />,
      }}
      toastOptions={{
        classNames: {
          toast: "font-sans! text-sm! shadow-md! gap-2.5!",
          title: "font-medium!",
          description: "text-muted-foreground!",
          actionButton: "bg-primary! text-primary-foreground! rounded-md! font-medium!",
          cancelButton: "bg-secondary! text-secondary-foreground! rounded-md!",
        },
      }}
      {...props}
    />
  );
}
