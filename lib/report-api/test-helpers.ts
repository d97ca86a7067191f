/**
 * Test doubles for the Report API client's own tests: a scripted upstream (`fetch`), a capturing pino-like logger
 * and entry fixtures. Not exported from `index.ts`.
 */
import type { FetchLike, ReportApiLogger } from "./types";

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  body: string | undefined;
}

export type UpstreamHandler = (call: RecordedCall, signal: AbortSignal | undefined) => Response | Promise<Response>;

/** A `fetch` that records every call and answers from `handler`. */
export function fakeUpstream(handler: UpstreamHandler): { fetch: FetchLike; calls: RecordedCall[]; count: (pathPrefix: string) => number } {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (input, init) => {
    const call: RecordedCall = {
      method: init.method ?? "GET",
      url: new URL(input),
      headers: new Headers(init.headers as HeadersInit),
      body: typeof init.body === "string" ? init.body : undefined,
    };
    calls.push(call);
    return handler(call, init.signal ?? undefined);
  };
  return { fetch, calls, count: (prefix) => calls.filter((c) => c.url.pathname.startsWith(prefix)).length };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export interface CapturedLog {
  level: "debug" | "info" | "warn" | "error";
  obj: Record<string, unknown>;
  msg: string | undefined;
}

export function capturingLogger(): ReportApiLogger & { logs: CapturedLog[]; text: () => string } {
  const logs: CapturedLog[] = [];
  const at = (level: CapturedLog["level"]) => (obj: Record<string, unknown>, msg?: string) => void logs.push({ level, obj, msg });
  return { logs, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), text: () => JSON.stringify(logs) };
}

let seq = 0;

/** A valid raw entry (as upstream sends it). */
export function rawEntry(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    pspReference: `${1000000 + seq}`,
    time: "2026-03-02T10:15:00.123456Z",
    ledgerDate: "2026-03-02",
    entryType: "capture",
    reference: `order-${seq}`,
    currency: "NOK",
    amount: 10000,
    balanceBefore: 0,
    balanceAfter: 10000,
    recipientHandle: "api:212001",
    ...overrides,
  };
}

/** Sleep that records the delays and returns at once. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { delays, sleep: async (ms) => void delays.push(ms) };
}

export const MERCHANT = { kind: "merchant", clientId: "client-id-merchant-0001", clientSecret: "SECRET-merchant-xyz-123", subscriptionKey: "SUBKEY-merchant-abc-456", msn: "212001" } as const;
export const PARTNER = { kind: "partner", clientId: "client-id-partner-0002", clientSecret: "SECRET-partner-xyz-789" } as const;
