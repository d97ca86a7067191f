/** One page under load (autocannon, 10 connections), and a single probe request before it. */
import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface Probe {
  status: number;
  ms: number;
  bytes: number;
  /** Set when the page must not be loaded (wrong status, or one request alone too slow for 10 at once). */
  skip?: string;
}

/** One request alone: status, time and body size; a page that is not a 200 or that takes longer than `slowMs` is not loaded. */
export async function probe(url: string, cookie: string | undefined, expectStatus: number, slowMs: number): Promise<Probe> {
  const started = performance.now();
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), 120_000);
  try {
    const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual", signal: ac.signal });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - started;
    const out: Probe = { status: res.status, ms, bytes: body.length };
    if (res.status !== expectStatus) out.skip = `answered ${res.status}${res.headers.get("location") ? ` → ${res.headers.get("location")}` : ""}`;
    else if (ms > slowMs) out.skip = `one request alone took ${(ms / 1000).toFixed(1)} s`;
    return out;
  } catch (err) {
    return { status: 0, ms: performance.now() - started, bytes: 0, skip: `no answer within 120 s (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A fixed number of requests over `connections` (not a fixed time: on a busy shared machine a slow page still
 * completes its sample); req/s is requests answered ÷ the time they took.
 */
export async function load(url: string, cookie: string | undefined, amount: number, connections = 10): Promise<LoadResult> {
  const started = performance.now();
  const r = await autocannon({ url, connections, amount, timeout: 60, headers: cookie ? { cookie } : {} });
  const seconds = (performance.now() - started) / 1000;
  return {
    rps: (r.requests.total - r.timeouts) / seconds,
    meanMs: r.latency.mean,
    p50Ms: r.latency.p50,
    p90Ms: r.latency.p90,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
