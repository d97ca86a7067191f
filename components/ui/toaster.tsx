"use client";

import { useEffect, useState, type ComponentProps, type ComponentType, type ReactNode } from "react";
import type { ExternalToast, toast as sonnerToast } from "sonner";
import type { SonnerToaster } from "./toaster-sonner";

type Kind = "success" | "error" | "info";
type Sonner = typeof sonnerToast;

// Toasts asked for before sonner is loaded wait here; the mounted <Toaster> loads sonner on the first one and
// replays them (decision 031: sonner is not part of every page's first JavaScript; a page shows a toast only
// after something the person did).
const waiting: [Kind, ReactNode, ExternalToast | undefined][] = [];
let loaded: Sonner | null = null;
let wake: (() => void) | null = null;

function show(kind: Kind, message: ReactNode, data?: ExternalToast): string | number | undefined {
  if (loaded) return loaded[kind](message, data);
  waiting.push([kind, message, data]);
  wake?.();
  return undefined;
}

/** `toast.success("Access granted")`, `toast.error(msg, { description })`, `toast.info(…)`: sonner's, loaded on first use. */
export const toast = {
  success: (message: ReactNode, data?: ExternalToast) => show("success", message, data),
  error: (message: ReactNode, data?: ExternalToast) => show("error", message, data),
  info: (message: ReactNode, data?: ExternalToast) => show("info", message, data),
};

function ready(t: Sonner) {
  loaded = t;
  for (const [kind, message, data] of waiting.splice(0)) t[kind](message, data);
}

type RealProps = Omit<ComponentProps<typeof SonnerToaster>, "onReady">;

/** Mount once in the root layout: <Toaster />. Renders nothing until the first toast, then sonner's toaster. */
export function Toaster(props: RealProps) {
  const [Real, setReal] = useState<ComponentType<ComponentProps<typeof SonnerToaster>> | null>(null);
  useEffect(() => {
    const load = () => {
      wake = null;
      import("./toaster-sonner").then((m) => setReal(() => m.SonnerToaster), () => (wake = load));
    };
    wake = load;
    if (waiting.length > 0) load();
    return () => {
      wake = null;
    };
  }, []);
  return Real ? <Real {...props} onReady={ready} /> : null;
}
