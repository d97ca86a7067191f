/**
 * Zod 4 keeps its global configuration on `globalThis.__zod_globalConfig` (zod/v4/core/core.js creates it on
 * first load, or reuses one already there). Setting `jitless` there before zod loads configures every copy zod
 * later loads on the page, without shipping zod (about 30 kB gzipped) to pages that never validate anything.
 * tests/unit/zod-jitless.test.ts checks that zod reads this very object.
 */
export function makeZodJitless(): void {
  const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
  g.__zod_globalConfig ??= {};
  g.__zod_globalConfig.jitless = true;
}
