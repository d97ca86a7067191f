"use client";

import { useCallback, useState, type ComponentType } from "react";

const loaded = new WeakMap<() => Promise<unknown>, Promise<unknown>>();

/**
 * A component loaded on first use (decision 031): `preload()` starts the download (pointer over, focus), `open()`
 * loads it and asks for it to be shown open. Until then the caller renders a plain trigger of the same look, so
 * a menu's primitives (Radix popper, focus scope, dismissable layer, remove-scroll) are not part of every page's
 * first JavaScript. `loader` must be a module-level function (it keys the cache).
 */
export function useLazyComponent<P>(loader: () => Promise<ComponentType<P>>): {
  Component: ComponentType<P> | null;
  openRequested: boolean;
  preload: () => void;
  open: () => void;
} {
  const [Component, setComponent] = useState<ComponentType<P> | null>(null);
  const [openRequested, setOpenRequested] = useState(false);
  const start = useCallback(() => {
    let p = loaded.get(loader) as Promise<ComponentType<P>> | undefined;
    if (!p) {
      p = loader();
      loaded.set(loader, p);
      // A failed download may be retried on the next press.
      p.catch(() => loaded.delete(loader));
    }
    return p;
  }, [loader]);
  const preload = useCallback(() => {
    start().catch(() => undefined);
  }, [start]);
  const open = useCallback(() => {
    setOpenRequested(true);
    start().then((C) => setComponent(() => C), () => setOpenRequested(false));
  }, [start]);
  return { Component, openRequested, preload, open };
}
