/** One page under load (10 concurrent connections), and a single probe request before it. */
import { writeFileSync } from "node:fs";
import autocannon from "autocannon";

export interface LoadResult {
  rps: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p95Ms: number;
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
export async function probe(url: string, cookie: string | undefined, expectStatus: number, slowMs: number, saveTo?: string): Promise<Probe> {
  const started = performance.now();
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), 120_000);
  try {
    const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual", signal: ac.signal });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - started;
    // BENCH_SAVE_HTML: each page's body as probed, to see where its bytes go.
    if (saveTo) writeFileSync(saveTo, body);
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
 * A fixed number of requests over `connections` concurrent connections, driven by autocannon (not a fixed time: on
 * a busy shared machine a slow page still completes its sample). Every response's time is taken from autocannon's
 * `response` event (sending to the last byte, measured with hrtime), so p50/p95 are exact over the sample; its own
 * summary rounds req/s to whole ticks of a second, which made the ratios step on fast pages (decision 027).
 */
export async function load(url: string, cookie: string | undefined, amount: number, connections = 10): Promise<LoadResult> {
  const times: number[] = [];
  let non2xx = 0;
  const started = performance.now();
  const run = autocannon({ url, connections: Math.min(connections, amount), amount, timeout: 60, headers: cookie ? { cookie } : {} });
  run.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    if (status < 200 || status >= 300) non2xx++;
  });
  const result = await run;
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...times].sort((x, y) => x - y);
  return {
    rps: times.length / seconds,
    meanMs: times.reduce((n, t) => n + t, 0) / Math.max(1, times.length),
    p50Ms: quantile(sorted, 0.5),
    p90Ms: quantile(sorted, 0.9),
    p95Ms: quantile(sorted, 0.95),
    requests: times.length,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/** The q-quantile of sorted values (nearest rank), NaN when empty. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
