/** Timing helpers for the benchmarks: wall-clock samples and their median (robust to the odd GC pause). */
export interface Timing {
  label: string;
  samples: number[];
  median: number;
  min: number;
  max: number;
}

export function summarize(label: string, samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { label, samples, median, min: sorted[0]!, max: sorted.at(-1)! };
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * Runs each case `reps` times, interleaved (a, b, c, a, b, c, …) and in a rotating order, so a slow phase of
 * the machine hits every case alike. `before` runs untimed ahead of each sample (e.g. emptying the cache).
 */
export async function interleave(reps: number, cases: { label: string; run: () => Promise<unknown>; before?: () => Promise<unknown> }[]): Promise<Timing[]> {
  const samples = new Map(cases.map((c) => [c.label, [] as number[]]));
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < cases.length; i++) {
      const c = cases[(i + r) % cases.length]!;
      await c.before?.();
      samples.get(c.label)!.push(await time(c.run));
    }
  }
  return cases.map((c) => summarize(c.label, samples.get(c.label)!));
}
