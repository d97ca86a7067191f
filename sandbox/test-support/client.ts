/**
 * A minimal outside client for the contract tests: plain fetch over HTTP against a running sandbox, with every
 * response body checked against the official OpenAPI file where the spec documents one.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies in these tests are checked against the official OpenAPI schemas at run time (see test-support/openapi.ts) and asserted field by field */

import { startSandbox, type RunningSandbox, type SandboxOptions } from "../server";
import { assertMatchesSpec, schemaFor } from "./openapi";

/** A fixed "today" (a Wednesday) so every run serves the same dates. */
export const TODAY = "2025-06-18";
export const ADMIN_SECRET = "test-admin-secret";

export function start(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, host: "127.0.0.1", today: TODAY, adminSecret: ADMIN_SECRET, ...options });
}

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Fetches, parses JSON, and checks the body against the spec. */
export async function call<T = any>(base: string, path: string, init: RequestInit = {}): Promise<ApiResponse<T>> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw new Error(`${init.method ?? "GET"} ${path} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
  }
  const schema = schemaFor(init.method ?? "GET", new URL(base + path).pathname, res.status);
  if (schema) assertMatchesSpec(schema, body);
  return { status: res.status, headers: res.headers, body: body as T };
}

export interface Keys {
  merchant(msn: string): Promise<Record<string, string>>;
  partner(orgNo: string): Promise<Record<string, string>>;
}

/** Report API headers for a key set, fetched with the demo keys the sandbox lists at /sandbox/credentials. */
export function keys(base: string): Keys {
  let creds: Promise<any> | undefined;
  const credentials = () => (creds ??= call(base, "/sandbox/credentials").then((r) => r.body));
  return {
    async merchant(msn) {
      const m = (await credentials()).merchants.find((x: any) => x.msn === msn);
      const res = await call(base, "/accesstoken/get", { method: "POST", headers: { client_id: m.clientId, client_secret: m.clientSecret, "Ocp-Apim-Subscription-Key": m.subscriptionKey } });
      if (res.status !== 200) throw new Error(`merchant token for ${msn}: ${res.status}`);
      return { Authorization: `Bearer ${res.body.access_token}`, "Ocp-Apim-Subscription-Key": m.subscriptionKey };
    },
    async partner(orgNo) {
      const p = (await credentials()).partners.find((x: any) => x.orgNo === orgNo);
      const res = await call(base, "/miami/v1/token", {
        method: "POST",
        headers: { Authorization: `Basic ${Buffer.from(`${p.clientId}:${p.clientSecret}`).toString("base64")}`, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8" },
        body: "grant_type=client_credentials",
      });
      if (res.status !== 200) throw new Error(`partner token for ${orgNo}: ${res.status}`);
      return { Authorization: `Bearer ${res.body.access_token}` };
    },
  };
}

export function admin(base: string, method: string, path: string, body?: unknown): Promise<ApiResponse> {
  return call(base, `/sandbox/admin${path}`, {
    method,
    headers: { "x-sandbox-admin-secret": ADMIN_SECRET, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export interface Entry {
  pspReference: string;
  time: string;
  ledgerDate: string;
  entryType: string;
  reference: string;
  currency: string;
  amount: number;
  balanceBefore: number;
  balanceAfter: number;
  recipientHandle: string | null;
  name?: string;
  maskedPhoneNo?: string;
  message?: string;
}

/** Reads every page of one ledger date by following cursors; returns the pages as served. */
export async function readDate(base: string, headers: Record<string, string>, ledgerId: string, topic: string, date: string, query = ""): Promise<{ pages: any[]; items: Entry[] }> {
  const pages: any[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const q = new URLSearchParams(query);
    if (cursor) q.set("cursor", cursor);
    const qs = q.toString();
    const res = await call(base, `/report/v2/ledgers/${ledgerId}/${topic}/dates/${date}${qs ? `?${qs}` : ""}`, { headers });
    if (res.status !== 200) throw new Error(`date ${date}: ${res.status} ${JSON.stringify(res.body)}`);
    pages.push(res.body);
    if (!res.body.hasMore) return { pages, items: pages.flatMap((p) => p.items) };
    cursor = res.body.cursor;
  }
  throw new Error("never ended");
}

/** Follows a feed from the start until it says tryLater; returns every page. */
export async function readFeed(base: string, headers: Record<string, string>, ledgerId: string, topic: string, query = ""): Promise<{ pages: any[]; items: Entry[]; endCursor: string }> {
  const pages: any[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100_000; guard++) {
    const q = new URLSearchParams(query);
    if (cursor) q.set("cursor", cursor);
    const qs = q.toString();
    const res = await call(base, `/report/v2/ledgers/${ledgerId}/${topic}/feed${qs ? `?${qs}` : ""}`, { headers });
    if (res.status !== 200) throw new Error(`feed: ${res.status} ${JSON.stringify(res.body)}`);
    pages.push(res.body);
    if (res.body.tryLater) return { pages, items: pages.flatMap((p) => p.items), endCursor: res.body.cursor };
    cursor = res.body.cursor;
  }
  throw new Error("never ended");
}

/** Asserts the chain rule on a run of entries of one topic: before + amount = after, and each before = previous after. */
export function chainBreaks(items: Entry[]): string[] {
  const problems: string[] = [];
  items.forEach((e, i) => {
    if (e.balanceBefore + e.amount !== e.balanceAfter) problems.push(`#${i} ${e.pspReference}: ${e.balanceBefore} + ${e.amount} != ${e.balanceAfter}`);
    const prev = items[i - 1];
    if (prev && prev.balanceAfter !== e.balanceBefore) problems.push(`#${i} ${e.pspReference}: before ${e.balanceBefore} != previous after ${prev.balanceAfter}`);
  });
  return problems;
}
