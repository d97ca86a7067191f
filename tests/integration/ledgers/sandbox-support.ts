import { startSandbox, type RunningSandbox, type SandboxOptions } from "@/sandbox/server";
import type { StatsSnapshot } from "@/sandbox/stats";

export const ADMIN_SECRET = "ledger-tests-admin-secret";

/**
 * Starts the Report API sandbox in this process on a free port and points the portal at it. Must run before
 * anything reads the configuration (lib/server/env.ts parses it once per test file), i.e. first in beforeAll.
 */
export async function startLedgerSandbox(options: Omit<SandboxOptions, "port" | "adminSecret"> = {}): Promise<RunningSandbox> {
  const sandbox = await startSandbox({ ...options, port: 0, adminSecret: ADMIN_SECRET });
  process.env.REPORT_API_BASE_URL = sandbox.url;
  process.env.SANDBOX_ADMIN_SECRET = ADMIN_SECRET;
  return sandbox;
}

export async function sandboxStats(sandbox: RunningSandbox): Promise<StatsSnapshot> {
  const res = await fetch(`${sandbox.url}/sandbox/stats`);
  return (await res.json()) as StatsSnapshot;
}

export async function sandboxAdmin(sandbox: RunningSandbox, method: "PUT" | "POST" | "DELETE", path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${sandbox.url}/sandbox/admin/${path}`, {
    method,
    headers: { "content-type": "application/json", "x-sandbox-admin-secret": ADMIN_SECRET },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`sandbox admin ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
}

/** Times a date (one topic) was read from its first page: how often upstream was asked for it. */
export function dateReads(stats: StatsSnapshot, ledgerId: string, topic: "funds" | "fees", date: string): number {
  return stats.dateFirstPages[`${ledgerId}/${topic}/${date}`] ?? 0;
}

/** Report API calls (tokens, ledgers, dates, feed), leaving out the sandbox's own endpoints such as stats. */
export function upstreamCalls(stats: StatsSnapshot): number {
  return ["token", "ledgers", "dates", "feed"].reduce((sum, kind) => sum + (stats.byKind[kind] ?? 0), 0);
}

/**
 * Test files share one database and run in any order: a test that counts upstream reads starts from a cold
 * cache for its dates (and the in-process sandbox of this file has counted nothing for them yet).
 */
export async function forgetCachedDates(ledgerExternalId: string, dates: string[]): Promise<void> {
  const { db } = await import("@/lib/server/db");
  const { ledgerDateToDb } = await import("@/lib/dates");
  await db.ledgerDay.deleteMany({ where: { ledger: { externalId: ledgerExternalId }, ledgerDate: { in: dates.map(ledgerDateToDb) } } });
}
