"use client";

import { useEffect, useRef, useState } from "react";
import { Check, Copy } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Button, type ButtonProps } from "./button";

export interface CopyButtonProps extends Omit<ButtonProps, "onClick" | "children" | "asChild"> {
  value: string;
  /** Accessible name, e.g. "Copy ledger ID". */
  label?: string;
  /** Announced (and shown in the name) after copying. */
  copiedLabel?: string;
  /** Also show the label as text next to the icon. */
  showLabel?: boolean;
}

/** Copies `value` to the clipboard and confirms with a check mark + polite announcement. */
export function CopyButton({
  value,
  label = "Copy",
  copiedLabel = "Copied",
  showLabel = false,
  variant = "ghost",
  size,
  className,
  ...props
}: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), 1600);
    } catch {
      setCopied(false);
    }
  }

  const Icon = copied ? Check : Copy;
  return (
    <>
      <Button
        type="button"
        variant={variant}
        size={size ?? (showLabel ? "sm" : "icon-xs")}
        onClick={() => void copy()}
        aria-label={showLabel ? undefined : copied ? copiedLabel : label}
        className={cn(!showLabel && "text-muted-foreground hover:text-foreground", className)}
        {...props}
      >
        <Icon aria-hidden="true" className={cn(copied && "text-success")} />
        {showLabel ? (copied ? copiedLabel : label) : null}
      </Button>
      <span aria-live="polite" className="sr-only">
        {copied ? copiedLabel : ""}
      </span>
    </>
  );
}
