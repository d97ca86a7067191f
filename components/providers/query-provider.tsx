"use client";
import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ActionFailure } from "@/components/ledger/action-call";

/** A refused call (rate limit) fails the same way on a retry a moment later: show its message at once. */
const retryOnce = (failures: number, error: unknown) => failures < 1 && !(error instanceof ActionFailure && error.code === "RATE_LIMITED");

let browserClient: QueryClient | undefined;

/**
 * The browser tab's one QueryClient. Ledger data changes rarely: a minute of staleness saves many reads.
 * react-query is not in the root layout (decision 040): each subtree that uses it sits in its own `QueryProvider`,
 * and they all share this client, so the notifications page's "mark all read" refreshes the bell's cache.
 * A server render gets a fresh client (nothing is fetched on the server; no cache crosses requests).
 */
export function appQueryClient(): QueryClient {
  if (isServer) return makeClient();
  browserClient ??= makeClient();
  return browserClient;
}

function makeClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: retryOnce, refetchOnWindowFocus: false } } });
}

/** Wraps the client components that use react-query (ledger view, add-partner form, the bell's popover). */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(appQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
