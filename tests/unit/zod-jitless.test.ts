import { describe, expect, it } from "vitest";
import { makeZodJitless } from "@/lib/validation/zod-jitless";

describe("makeZodJitless (instrumentation-client.ts)", () => {
  it("sets the configuration zod itself reads, without importing zod", async () => {
    makeZodJitless();
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
    // The same object: a later change through zod is seen through the global, so zod reads nothing else.
    z.config({ customError: undefined });
    expect((globalThis as { __zod_globalConfig?: object }).__zod_globalConfig).toBe(z.config());
  });
});
