import "server-only";

/**
 * What every lifecycle job core takes. `now` is the clock (tests pass a fixed one); `merchantIds` limits a run
 * to some merchants (a manual re-run for one merchant; tests that share a database with other suites);
 * `pushUpstream` tells the sandbox a partner's grant set changed (after commit; never throws).
 */
export interface LifecycleRunOptions {
  now?: Date;
  merchantIds?: readonly string[];
  pushUpstream?: (partnerId: string) => Promise<unknown>;
}

export function merchantFilter(opts: LifecycleRunOptions): { merchantId?: { in: string[] } } {
  return opts.merchantIds ? { merchantId: { in: [...opts.merchantIds] } } : {};
}
