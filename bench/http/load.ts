/** One page under load (10 concurrent connections), and a single probe request before it. */
import { writeFileSync } from "node:fs";

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
 * A fixed number of requests over `connections` concurrent loops (not a fixed time: on a busy shared machine a slow
 * page still completes its sample). Every request's time is taken here, from sending to the last byte of the body,
 * at sub-millisecond precision, so p50/p95 are exact over the sample (autocannon, used before, finished a load on
 * whole seconds of its ticker, which made req/s and their ratios step in whole numbers).
 */
export async function load(url: string, cookie: string | undefined, amount: number, connections = 10): Promise<LoadResult> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const times: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let next = 0;
  const started = performance.now();
  const loop = async () => {
    while (next < amount) {
      next++;
      const t0 = performance.now();
      const ac = new AbortController();
      const timer = setTimeout(() => ac.abort(), 60_000);
      try {
        const res = await fetch(url, { headers, redirect: "manual", signal: ac.signal });
        await res.arrayBuffer();
        times.push(performance.now() - t0);
        if (res.status < 200 || res.status >= 300) non2xx++;
      } catch (err) {
        if (ac.signal.aborted) timeouts++;
        else errors++;
        void err;
      } finally {
        clearTimeout(timer);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(connections, amount) }, loop));
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
    errors,
    timeouts,
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
