"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ActionFailure } from "@/components/ledger/action-call";

/** A refused call (rate limit) fails the same way on a retry a moment later: show its message at once. */
const retryOnce = (failures: number, error: unknown) => failures < 1 && !(error instanceof ActionFailure && error.code === "RATE_LIMITED");

/** One QueryClient per browser tab. Ledger data changes rarely: a minute of staleness saves many reads. */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: retryOnce, refetchOnWindowFocus: false } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
